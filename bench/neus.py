"""Real multi-outlet coverage (NeuS / AllSides): the brief runs clean on every event.

For each event (a left-, a centre- and a right-rated outlet on one story) the brief is
built from the article excerpts; the script checks the contract on each brief, counts
conflicts per event, and writes a sample of conflicts for reading by hand.
The hand judgement is recorded in `bench/results/neus_review.md` (written by a person,
not by this script) against the sample this script writes.

    python bench/neus.py [--smoke] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import EVAL_DATA, options, read_jsonl, smoke, write_results

DATA = EVAL_DATA / "neus" / "allsides-triplets.jsonl"
SAMPLE = 20


def articles(event: dict) -> list:
    from storylens.models import Article

    published = (event.get("date") or "")[:10] or None
    return [
        Article(id=d["id"], raw=d["text"], title=d.get("title"), outlet=d.get("outlet"), url=d.get("url"),
                published=published)
        for d in event["documents"]
    ]


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
    import storylens

    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    events = read_jsonl(DATA)
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N events")
    limit = options(None, parser=ap).limit or (8 if smoke() else None)
    events = events[:limit] if limit else events
    per_event, errors, bad, times, kinds = [], [], [], [], Counter()
    found: list[dict] = []
    for ev in events:
        t0 = time.perf_counter()
        try:
            b = storylens.brief(articles(ev))
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
                "event": ev["id"], "issue": ev["issue"], "kind": c.kind, "topic": c.topic,
                "confidence": c.confidence,
                "values": [{"value": v.value, "sources": v.sources, "quotes": [q.quote for q in v.quotes][:2]}
                           for v in c.values],
            })
    rng = random.Random(7)
    sample = rng.sample(found, min(SAMPLE, len(found)))
    dist = Counter(per_event)
    data = {
        "events": len(events), "briefs": len(per_event), "errors": errors, "contract_violations": bad,
        "conflicts_total": sum(per_event), "events_with_conflicts": sum(1 for n in per_event if n),
        "conflicts_per_event_mean": statistics.fmean(per_event) if per_event else 0,
        "distribution": dict(sorted(dist.items())), "kinds": dict(kinds),
        "median_seconds_per_event": statistics.median(times) if times else None,
        "sample_for_review": sample,
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
        f"- median time per event (warm): {data['median_seconds_per_event'] or 0:.2f} s",
        "",
        f"## A seeded sample of {len(sample)} conflicts, for reading by hand",
        "",
        "The verdicts are in [neus_review.md](neus_review.md).",
        "",
    ]
    for i, c in enumerate(sample, 1):
        md.append(f"{i}. **{c['event']}** ({c['issue']}) — {c['kind']}: {c['topic']} (conf {c['confidence']:.2f})")
        for v in c["values"]:
            q = v["quotes"][0] if v["quotes"] else ""
            md.append(f"   - `{v['value']}` [{', '.join(v['sources'])}]: “{q}”")
    if errors:
        md += ["", "## Errors", ""] + [f"- {e}" for e in errors]
    print(write_results("neus", data, "\n".join(md)))


if __name__ == "__main__":
    main()
