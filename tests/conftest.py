"""Shared fixtures. Models load once per test session; nothing here touches the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "kim-train-2023"
EVAL_DATA = Path(os.environ.get("STORYLENS_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def eval_data() -> Path:
    if not EVAL_DATA.is_dir():
        pytest.skip(f"eval data not found at {EVAL_DATA}")
    return EVAL_DATA


@pytest.fixture(scope="session")
def corpus_brief():
    """The brief of the bundled corpus, computed once per session."""
    import storylens

    return storylens.brief(CORPUS)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium (Debian's), one per test module; skipped when it is not installed."""
    from live import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    if path is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()
