"""The JSON Schema of the brief, generated from the pydantic models and shipped with the package.

`schema/brief.v1.json` is the published copy; a test fails if it drifts from the models.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from storylens.models.brief import SCHEMA_ID, Brief


def generate_schema() -> dict[str, Any]:
    schema = Brief.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://storylens.invalid/schema/brief.v1.json"
    schema["title"] = f"storylens brief ({SCHEMA_ID})"
    schema["properties"]["schema"]["const"] = SCHEMA_ID
    return schema


def schema_text() -> str:
    """The shipped schema file's text."""
    return resources.files("storylens").joinpath("schema/brief.v1.json").read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    return json.loads(schema_text())


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if `data` does not follow the shipped schema."""
    import jsonschema

    jsonschema.validate(data, load_schema())


if __name__ == "__main__":  # regenerate: python -m storylens.report.schema > src/storylens/schema/brief.v1.json
    print(json.dumps(generate_schema(), indent=2))
