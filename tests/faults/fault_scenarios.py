"""Fault scenarios on the story database, shared by tests/faults and bench/faults.py.

Each scenario runs real `storylens` processes (by default through `lite_cli.py`,
the real CLI without the NLP models), hurts them (SIGKILL at a random moment, a
file-size limit standing in for a full disk, a read-only file, a second writer),
then checks the store with `check_store` and counts input records lost or stored
twice against an undisturbed reference run. Scenarios return flat dicts of counts.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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
            while proc.poll() is None and sum(stored(db).values()) < after_articles:
                time.sleep(0.002)
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


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


def reference(inputs: Sequence[Path], workdir: Path, lite: bool = True) -> tuple[set[str], float]:
    """Ingest undisturbed into a fresh store: the records that must end up stored, and how long it took."""
    db = workdir / "reference.db"
    _remove(db)
    t0 = time.perf_counter()
    done = run(["ingest", *map(str, inputs), "--db", str(db)], lite)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"reference ingest failed: {done.stderr.strip()}")
    keys = set(stored(db))
    _remove(db)
    return keys, took


def _remove(db: Path) -> None:
    """A database and its -wal/-shm files."""
    for part in db.parent.glob(f"{db.name}*"):
        part.unlink()


def problems(db: Path) -> list[str]:
    return check_store(db).problems if db.exists() else []


def ingest_kills(inputs: Sequence[Path], workdir: Path, kills: int, per_store: int, seed: int,
                 lite: bool = True) -> dict[str, Any]:
    """SIGKILL `storylens ingest` `kills` times at random moments; every `per_store` kills, finish the job.

    After every kill the store must pass the check; after each finishing run every
    reference record must be stored exactly once. A fresh store is used for each
    round, so kills keep landing in the middle of real work.
    """
    expected, took = reference(inputs, workdir, lite)
    rng = random.Random(seed)
    out = {"kills_attempted": 0, "kills_landed": 0, "kills_mid_stream": 0, "kills_survived": 0, "integrity_failures": 0,
           "rounds": 0, "reruns_failed": 0, "records_lost": 0, "records_duplicated": 0, "records_unexpected": 0,
           "reference_seconds": round(took, 2)}
    first_problem: str | None = None
    while out["kills_attempted"] < kills:
        db = workdir / f"round{out['rounds']}.db"
        args = ["ingest", *map(str, inputs), "--db", str(db)]
        for _ in range(min(per_store, kills - out["kills_attempted"])):
            out["kills_attempted"] += 1
            have = sum(stored(db).values()) if db.exists() else 0
            if rng.random() < 0.5 and len(expected) - have > 1:
                # after a random number of further articles, a few milliseconds into the next ones
                target = rng.randint(have + 1, len(expected) - 1)
                landed = killed_after(args, rng.uniform(0, 0.02), lite, db, target)
            else:
                landed = killed_after(args, rng.uniform(0.05, took), lite)
            out["kills_landed"] += int(landed)
            # Kills that cut the stream in the middle: some records stored, not all.
            n = sum(stored(db).values()) if db.exists() else 0
            out["kills_mid_stream"] += int(landed and 0 < n < len(expected))
            found = problems(db)
            if found:
                out["integrity_failures"] += 1
                first_problem = first_problem or found[0]
            elif landed:
                out["kills_survived"] += 1
        if run(args, lite).returncode != 0:
            out["reruns_failed"] += 1
        found = problems(db)
        if found:
            out["integrity_failures"] += 1
            first_problem = first_problem or found[0]
        counts = tally(db, expected)
        for key in ("records_lost", "records_duplicated", "records_unexpected"):
            out[key] += counts[key]
        out["rounds"] += 1
        _remove(db)
    out["records_expected_per_round"] = len(expected)
    out["first_problem"] = first_problem
    return out


def one_story_store(corpus: Path, db: Path, held_back: int = 1) -> tuple[str, list[Any]]:
    """A store holding the corpus's articles (all but `held_back`) as one story; returns its key and the rest.

    Written through the store API with one shared feature vector, so the story does
    not depend on the clusterer; the held-back articles make it stale later.
    """
    from lite_cli import lite_features

    from storylens.api import load, prepare
    from storylens.store import StoryStore

    articles = prepare(load([corpus]))
    shared = lite_features(articles[:1])[0]
    with StoryStore(db) as store:
        for art in articles[:-held_back]:
            added = store.add(art, _same_features(shared, art.id))
    return str(added.story), articles[-held_back:]


def _same_features(base: Any, key: str) -> Any:
    from dataclasses import replace

    return replace(base, id=key)


def add_articles(db: Path, articles: Sequence[Any], like: str) -> None:
    """Add articles to the story `like` (same shared features) so that its brief goes stale."""
    from lite_cli import lite_features

    from storylens.store import StoryStore

    with StoryStore(db) as store:
        rowid, _ = store.resolve_story(like)
        first = store.story_articles(rowid)[0]
        shared = lite_features([first])[0]
        for art in articles:
            store.add(art, _same_features(shared, art.id))


def recompute_kills(corpus: Path, workdir: Path, kills: int, seed: int) -> dict[str, Any]:
    """SIGKILL `storylens brief --story` (real models) while it recomputes a stale story's brief.

    After each kill the store passes the check, the previous version is still the latest
    and still readable, and the story is still stale; the next run stores version 2.
    """
    from storylens.models import Brief
    from storylens.store import StoryStore

    db = workdir / "recompute.db"
    _remove(db)
    story, rest = one_story_store(corpus, db)
    args = ["brief", "--story", story, "--db", str(db), "-f", "json"]
    t0 = time.perf_counter()
    first = run(args, lite=False)
    took = time.perf_counter() - t0
    first.check_returncode()
    add_articles(db, rest, story)
    rng = random.Random(seed)
    out = {"kills_attempted": 0, "kills_landed": 0, "kills_survived": 0, "integrity_failures": 0,
           "old_brief_unreadable": 0, "brief_versions_lost": 0, "brief_seconds": round(took, 1)}
    for _ in range(kills):
        out["kills_attempted"] += 1
        landed = killed_after(args, rng.uniform(0.1, 1.0) * took, lite=False)
        out["kills_landed"] += int(landed)
        if landed:
            ok = not problems(db)
            out["integrity_failures"] += int(not ok)
            with StoryStore(db, readonly=True) as store:
                rowid, _ = store.resolve_story(story)
                latest = store.latest_brief(rowid)
                try:
                    Brief.from_json(latest[1]) if latest else None
                except ValueError:
                    out["old_brief_unreadable"] += 1
            out["kills_survived"] += int(ok and latest is not None)
            out["brief_versions_lost"] += int(brief_versions(db, story)[:1] != [1])
    final = run(args, lite=False)
    versions = brief_versions(db, story)
    with StoryStore(db, readonly=True) as store:
        stale = store.is_stale(store.resolve_story(story)[0])
    out.update({
        "final_run_ok": int(final.returncode == 0),
        "final_versions": len(versions),
        "final_fresh": int(not stale),
        "integrity_failures": out["integrity_failures"] + int(bool(problems(db))),
    })
    return out


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


def disk_full(first: Path, full: Path, workdir: Path, headroom: int) -> dict[str, Any]:
    """Ingest `first`, then ingest `full` while no file may grow past the database size + `headroom` bytes.

    The failing run must stop with a one-line error, keep every article stored before,
    leave a store that passes the check; the next run, with space again, finishes the job.
    """
    db = workdir / "full.db"
    _remove(db)
    run(["ingest", str(first), "--db", str(db)]).check_returncode()
    before = set(stored(db))
    limit = db.stat().st_size + headroom
    failed = run(["ingest", str(full), "--db", str(db)], env={"STORYLENS_FSIZE_LIMIT": str(limit)})
    after_fail = set(stored(db))
    found_after_fail = problems(db)
    expected, _ = reference([full], workdir)
    rerun = run(["ingest", str(full), "--db", str(db)])
    counts = tally(db, expected)
    _remove(db)
    return {
        "failed_cleanly": int(one_line_error(failed, db)),
        "error_line": _last_line(failed.stderr),
        "stored_before": len(before),
        "stored_lost_by_failure": len(before - after_fail),
        "stored_by_failed_run": len(after_fail - before),
        "integrity_failures": int(bool(found_after_fail)) + int(bool(problems(db))),
        "rerun_ok": int(rerun.returncode == 0),
        **{k: counts[k] for k in ("records_lost", "records_duplicated", "records_unexpected")},
    }


def disk_full_new(inputs: Path, workdir: Path, limit: int) -> dict[str, Any]:
    """Create a new store on a disk with `limit` bytes per file: a clean failure, then a normal run."""
    db = workdir / "full-new.db"
    _remove(db)
    failed = run(["ingest", str(inputs), "--db", str(db)], env={"STORYLENS_FSIZE_LIMIT": str(limit)})
    rerun = run(["ingest", str(inputs), "--db", str(db)])
    out = {"failed_cleanly": int(one_line_error(failed, db)), "error_line": _last_line(failed.stderr),
           "rerun_ok": int(rerun.returncode == 0), "integrity_failures": int(bool(problems(db)))}
    _remove(db)
    return out


def _last_line(text: str) -> str:
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


def store_fresh_brief(db: Path) -> tuple[str, str]:
    """Give the first story an up-to-date brief; returns (that story, another story left stale)."""
    from storylens.store import StoryStore

    with StoryStore(db) as store:
        stories = [r["story_id"] for r in store.list_stories()]
        rowid, key = store.resolve_story(stories[0])
        arts = store.story_articles(rowid)
        store.save_brief(rowid, tiny_brief(arts[0].id, arts[0].text), [a.id for a in arts], None)
    return key, stories[1]


def _drop_file_capabilities() -> None:
    """In the child, before exec: give up root's power to ignore file permissions (as `chmod` expects)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for cap in (1, 2, 3, 9):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_LINUX_IMMUTABLE
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def read_only(inputs: Path, more: Path) -> dict[str, Any]:
    """Ingest into a database in a read-only file and folder: one-line error, file unchanged, still readable.

    chmod does not bind root, so as root the hurt processes drop the capabilities that
    bypass file permissions (the bounding set is applied at exec, like `setpriv`).
    """
    folder = Path(tempfile.mkdtemp(prefix="storylens-ro-"))
    db = folder / "ro.db"
    try:
        run(["ingest", str(inputs), "--db", str(db)]).check_returncode()
        fresh, stale = store_fresh_brief(db)
        db.chmod(0o444)
        folder.chmod(0o555)
        before = digest(db)
        hurt = _drop_file_capabilities if os.geteuid() == 0 else None
        write = run(["ingest", str(more), "--db", str(db)], preexec=hurt)
        listing = run(["stories", "--db", str(db), "-f", "jsonl"], preexec=hurt)
        check = run(["check", str(db)], preexec=hurt)
        shown = run(["brief", "--story", fresh, "--db", str(db), "-f", "json"], preexec=hurt)
        refused = run(["brief", "--story", stale, "--db", str(db), "-f", "json"], preexec=hurt)
        return {
            "write_failed_cleanly": int(one_line_error(write, db)),
            "error_line": _last_line(write.stderr),
            "file_unchanged": int(digest(db) == before),
            "read_ok": int(listing.returncode == 0 and bool(listing.stdout.strip())),
            "read_error": listing.stderr.strip()[-200:],
            "check_ok": int(check.returncode == 0),
            "fresh_brief_shown": int(shown.returncode == 0 and '"storylens.brief/1"' in shown.stdout),
            "stale_brief_refused_cleanly": int(one_line_error(refused, db)),
            "integrity_failures": int(bool(problems(db))),
        }
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def two_writers(a: Path, b: Path, workdir: Path, expected: set[str], tag: str) -> dict[str, Any]:
    """Two `storylens ingest` processes on one new database at once, with overlapping inputs."""
    db = workdir / f"two-{tag}.db"
    _remove(db)
    procs = [subprocess.Popen(command(["ingest", str(p), "--db", str(db)]), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT) for p in (a, b)]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in procs]
    at_once = tally(db, expected) if db.exists() else {"records_lost": len(expected), "records_duplicated": 0}
    clean = [rc == 0 or (rc != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err)
             for rc, err in results]
    rerun = run(["ingest", str(a), str(b), "--db", str(db)])
    counts = tally(db, expected)
    found = problems(db)
    _remove(db)
    return {
        "writers_finished": sum(rc == 0 for rc, _ in results),
        "writers_failed_uncleanly": sum(not ok for ok in clean),
        # When both writers finished, the job must be done without any rerun.
        "lost_after_writers": at_once["records_lost"] if all(rc == 0 for rc, _ in results) else 0,
        "duplicated_after_writers": at_once["records_duplicated"],
        "rerun_ok": int(rerun.returncode == 0),
        "integrity_failures": int(bool(found)),
        **{k: counts[k] for k in ("records_lost", "records_duplicated", "records_unexpected")},
        "errors": json.dumps([err.strip()[-200:] for rc, err in results if rc != 0]),
    }
