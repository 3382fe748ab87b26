"""The public surface is deliberate, importing is cheap, and every CLI command has help."""

from __future__ import annotations

import subprocess
import sys

import pytest

import storylens


def test_all_lists_exactly_the_public_names():
    public = {n for n in dir(storylens) if not n.startswith("_")} - {
        # submodules that Python binds as attributes once imported
        "api", "errors", "models", "nlp", "ingest", "clean", "entities", "claims", "conflicts",
        "timeline", "summarize", "report", "stories", "store", "scale", "web", "cli", "logging",
    }
    assert set(storylens.__all__) - {"__version__"} == public


def test_import_does_no_heavy_work():
    code = (
        "import sys, storylens; "
        "heavy = [m for m in ('spacy', 'torch', 'sentence_transformers', 'trafilatura') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("command", ["brief", "schema", "extract", "ingest", "stories", "cluster", "serve"])
def test_every_command_has_help(command):
    out = subprocess.run([sys.executable, "-m", "storylens", command, "--help"], check=False, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Usage" in out.stdout


def test_errors_are_one_line():
    err = storylens.InputError("a/b.txt", "the file is empty\nsecond line")
    assert str(err) == "a/b.txt: the file is empty second line"
    assert isinstance(err, storylens.StorylensError)
