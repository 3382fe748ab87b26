"""`storylens ingest`, `stories`, `recluster`, `check`, `cluster`, and the story part of `storylens brief`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storylens.cli import FLAG, app
from storylens.errors import InputError

if TYPE_CHECKING:
    from storylens.store import StoryStore

DEFAULT_DB = Path("stories.db")


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def _say(message: str) -> None:
    sys.stderr.write(f"storylens: {message}\n")


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(metavar="PATH_OR_URL", help="Files, folders or URLs (txt, html, jsonl, warc, feeds).")],
    db: Annotated[Path, typer.Option("--db", help="Story database (created if missing).")] = DEFAULT_DB,
    briefs: Annotated[bool, typer.Option("--briefs", metavar=FLAG, help="Also recompute the briefs of the stories that changed.")] = False,
    recluster: Annotated[bool | None, typer.Option(
        "--recluster/--no-recluster", metavar=FLAG,
        help="Then re-sort the whole store with the batch clustering (`storylens recluster`). "
             "Default: when the articles stored since the last re-sort are a fifth of the store or more.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", metavar=FLAG, help="Let URLs reach loopback and private addresses.")
    ] = False,
) -> None:
    """Add articles to the story database and sort them into stories. Running it twice changes nothing.

    Examples:

      storylens ingest examples/kim-train-2023 --db stories.db --briefs

      storylens stories --db stories.db
    """
    from storylens.store import StoryStore, ingest_paths

    skipped = Skipped()
    with StoryStore(db) as store:
        try:
            report = ingest_paths(store, inputs, progress=_ingest_progress if sys.stderr.isatty() else None,
                                  problem=skipped.report, allow_private=allow_private)
        except InputError as exc:
            raise skipped.failure(exc) from None
        except BaseException:
            skipped.flush()  # a store error or Ctrl-C must not swallow what was skipped before it
            raise
        skipped.flush()
        touched = set(report.touched)
        resorted = ""
        if recluster or (recluster is None and report.added and store.resort_due()):
            if sys.stderr.isatty():  # a re-sort of a large store takes a while: say why the ingest pauses
                _say(f"re-sorting the store ({plural(store.unsorted(), 'article')} since the last re-sort; "
                     "--no-recluster skips this)")
            moves = store.recluster()
            touched = {store.resolve_story(s)[1] for s in touched} | moves.touched
            resorted = f", re-sorted: {moves.moved} moved"
        counts = store.counts()
        line = (f"{report.added} added, {report.duplicates} already known, "
                f"{plural(report.new_stories, 'new story', 'new stories')}"
                f"{f', {report.merges} merged' if report.merges else ''}{resorted}; "
                f"{plural(counts['articles'], 'article')} in {plural(counts['stories'], 'story', 'stories')} in {db}")
        if briefs:
            line += _refresh(store, touched)
    _say(line)


def _refresh(store: StoryStore, stories: set[str]) -> str:
    """Recompute the stale briefs among `stories`; the clause for the summary line ("" when no story changed)."""
    from storylens.store import refresh_stale

    if not stories:
        return ""
    return f"; {plural(refresh_stale(store, stories), 'brief')} updated"


def cut(text: str, width: int) -> str:
    """At most `width` characters, with an ellipsis when something was cut (a title cut mid-word read as whole)."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


class Skipped:
    """The 'skipped' lines of an ingest, printed so that no problem is told twice.

    The first problem is held back: if nothing at all could be read, the store raises it, and it
    is then printed once, as the error, instead of as a 'skipped' line followed by the same error.
    """

    def __init__(self) -> None:
        self.held: InputError | None = None
        self.told = 0

    def report(self, exc: InputError) -> None:
        self.flush()
        if self.told:
            self._tell(exc)
        else:
            self.held = exc

    def flush(self) -> None:
        if self.held is not None:
            held, self.held = self.held, None
            self._tell(held)

    def _tell(self, exc: InputError) -> None:
        self.told += 1
        _say(f"skipped {exc}")

    def failure(self, exc: InputError) -> InputError:
        """The error to print when nothing could be read."""
        if exc is self.held or not self.told:
            return exc
        self.flush()
        return InputError(None, f"nothing could be read ({plural(self.told, 'input')} skipped, see above)")


def _ingest_progress(report: object) -> None:
    sys.stderr.write(f"\rstorylens: {report.seen} read, {report.added} added")  # type: ignore[attr-defined]
    sys.stderr.flush()


@app.command("stories")
def stories_cmd(
    db: Annotated[Path, typer.Option("--db", help="Story database.")] = DEFAULT_DB,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or jsonl.")] = ListFormat.table,
) -> None:
    """List the stories in the database, most recently active first.

    First/last seen: the earliest and latest publication days its articles state ("unknown" if none is dated).

    The jsonl records also give first_ingested and last_ingested: the UTC days the articles were stored.
    """
    from storylens.store import StoryStore

    with StoryStore(db, readonly=True) as store:
        records = store.list_stories()
    if format is ListFormat.jsonl:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("story", "title", "first seen", "last seen", "sources", "indep.", "conflicts", "brief")
    for r in records:
        brief = "none" if r["brief_version"] is None else f"v{r['brief_version']}" + (" (stale)" if r["stale"] else "")
        cells = (r["story_id"], cut(r["title"], 70), r["first_seen"] or "unknown", r["last_seen"] or "unknown",
                 str(r["n_sources"]), str(r["n_independent"]),
                 "-" if r["n_conflicts"] is None else str(r["n_conflicts"]), brief)
        # Text, not str: Rich reads "[bold]" in a str as markup, and "[/]" in a headline crashed the listing.
        table.add_row(*(Text(c) for c in cells))
    Console(width=160).print(table)


