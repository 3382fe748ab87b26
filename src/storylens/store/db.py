"""Opening the story database safely: refuse foreign, corrupt or newer files, migrate ours.

Every failure becomes a one-line `StoreError` and leaves the file as it was:
nothing is written before the file has been recognised as ours (or as new).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from storylens.errors import StoreError
from storylens.store.schema import MIGRATIONS, OUR_TABLES, READABLE_FROM, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """An open, migrated connection in autocommit mode (transactions are explicit)."""
    path = Path(path)
    _check_file(path, readonly)
    uri = f"file:{path.resolve()}?mode={'ro' if readonly else 'rwc'}"
    if readonly and _frozen(path):
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the story database: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _setup_waiting(conn, path, readonly)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: {describe(exc)}") from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _setup(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    version = _schema_version(conn, path)
    if not readonly:
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if version < SCHEMA_VERSION:
        if not readonly:
            _migrate(conn, version)
        elif version < READABLE_FROM:
            raise StoreError(f"{path}: the story database needs an upgrade; open it once for writing")


def _setup_waiting(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """`_setup`, retried while another process holds the database.

    Two processes opening a new database at once race to switch it to WAL and create the
    schema; SQLite can refuse the journal-mode switch at once (busy) instead of calling
    the busy handler, so the wait that busy_timeout gives every other statement is given here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            _setup(conn, path, readonly)
            return
        except sqlite3.OperationalError as exc:
            low = str(exc).lower()
            if ("locked" not in low and "busy" not in low) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def describe(exc: sqlite3.Error) -> str:
    """A user-facing reason for a SQLite error."""
    text = str(exc)
    low = text.lower()
    if "disk is full" in low or "database or disk is full" in low:
        return "the disk is full (nothing from the failed step was written)"
    if "disk i/o error" in low:
        # A full disk often surfaces as a failed write (EFBIG, EIO) rather than SQLITE_FULL.
        return ("cannot write to the disk (full, over a file-size limit, or failing); "
                "nothing from the failed step was written")
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return "the story database cannot be written here (read-only location?)"
    if "not a database" in low or "malformed" in low:
        return "the file is corrupt or not a storylens database"
    if "locked" in low or "busy" in low:
        return "the story database is busy (another storylens process is writing); try again"
    return f"database error: {text}"


def _frozen(path: Path) -> bool:
    """True for a database nobody can be writing: no WAL beside it and a folder we may not write.

    SQLite cannot open a WAL database read-only when it may not create the `-shm`
    file next to it (a read-only folder or medium) unless told the file is immutable;
    without a `-wal` file every committed change is in the main file.
    """
    parent = path.parent if str(path.parent) else Path(".")
    return path.exists() and not Path(f"{path}-wal").exists() and not os.access(parent, os.W_OK)


def _check_file(path: Path, readonly: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a story database")
    if path.exists():
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the story database: {exc.strerror}") from exc
        if head and head != SQLITE_HEADER:
            raise StoreError(f"{path}: not a SQLite file (is --db pointing at the right file?)")
        if not readonly and not os.access(path, os.W_OK):
            raise StoreError(f"{path}: the story database is read-only")
    else:
        if readonly:
            raise StoreError(f"{path}: no such story database (run `storylens ingest` first)")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(f"{path}: folder {parent} does not exist")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"{path}: cannot create the story database here (read-only location)")


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    # One read transaction: another process may commit its first migration between the reads.
    conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: made by a newer storylens (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade storylens"
        )
    if version == 0 and tables:
        raise StoreError(f"{path}: a SQLite file that is not a storylens database (tables: "
                         f"{', '.join(sorted(tables)[:5])})")
    if version > 0 and not OUR_TABLES <= tables:
        raise StoreError(f"{path}: a SQLite file that is not a storylens database")
    return version


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        # One transaction per migration, so a crash leaves a database at a known version; the
        # version is read again under the write lock because another process may have migrated.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] < number:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            # SQLite may already have rolled back (a full disk or I/O error does that): the
            # original error is the one to report, not "cannot rollback - no transaction".
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies contain semicolons)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
