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