@app.command("recluster")
def recluster_cmd(
    db: Annotated[Path, typer.Option("--db", help="Story database.")] = DEFAULT_DB,
    briefs: Annotated[bool, typer.Option("--briefs", metavar=FLAG, help="Also recompute the briefs of the stories that changed.")] = False,
) -> None:
    """Re-sort every stored article into stories with the batch clustering (better than the article-by-article sorting of ingest).

    Story ids are kept where a new story is mostly an old one; a story left without articles is folded into the
    one that took most of them (its id still works). Run it after a large ingest, or nightly.
    """
    from storylens.store import StoryStore

    with StoryStore(db) as store:
        report = store.recluster()
        counts = store.counts()
        line = (f"{plural(report.articles, 'article')} re-sorted: {report.moved} moved, "
                f"{plural(len(report.touched), 'story', 'stories')} changed ({report.new} new, {report.folded} folded); "
                f"{plural(counts['articles'], 'article')} in {plural(counts['stories'], 'story', 'stories')} in {db}")
        if briefs:
            line += _refresh(store, report.touched)
    _say(line)


@app.command("check")
def check_cmd(
    db: Annotated[Path, typer.Argument(metavar="DB", help="Story database to check.")] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", metavar=FLAG, help="Print the full report as JSON on stdout.")] = False,
) -> None:
    """Check a story database (SQLite integrity, orphan rows, duplicates, stored briefs); exit 1 if broken."""
    from storylens.store.check import check_store

    report = check_store(db)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    _say(report.summary())
    if not report.ok:
        raise typer.Exit(1)


@app.command("cluster")
def cluster_cmd(
    corpus: Annotated[Path, typer.Argument(metavar="CORPUS", help="A JSONL/WARC file or a folder of shards.")],
    engine: Annotated[Engine, typer.Option("--engine", help="local (multiprocessing) or ray.")] = Engine.local,
    out: Annotated[Path, typer.Option("--out", help="Folder for articles.parquet and stories.parquet.")] = Path("clusters"),
    workers: Annotated[int, typer.Option("--workers", help="Worker processes / Ray actors (at least 1).")] = 2,
    db: Annotated[Path | None, typer.Option("--db", help="Also load the stories into this database.")] = None,
) -> None:
    """Batch-cluster a large corpus into stories (Parquet out; optionally into the story database)."""
    from storylens import scale
    from storylens.errors import ConfigError

    if workers < 1:
        raise ConfigError(f"--workers {workers}: give at least 1")
    # A wrong --out or --db fails now, not after the whole corpus is clustered.
    _check_out_folder(out)
    if db is not None:
        from storylens.store import StoryStore

        with StoryStore(db):
            pass
    if engine is Engine.ray:
        from storylens.scale.ray_engine import INSTALL_HINT, ray_available

        if not ray_available():
            raise ConfigError(INSTALL_HINT)
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ConfigError("writing Parquet needs pyarrow: pip install 'storylens[scale]'") from exc
    result = scale.run(corpus, engine.value, workers)
    # Unreadable shards and records are skipped, one line each (as ingest does); none readable at all is
    # the error, told once.
    skipped = Skipped()
    problems = [InputError(None, p) for p in result.problems]
    for p in problems:
        skipped.report(p)
    if not result.rows:
        if problems:
            raise skipped.failure(problems[0])
        raise InputError(str(corpus), "no readable article in it (give JSONL or WARC shards of news articles)")
    skipped.flush()
    from storylens.scale.output import load_into_store, write_parquet

    paths = write_parquet(result, out)
    line = f"{len(result.rows)} articles in {len(result.stories)} stories -> {', '.join(map(str, paths))}"
    if db is not None:
        loaded = load_into_store(result, db)
        line += f"; {loaded['added']} articles loaded into {db} ({loaded['skipped']} already there)"
    _say(line)


def _check_out_folder(out: Path) -> None:
    """Refuse an --out that is a file, or under a folder we may not write, before any work."""
    import os

    from storylens.errors import ConfigError

    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out}: is a file; give a folder (articles.parquet and stories.parquet go in it)")
    parent = next((p for p in [out, *out.parents] if p.exists()), Path("."))
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ConfigError(f"--out {out}: cannot create or write the folder ({parent} is not a writable folder)")


def story_brief_text(db: Path, story_id: str, since: int | None, fmt: str) -> str:
    """The brief of a stored story (recomputed and stored as a new version if stale), or what changed since a version."""
    import os

    from storylens.errors import StoreError
    from storylens.store import StoryStore, brief_at, current_brief
    from storylens.stories.diff import brief_changes, changes_html, changes_json, changes_markdown

    if not db.exists():  # reading a brief must not leave an empty database behind
        raise StoreError(f"{db}: no such story database (run `storylens ingest` first)")
    # A database we may not write still serves its up-to-date briefs.
    readonly = not os.access(db, os.W_OK)
    with StoryStore(db, readonly=readonly) as store:
        if readonly and store.is_stale(store.resolve_story(story_id)[0]):
            raise StoreError(f"{db}: the story database is read-only and the brief of story {story_id} "
                             "is out of date (it cannot be recomputed and stored here)")
        version, brief = current_brief(store, story_id)
        if since is None:
            if fmt == "json":
                return brief.to_json()
            return brief.to_html() if fmt == "html" else brief.to_markdown()
        old = brief_at(store, story_id, since)
    changes = brief_changes(old, brief)
    if fmt == "json":
        return changes_json(since, version, changes)
    if fmt == "html":
        return changes_html(brief.story.title, since, version, changes)
    return changes_markdown(brief.story.title, since, version, changes)
