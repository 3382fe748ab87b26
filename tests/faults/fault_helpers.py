"""Helpers of the fault scenarios: run or kill `storylens`, count stored records, check the store."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from storylens.store.check import check_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LITE_CLI = HERE / "lite_cli.py"
STORYLENS = Path(sys.executable).parent / "storylens"
ECBPLUS = "clustering/ecbplus_public.jsonl"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def write_records(eval_data: Path, out: Path, start: int, stop: int) -> Path:
    """Records start..stop of the ECB+ articles as a JSONL stream to ingest."""
    with open(eval_data / ECBPLUS, encoding="utf-8") as src:
        lines = [ln for ln in src if ln.strip()][start:stop]
    out.write_text("".join(lines), encoding="utf-8")
    return out


def command(args: Sequence[str], lite: bool = True) -> list[str]:
    """`storylens ARGS`, without the models (lite) or the real installed CLI."""
    return [sys.executable, str(LITE_CLI), *args] if lite else [str(STORYLENS), *args]


def run(args: Sequence[str], lite: bool = True, env: dict[str, str] | None = None,
        preexec: Callable[[], None] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(args, lite), check=False, capture_output=True, text=True,
                          env={**ENV, **(env or {})},
                          timeout=timeout, preexec_fn=preexec, cwd=ROOT)


def killed_after(args: Sequence[str], delay: float, lite: bool = True, db: Path | None = None,
                 after_articles: int | None = None) -> bool:
    """Start `storylens ARGS`, SIGKILL it; False if it had already finished.

    The kill comes `delay` seconds after the start, or, with `after_articles`, `delay`
    seconds after `db` first holds that many articles: writes come in short bursts
    between long stretches of reading and cleaning, and a clock alone rarely hits them.
    """
    proc = subprocess.Popen(command(args, lite), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=ENV, cwd=ROOT)
    try:
        if after_articles is not None and db is not None:
            while proc.poll() is None and count_articles(db) < after_articles:
                time.sleep(0.01)
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def count_articles(db: Path) -> int:
    """How many articles a store holds right now (0 before its schema exists); cheap enough to poll."""
    import sqlite3

    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def stored(db: Path) -> dict[str, int]:
    """Article key -> how many times it is stored (a record stored twice would get a "~2" key)."""
    import sqlite3

    if not db.exists():
        return {}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        keys = [k for (k,) in conn.execute("SELECT key FROM articles")]
    except sqlite3.OperationalError:  # no schema yet (killed while creating it): nothing stored
        keys = []
    finally:
        conn.close()
    counts: dict[str, int] = {}
    for key in keys:
        base = key.split("~")[0]
        counts[base] = counts.get(base, 0) + 1
    return counts


def tally(db: Path, expected: set[str]) -> dict[str, int]:
    """Records lost / stored twice / unexpected compared with the reference run."""
    got = stored(db)
    return {
        "records_expected": len(expected),
        "records_lost": len(expected - got.keys()),
        "records_duplicated": sum(n - 1 for n in got.values()),
        "records_unexpected": len(got.keys() - expected),
    }


def reference(inputs: Sequence[Path], workdir: Path, lite: bool = True, repeat: int = 1) -> tuple[set[str], float]:
    """Ingest undisturbed into a fresh store: the records that must end up stored, and how long it took.

    The time bounds the random kill delays; on a shared machine one run can be slowed
    several times over, so `repeat` > 1 takes the fastest of several runs.
    """
    db = workdir / "reference.db"
    times = []
    for _ in range(repeat):
        remove_store(db)
        t0 = time.perf_counter()
        done = run(["ingest", *map(str, inputs), "--db", str(db)], lite)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise RuntimeError(f"reference ingest failed: {done.stderr.strip()}")
    keys = set(stored(db))
    remove_store(db)
    return keys, min(times)


def remove_store(db: Path) -> None:
    """A database and its -wal/-shm files."""
    for part in db.parent.glob(f"{db.name}*"):
        part.unlink()


def problems(db: Path) -> list[str]:
    return check_store(db).problems if db.exists() else []


def brief_versions(db: Path, story: str) -> list[int]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [v for (v,) in conn.execute(
            "SELECT b.version FROM briefs b JOIN stories s ON s.id = b.story_id WHERE s.key = ? ORDER BY 1",
            (story,))]
    finally:
        conn.close()


def digest(path: Path) -> str:
    """Hash of a database and its WAL: equal digests mean nothing was written."""
    h = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            h.update(part.read_bytes())
    return h.hexdigest()


def one_line_error(result: subprocess.CompletedProcess[str], db: Path) -> bool:
    """The CLI contract for a user-facing failure: exit != 0, one `storylens: error:` line naming the file.

    Lines before it reporting skipped input records are fine; a traceback is not.
    """
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("storylens: error:")]
    return (result.returncode != 0 and len(errors) == 1 and str(db.name) in errors[0]
            and "Traceback" not in result.stderr)


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def tiny_brief(source: str, text: str) -> str:
    """A small valid brief of one stored article (its first word, quoted verbatim)."""
    from storylens.models import Brief

    word = text.split()[0]
    return Brief.model_validate({
        "schema": "storylens.brief/1", "story": {"title": "t", "n_sources": 1},
        "sources": [{"id": source, "text": text}],
        "summary": [{"text": word, "sources": [source],
                     "quotes": [{"source": source, "start": 0, "end": len(word), "quote": word}]}],
    }).to_json(indent=None)


def store_fresh_briefs(db: Path) -> None:
    """Give every live story but the last an up-to-date brief (the last one stays stale)."""
    from storylens.store import StoryStore

    with StoryStore(db) as store:
        for rec in store.list_stories()[:-1]:
            rowid, _ = store.resolve_story(rec["story_id"])
            arts = store.story_articles(rowid)
            store.save_brief(rowid, tiny_brief(arts[0].id, arts[0].text), [a.id for a in arts], None)


def fresh_and_stale(db: Path) -> tuple[str, str]:
    """A live story whose brief is up to date and one whose brief is missing or out of date."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT s.key, s.stale FROM stories s WHERE s.merged_into IS NULL "
            "AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id) ORDER BY s.id").fetchall()
    finally:
        conn.close()
    fresh = next(k for k, stale in rows if not stale)
    return fresh, next(k for k, stale in rows if stale)


def drop_file_capabilities() -> None:
    """In the child, before exec: give up root's power to ignore file permissions (as `chmod` expects)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for cap in (1, 2, 3, 9):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_LINUX_IMMUTABLE
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")
