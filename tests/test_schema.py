"""The shipped JSON Schema matches the models, and real briefs validate against it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from storylens.report.schema import generate_schema, load_schema, validate

CHECKER_NAME = "check_brief_contract.py"


def test_shipped_schema_is_generated_from_models():
    assert load_schema() == json.loads(json.dumps(generate_schema())), (
        "schema drifted: python -m storylens.report.schema > src/storylens/schema/brief.v1.json"
    )


def test_schema_command_prints_it():
    out = subprocess.run([sys.executable, "-m", "storylens", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["properties"]["schema"]["const"] == "storylens.brief/1"


@pytest.mark.slow
def test_corpus_brief_validates_and_passes_the_contract(corpus_brief, tmp_path, eval_data):
    data = json.loads(corpus_brief.to_json())
    validate(data)
    assert data["schema"] == "storylens.brief/1"
    path = tmp_path / "brief.json"
    path.write_text(corpus_brief.to_json())
    checker = eval_data.parent / "tools" / CHECKER_NAME
    if not checker.exists():
        pytest.skip("contract checker not found")
    out = subprocess.run([sys.executable, str(checker), str(path)], check=False, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


@pytest.mark.slow
def test_json_round_trip(corpus_brief):
    from storylens import Brief

    again = Brief.from_json(corpus_brief.to_json())
    assert again == corpus_brief
