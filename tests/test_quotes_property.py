"""Property: every Quote anywhere in a brief is the exact span of its source's clean text.

Checked on the bundled corpus and on several eval clusters of different kinds
(full-text Multi-News, lower-cased truncated Multi-News, planted conflicts, NeuS excerpts).
"""

from __future__ import annotations

import json

import pytest

import storylens
from storylens.models import Article
from storylens.report.schema import validate

pytestmark = pytest.mark.slow


def quotes(obj, out):
    if isinstance(obj, dict):
        if {"source", "start", "end", "quote"} <= obj.keys():
            out.append(obj)
        for v in obj.values():
            quotes(v, out)
    elif isinstance(obj, list):
        for v in obj:
            quotes(v, out)
    return out


def check(brief) -> int:
    data = json.loads(brief.to_json())
    validate(data)
    text = {s["id"]: s["text"] for s in data["sources"]}
    qs = quotes(data, [])
    bad = [q for q in qs if text[q["source"]][q["start"]:q["end"]] != q["quote"]]
    assert not bad, bad[:3]
    for s in data["summary"]:
        assert s["sources"] and s["quotes"]
        assert set(s["sources"]) <= text.keys()
    for c in data["conflicts"]:
        assert len(c["values"]) >= 2
        assert len({frozenset(v["sources"]) for v in c["values"]}) >= 2
    return len(qs)


def clusters(eval_data):
    out = []
    for name, n in (("multinews-fulltext-test-99.jsonl", 3), ("multinews-test-250.jsonl", 2)):
        with open(eval_data / "mds" / name, encoding="utf-8") as fh:
            for line, _ in zip(fh, range(n)):
                rec = json.loads(line)
                out.append([Article(id=d["id"], raw=d["text"]) for d in rec["documents"]])
    with open(eval_data / "neus" / "allsides-triplets.jsonl", encoding="utf-8") as fh:
        for line, _ in zip(fh, range(2)):
            rec = json.loads(line)
            out.append([Article(id=d["id"], raw=d["text"], title=d.get("title"), outlet=d.get("outlet"))
                        for d in rec["documents"]])
    return out


def test_quotes_exact_on_corpus(corpus_brief):
    assert check(corpus_brief) > 20


def test_quotes_exact_on_eval_clusters(eval_data):
    total = 0
    for arts in clusters(eval_data):
        total += check(storylens.brief(arts))
    for cid in ("dev-001", "dev-004"):
        total += check(storylens.brief(eval_data / "conflicts-dev" / "clusters" / cid))
    assert total > 50
