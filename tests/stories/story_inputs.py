"""Shared inputs for the story tests (a plain module, not a conftest: two conftest modules clash by name when folders run together)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL_DATA = Path(os.environ.get("STORYLENS_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
ECB = EVAL_DATA / "clustering" / "ecbplus_public.jsonl"


def ecb_records() -> list[dict]:
    if not ECB.exists():
        pytest.skip(f"eval data not found: {ECB}")
    return [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "published": r["date"],
                                 "url": r["url"]}) + "\n" for r in records)
    return path


def storylens(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storylens", *args], capture_output=True, text=True, check=False, **kw)
