"""Ingest stage: files and folders in, raw `Article`s out. (interim: replaced by the ingest owner)"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storylens.errors import InputError
from storylens.models import Article


def load_paths(paths: Sequence[str | Path]) -> list[Article]:
    out: list[Article] = []
    for p in map(Path, paths):
        files = sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p]
        if not p.exists():
            raise InputError(str(p), "no such file or folder")
        for f in files:
            raw = f.read_text(encoding="utf-8")
            out.append(Article(id=f.stem, raw=raw, raw_format="html" if f.suffix in (".html", ".htm") else "text",
                               path=str(f)))
    return out


__all__ = ["load_paths"]
