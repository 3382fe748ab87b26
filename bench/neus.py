"""Real multi-outlet coverage (NeuS / AllSides): the brief runs clean on every event.

For each event (a left-, a centre- and a right-rated outlet on one story) the brief is
built from the article excerpts; the script checks the contract on each brief, counts
conflicts per event, and writes a sample of conflicts for reading by hand.
The sample is the 20 conflicts with the smallest hash of (event, kind, values), so a rule that adds or
removes a conflict changes it by that conflict only. The verdicts read by a person are in
`bench/data/neus_review.jsonl` (label `real` or `noise` and a reason, keyed like the conflicts-dev
labels); the script shows each sampled conflict's verdict and counts the sample's real / noise /
unlabelled. `bench/results/neus_review.md` is the person's narrative of the reading.

    python bench/neus.py [--smoke] [--limit N] [--cache DIR]

With `--cache` the analysed stories are pickled (reruns skip the NLP pass and re-run the claim and
conflict stages on them with the current code: what a conflict rule changes shows in a minute).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import EVAL_DATA, options, read_jsonl, smoke, write_results

DATA = EVAL_DATA / "neus" / "allsides-triplets.jsonl"
REVIEW = Path(__file__).resolve().parent / "data" / "neus_review.jsonl"
SAMPLE = 20


def articles(event: dict) -> list:
    from storylens.models import Article

    published = (event.get("date") or "")[:10] or None
    return [
        Article(id=d["id"], raw=d["text"], title=d.get("title"), outlet=d.get("outlet"), url=d.get("url"),
                published=published)
        for d in event["documents"]
    ]


def split_of(event_id: str) -> str:
    """Tune / holdout half of an event, as bench/conflicts.py splits its clusters (sha1 of the id)."""
    return "tune" if hashlib.sha1(event_id.encode()).digest()[0] % 2 == 0 else "holdout"


def event_brief(event: dict, cache: Path | None) -> object:
    """The brief of one event; with a cache, the analysed story is pickled and its later stages re-run."""
    import storylens
    from storylens.api import analyse, prepare, to_brief

    target = cache / f"{event['id']}.pkl" if cache else None
    if target is None:
        return storylens.brief(articles(event))
    if target.exists():
        from storylens.claims import align_claims
        from storylens.conflicts import detect_conflicts
        from storylens.conflicts.detect import prefetch

        story = pickle.loads(target.read_bytes())
        prefetch(story)  # the NLP pass makes these parses (a pickled story does not keep them)
        story.claims = align_claims(story)  # fresh claim statuses for the conflict stage to mark
        story.conflicts = detect_conflicts(story)
        return to_brief(story)
    story = analyse(prepare(articles(event)))
    target.write_bytes(pickle.dumps(story))
    return to_brief(story)


def conflict_key(c: dict) -> tuple[str, str, tuple[str, ...]]:
    """What identifies a conflict across runs: its event, its kind and its sides' values."""
    return c["event"], c["kind"], tuple(sorted(v["value"] for v in c["values"]))


def stable_sample(found: list[dict], n: int = SAMPLE) -> list[dict]:
    """The n conflicts with the smallest hash of their key (not a seeded draw by position)."""
    return sorted(found, key=lambda c: hashlib.sha1(repr(conflict_key(c)).encode()).hexdigest())[:n]


def read_review() -> dict[tuple[str, str, tuple[str, ...]], dict]:
    if not REVIEW.exists():
        return {}
    rows = read_jsonl(REVIEW)
    return {(r["event"], r["kind"], tuple(sorted(r["values"]))): r for r in rows}


def contract_problems(brief) -> list[str]:
    data = json.loads(brief.to_json())
    text = {s["id"]: s["text"] for s in data["sources"]}
    problems = []
    stack = [data]
    while stack:
        o = stack.pop()
        if isinstance(o, dict):
            if {"source", "start", "end", "quote"} <= o.keys() and text[o["source"]][o["start"]:o["end"]] != o["quote"]:
                problems.append("inexact quote")
            stack.extend(o.values())
        elif isinstance(o, list):
            stack.extend(o)
    for c in data["conflicts"]:
        if len({frozenset(v["sources"]) for v in c["values"]}) < 2:
            problems.append("one-sided conflict")
    return problems


