"""Helpers for the web UI tests: hand-made briefs, a model-free library, screenshots.

A plain module, not the conftest: two conftest modules clash by name when test folders run together.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).parent
ARTIFACTS = HERE.parent / "artifacts"

# The hand-made briefs live with the report tests; load that module by path (tests/ is not a package).
_spec = importlib.util.spec_from_file_location("report_samples", HERE.parent / "report_html" / "sample.py")
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)  # type: ignore[union-attr]


def fake_library(**briefs):  # type: ignore[no-untyped-def]
    """A FolderLibrary whose stories are the given briefs; added articles become extra sources.

    The build function is deterministic and model-free, so page tests stay fast; the pipeline itself
    is exercised by the slow tests.
    """
    from storylens.models import Article, Brief, Source, StoryInfo
    from storylens.web.library import FolderLibrary

    def build(inputs):  # type: ignore[no-untyped-def]
        known = isinstance(inputs[0], str) and inputs[0] in briefs
        base: Brief = (briefs[inputs[0]].model_copy(deep=True) if known
                       else Brief(story=StoryInfo(title="Untitled story", n_sources=0), sources=[]))
        for extra in inputs[1 if known else 0:]:
            if isinstance(extra, Article):
                text, sid = extra.raw, extra.id
            else:
                text, sid = Path(extra).read_text(encoding="utf-8"), Path(extra).stem
            base.sources.append(Source(id=sid, text=text, outlet=getattr(extra, "outlet", None)))
        base.story.n_sources = len(base.sources)
        return base

    library = FolderLibrary([], build=build)
    for name in briefs:
        library._new(name, [name])
    return library


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
