"""Fault scenarios on the story database, shared by tests/faults and bench/faults.py.

Each scenario runs real `storylens` processes (by default through `lite_cli.py`,
the real CLI without the NLP models), hurts them (SIGKILL at a random moment, a
file-size limit standing in for a full disk, a read-only file, a second writer),
then checks the store with `check_store` and counts input records lost or stored
twice against an undisturbed reference run. Scenarios return flat dicts of counts.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fault_helpers import (
    ENV,
    ROOT,
    brief_versions,
    command,
    count_articles,
    digest,
    drop_file_capabilities,
    fresh_and_stale,
    killed_after,
    last_line,
    one_line_error,
    problems,
    reference,
    remove_store,
    run,
    store_fresh_briefs,
    stored,
    tally,
    tiny_brief,
    write_records,
)

__all__ = [
    "add_articles", "disk_full", "disk_full_new", "ingest_kills", "one_story_store", "read_only", "recompute_kills",
    "reference", "run", "tiny_brief", "two_writers", "write_records",
]


def ingest_kills(inputs: Sequence[Path], workdir: Path, kills: int, per_store: int, seed: int,
                 lite: bool = True, reference_runs: int = 1) -> dict[str, Any]:
    """SIGKILL `storylens ingest` `kills` times at random moments; every `per_store` kills, finish the job.

    After every kill the store must pass the check; after each finishing run every
    reference record must be stored exactly once. A fresh store is used for each
    round, so kills keep landing in the middle of real work.
    """
    expected, took = reference(inputs, workdir, lite, repeat=reference_runs)
    rng = random.Random(seed)
    out = {"kills_attempted": 0, "kills_landed": 0, "kills_mid_stream": 0, "kills_survived": 0, "integrity_failures": 0,
           "rounds": 0, "reruns_failed": 0, "records_lost": 0, "records_duplicated": 0, "records_unexpected": 0,
           "reference_seconds": round(took, 2)}
    first_problem: str | None = None
    while out["kills_attempted"] < kills:
        db = workdir / f"round{out['rounds']}.db"
        args = ["ingest", *map(str, inputs), "--db", str(db)]
        for _ in range(min(per_store, kills - out["kills_attempted"])):
            have = count_articles(db)
            if have >= len(expected):  # an earlier kill came after the last write: nothing left to cut
                break
            out["kills_attempted"] += 1
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
        remove_store(db)
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
    remove_store(db)
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


def disk_full(first: Path, full: Path, workdir: Path, headroom: int) -> dict[str, Any]:
    """Ingest `first`, then ingest `full` while no file may grow past the database size + `headroom` bytes.

    The failing run must stop with a one-line error, keep every article stored before,
    leave a store that passes the check; the next run, with space again, finishes the job.
    """
    db = workdir / "full.db"
    remove_store(db)
    run(["ingest", str(first), "--db", str(db)]).check_returncode()
    before = set(stored(db))
    limit = db.stat().st_size + headroom
    failed = run(["ingest", str(full), "--db", str(db)], env={"STORYLENS_FSIZE_LIMIT": str(limit)})
    after_fail = set(stored(db))
    found_after_fail = problems(db)
    expected, _ = reference([full], workdir)
    rerun = run(["ingest", str(full), "--db", str(db)])
    counts = tally(db, expected)
    remove_store(db)
    return {
        "failed_cleanly": int(one_line_error(failed, db)),
        "error_line": last_line(failed.stderr),
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
    remove_store(db)
    failed = run(["ingest", str(inputs), "--db", str(db)], env={"STORYLENS_FSIZE_LIMIT": str(limit)})
    rerun = run(["ingest", str(inputs), "--db", str(db)])
    out = {"failed_cleanly": int(one_line_error(failed, db)), "error_line": last_line(failed.stderr),
           "rerun_ok": int(rerun.returncode == 0), "integrity_failures": int(bool(problems(db)))}
    remove_store(db)
    return out


def read_only(inputs: Path, more: Path, after_kill: bool = False) -> dict[str, Any]:
    """Ingest into a database in a read-only file and folder: one-line error, file unchanged, still readable.

    With `after_kill`, an ingest was SIGKILLed just before, so its -wal and -shm files are
    still there (read-only too). chmod does not bind root, so as root the hurt processes
    drop the capabilities that bypass file permissions (the bounding set is applied at
    exec, like `setpriv`).
    """
    folder = Path(tempfile.mkdtemp(prefix="storylens-ro-"))
    db = folder / "ro.db"
    try:
        run(["ingest", str(inputs), "--db", str(db)]).check_returncode()
        store_fresh_briefs(db)
        if after_kill:
            killed_after(["ingest", str(more), "--db", str(db)], 0.01, db=db, after_articles=count_articles(db) + 1)
        fresh, stale = fresh_and_stale(db)
        if not after_kill:  # as a closed store is left: no -wal/-shm (the read above left empty ones)
            for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
                extra.unlink(missing_ok=True)
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        before = digest(db)
        hurt = drop_file_capabilities if os.geteuid() == 0 else None
        write = run(["ingest", str(more), "--db", str(db)], preexec=hurt)
        listing = run(["stories", "--db", str(db), "-f", "jsonl"], preexec=hurt)
        check = run(["check", str(db)], preexec=hurt)
        shown = run(["brief", "--story", fresh, "--db", str(db), "-f", "json"], preexec=hurt)
        refused = run(["brief", "--story", stale, "--db", str(db), "-f", "json"], preexec=hurt)
        return {
            "wal_left_by_kill": int(Path(f"{db}-wal").exists() and Path(f"{db}-wal").stat().st_size > 0),
            "write_failed_cleanly": int(one_line_error(write, db)),
            "error_line": last_line(write.stderr),
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
    remove_store(db)
    procs = [subprocess.Popen(command(["ingest", str(p), "--db", str(db)]), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT) for p in (a, b)]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in procs]
    at_once = tally(db, expected) if db.exists() else {"records_lost": len(expected), "records_duplicated": 0}
    clean = [rc == 0 or (rc != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err)
             for rc, err in results]
    rerun = run(["ingest", str(a), str(b), "--db", str(db)])
    counts = tally(db, expected)
    found = problems(db)
    remove_store(db)
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