def main() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    events = read_jsonl(DATA)
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N events")
    ap.add_argument("--cache", type=Path, help="pickle analysed stories here (reruns skip the NLP pass)")
    args = options(None, parser=ap)
    limit = args.limit or (8 if smoke() else None)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    events = events[:limit] if limit else events
    per_event, errors, bad, times, kinds = [], [], [], [], Counter()
    found: list[dict] = []
    for ev in events:
        t0 = time.perf_counter()
        try:
            b = event_brief(ev, args.cache)
        except Exception as exc:  # noqa: BLE001 - the benchmark records every failure
            errors.append(f"{ev['id']}: {type(exc).__name__}: {exc}")
            continue
        times.append(time.perf_counter() - t0)
        probs = contract_problems(b)
        if probs:
            bad.append(f"{ev['id']}: {sorted(set(probs))}")
        per_event.append(len(b.conflicts))
        for c in b.conflicts:
            kinds[c.kind] += 1
            found.append({
                "event": ev["id"], "split": split_of(ev["id"]), "issue": ev["issue"], "kind": c.kind, "topic": c.topic,
                "confidence": c.confidence,
                "values": [{"value": v.value, "sources": v.sources, "quotes": [q.quote for q in v.quotes][:2]}
                           for v in c.values],
            })
    sample = stable_sample(found)
    review = read_review()
    for c in sample:
        label = review.get(conflict_key(c))
        c["verdict"], c["why"] = (label["label"], label["reason"]) if label else ("unlabelled", "")
    verdicts = Counter(c["verdict"] for c in sample)
    dist = Counter(per_event)
    data = {
        "events": len(events), "briefs": len(per_event), "errors": errors, "contract_violations": bad,
        "conflicts_total": sum(per_event), "events_with_conflicts": sum(1 for n in per_event if n),
        "conflicts_per_event_mean": statistics.fmean(per_event) if per_event else 0,
        "distribution": dict(sorted(dist.items())), "kinds": dict(kinds),
        "median_seconds_per_event": statistics.median(times) if times else None,
        "conflicts_by_split": {h: sum(c["split"] == h for c in found) for h in ("tune", "holdout")},
        "events_by_split": {h: sum(split_of(e["id"]) == h for e in events) for h in ("tune", "holdout")},
        "sample_for_review": sample,
        "sample_verdicts": {k: verdicts[k] for k in ("real", "noise", "unlabelled")},
        "conflicts": found,
    }
    md = [
        "# NeuS / AllSides: the brief on real multi-outlet coverage",
        "",
        (f"- events: {len(events)}; briefs built: {len(per_event)}; errors: {len(errors)}; "
        f"contract violations: {len(bad)}"),
        (f"- conflicts: {sum(per_event)} in all; events with ≥1 conflict: {data['events_with_conflicts']} "
        f"({data['events_with_conflicts'] / max(1, len(per_event)):.0%}); mean per event "
        f"{data['conflicts_per_event_mean']:.2f}"),
        f"- conflicts per event (count: events): {data['distribution']}",
        f"- by kind: {dict(kinds)}",
        (f"- by half (sha1 of the event id, as bench/conflicts.py splits clusters): tune "
         f"{data['conflicts_by_split']['tune']} conflicts in {data['events_by_split']['tune']} events, holdout "
         f"{data['conflicts_by_split']['holdout']} in {data['events_by_split']['holdout']}"),
        f"- median time per event (warm): {data['median_seconds_per_event'] or 0:.2f} s",
        "",
        f"## A sample of {len(sample)} conflicts, read by hand",
        "",
        (f"The {len(sample)} conflicts with the smallest hash of (event, kind, values). Verdicts from "
         f"bench/data/neus_review.jsonl (strict: `real` only when the sources give different values for the "
         f"same fact): **{verdicts['real']} real, {verdicts['noise']} noise, {verdicts['unlabelled']} unlabelled**. "
         "The reading is discussed in [neus_review.md](neus_review.md)."),
        "",
    ]
    for i, c in enumerate(sample, 1):
        verdict = f"**{c['verdict']}**" + (f": {c['why']}" if c["why"] else "")
        md.append(f"{i}. **{c['event']}** ({c['issue']}; {c['split']}) — {c['kind']}: {c['topic']} "
                  f"(conf {c['confidence']:.2f}) — {verdict}")
        for v in c["values"]:
            q = v["quotes"][0] if v["quotes"] else ""
            md.append(f"   - `{v['value']}` [{', '.join(v['sources'])}]: “{q}”")
    if errors:
        md += ["", "## Errors", ""] + [f"- {e}" for e in errors]
    print(write_results("neus", data, "\n".join(md)))


if __name__ == "__main__":
    main()
