"""`check_store`: is a story database whole after a crash, a full disk or two writers at once?

Read-only: the checks never change the file. Each problem found is one line
naming what is wrong and how many rows it affects, so `storylens check` can
print them and the fault-injection tests can assert there are none.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from storylens.errors import StorylensError
from storylens.models import Brief
from storylens.store.db import connect, describe

# (what is wrong, SQL returning the number of rows affected). Derived from the schema in schema.py:
# every reference between tables, the story-key convention and every uniqueness rule.
ROW_CHECKS: list[tuple[str, str]] = [
    ("articles pointing to a missing story",
     "SELECT COUNT(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL"),
    ("articles still assigned to a story that was merged away",
     "SELECT COUNT(*) FROM articles a JOIN stories s ON s.id = a.story_id WHERE s.merged_into IS NOT NULL"),
    ("live stories without any article",
     ("SELECT COUNT(*) FROM stories s WHERE s.merged_into IS NULL "
     "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)")),
    ("stories merged into a missing story",
     ("SELECT COUNT(*) FROM stories s LEFT JOIN stories t ON t.id = s.merged_into "
     "WHERE s.merged_into IS NOT NULL AND t.id IS NULL")),
    ("stories merged into themselves", "SELECT COUNT(*) FROM stories WHERE merged_into = id"),
    # A story is created under a temporary key and renamed in the same transaction.
    ("stories whose key is not s<rowid>", "SELECT COUNT(*) FROM stories WHERE key <> 's' || id"),
    ("briefs of a missing story",
     "SELECT COUNT(*) FROM briefs b LEFT JOIN stories s ON s.id = b.story_id WHERE s.id IS NULL"),
    ("stories whose brief versions are not numbered 1..N",
     ("SELECT COUNT(*) FROM (SELECT story_id FROM briefs GROUP BY story_id "
     "HAVING MIN(version) <> 1 OR MAX(version) <> COUNT(*))")),
    ("duplicate articles (same content hash)",
     "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n FROM articles GROUP BY content_hash HAVING n > 1)"),
    ("duplicate articles (same normalised URL)",
     ("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n FROM articles WHERE url IS NOT NULL "
     "GROUP BY url HAVING n > 1)")),
    ("duplicate article ids",
     "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n FROM articles GROUP BY key HAVING n > 1)"),
    ("duplicate story ids",
     "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n FROM stories GROUP BY key HAVING n > 1)"),
    ("articles with an empty text or missing clustering features",
     "SELECT COUNT(*) FROM articles WHERE TRIM(text) = '' OR LENGTH(embedding) = 0 OR features = ''"),
]


@dataclass
class CheckReport:
    """What `check_store` found: problems (empty when the store is whole) and row counts."""

    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line for the CLI."""
        sizes = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        if self.ok:
            return f"{self.path}: ok ({sizes})"
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"{self.path}: {len(self.problems)} problem(s): {self.problems[0]}{more}"

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "ok": self.ok, "problems": self.problems, **self.counts}


def check_store(path: str | Path) -> CheckReport:
    """Check a story database without changing it.

    Raises `StoreError` only when the file cannot be opened as a story database at all
    (missing, foreign, unreadable); damage inside a database is reported as problems.
    """
    report = CheckReport(Path(path))
    conn = connect(path, readonly=True)
    try:
        _run(conn, report)
    except sqlite3.DatabaseError as exc:  # a corrupt page can surface in any query
        report.problems.append(describe(exc))
    finally:
        conn.close()
    return report


def _run(conn: sqlite3.Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.append(f"integrity_check: {integrity[0]}" + (f" (+{len(integrity) - 1} more)"
                                                                     if len(integrity) > 1 else ""))
    broken_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken_keys:
        tables = sorted({row[0] for row in broken_keys})
        report.problems.append(f"{len(broken_keys)} broken foreign key(s) in {', '.join(tables)}")
    for what, sql in ROW_CHECKS:
        (n,) = conn.execute(sql).fetchone()
        if n:
            report.problems.append(f"{n} {what}")
    report.problems.extend(_fts_problems(conn))
    report.problems.extend(_brief_problems(conn))
    for table in ("articles", "stories", "briefs"):
        (report.counts[table],) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()


def _fts_problems(conn: sqlite3.Connection) -> list[str]:
    """The full-text index must list exactly the stored articles (it is kept up by triggers)."""
    (indexed,) = conn.execute("SELECT COUNT(*) FROM articles_fts_docsize").fetchone()
    (missing,) = conn.execute(
        "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)"
    ).fetchone()
    (stored,) = conn.execute("SELECT COUNT(*) FROM articles").fetchone()
    problems = []
    if missing:
        problems.append(f"{missing} articles missing from the full-text index")
    if indexed != stored - missing:
        problems.append(f"{indexed - (stored - missing)} full-text index rows of no article")
    return problems


def _brief_problems(conn: sqlite3.Connection) -> list[str]:
    """Every stored brief must validate against the published model and quote its sources verbatim."""
    keys = {k for (k,) in conn.execute("SELECT key FROM articles")}
    invalid, misquoted, unknown_articles = [], [], []
    for story_id, version, articles, data in conn.execute(
        "SELECT story_id, version, articles, brief FROM briefs ORDER BY story_id, version"
    ):
        label = f"story {story_id} v{version}"
        try:
            brief = Brief.from_json(data)
            listed = json.loads(articles)
        except (ValidationError, ValueError, StorylensError):
            invalid.append(label)
            continue
        if not isinstance(listed, list) or not set(listed) <= keys:
            unknown_articles.append(label)
        texts = {s.id: s.text for s in brief.sources}
        if any(texts.get(q["source"], "")[q["start"]:q["end"]] != q["quote"]
               for q in _quotes(brief.model_dump())):
            misquoted.append(label)
    problems = []
    for what, labels in (("briefs that do not validate as storylens.brief", invalid),
                         ("briefs whose quotes are not verbatim source spans", misquoted),
                         ("briefs listing articles that are not stored", unknown_articles)):
        if labels:
            problems.append(f"{len(labels)} {what} (first: {labels[0]})")
    return problems


def _quotes(node: object) -> Iterator[dict[str, Any]]:
    """Every Quote-shaped object (source, start, end, quote) anywhere in a dumped brief."""
    if isinstance(node, dict):
        if {"source", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from _quotes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _quotes(value)
