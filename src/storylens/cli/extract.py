"""`storylens extract`: clean text and metadata of every article in files, folders, archives, feeds or URLs."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from storylens.cli import FLAG, app


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    md = "md"


@app.command("extract")
def extract_cmd(
    inputs: Annotated[list[str], typer.Argument(metavar="PATH_OR_URL", help="Files, folders, WARC archives, feeds or http(s) URLs.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", metavar=FLAG, help="Allow URLs on loopback and private networks (refused by default).")] = False,
) -> None:
    """Clean text and metadata, one JSON record per article; exit code 1 if any input failed.

    Fields: id, url, title, author, outlet, published, language, text, removed, duplicate_of, error.

    The inputs that could be read are printed even when others fail.

    Examples:

      storylens extract examples/kim-train-2023 -f md -o articles.md

      storylens extract examples/kim-train-2023/000_ca5cd369038722f6.txt
    """
    from storylens.cli.brief import _check_writable, _emit
    from storylens.ingest.extract import extract_records

    _check_writable(output)  # before a whole archive is read, not after
    records = extract_records(inputs, allow_private=allow_private)
    _emit(render_records(records, format.value), output)
    failed = [r for r in records if r["error"]]
    for r in failed:
        sys.stderr.write(f"storylens: error: {r['error']}\n")
    if failed:
        # SystemExit, not typer.Exit: cli.main runs click with standalone_mode=False, which turns
        # typer.Exit into a return value that main() does not pass on.
        raise SystemExit(1)


def render_records(records: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "md":
        return "\n\n".join(_markdown(r) for r in records)
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


def _markdown(r: dict[str, Any]) -> str:
    # Article text is untrusted: escaped like the Markdown brief, so no tag survives rendering to HTML.
    from storylens.report.markdown import esc

    if r["error"]:
        return f"## Error\n\n{esc(r['error'])}"
    meta = [f"- {k}: {esc(str(r[k]))}" for k in ("id", "url", "author", "outlet", "published", "language",
                                                 "duplicate_of") if r.get(k)]
    paragraphs = [esc(p) for p in (r["text"] or "").split("\n") if p.strip()]
    return "\n".join([f"## {esc(r['title'] or r['id'])}", "", *meta, "", "\n\n".join(paragraphs) or "*(no text)*"])
