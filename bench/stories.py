"""Story clustering and story-store benchmarks.

    .venv/bin/python bench/stories.py            # everything (about 20-30 min on 2 busy cores)
    .venv/bin/python bench/stories.py --smoke    # tiny subsets, under a minute once models are cached
    .venv/bin/python bench/stories.py --tune     # learn the pair model + thresholds on the DEV halves only (ECB+ and mixed)
    .venv/bin/python bench/stories.py --quality  # one part (also --throughput, --engines); the rest kept from the last run

Quality: B-cubed and pairwise P/R/F1 and the number of stories on ECB+ (dev and held-out
topic halves, split by a seeded shuffle of topics), for the online clusterer, the batch
pipeline (blocks + merge) and a plain TF-IDF single-pass baseline; then on Multi-News
full-text + NeuS mixed into one shuffled stream (dev and held-out halves split by gold story). The pair
model and thresholds are learned on the two dev halves only (`--tune`). Throughput: ingest+cluster into SQLite.
Scale: the batch job with --engine local and ray, 1 and 2 workers.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from harness import EVAL_DATA, RESULTS, options, read_jsonl, smoke, write_results

from storylens.models import Article
from storylens.stories.cluster import Params, cluster_stream
from storylens.stories.features import DocFeatures, extract_features
from storylens.stories.metrics import bcubed, pairwise

CACHE = Path("/tmp/storylens-bench-cache")
SEED = 20180601


# -- data -----------------------------------------------------------------------------------
def ecb() -> tuple[list[Article], dict[str, str], dict[str, int]]:
    recs = read_jsonl(EVAL_DATA / "clustering" / "ecbplus_public.jsonl")
    arts = [Article(id=r["id"], raw=r["text"], text=r["text"], title=r["title"], published=r["date"], url=r["url"])
            for r in recs]
    return arts, {r["id"]: r["cluster"] for r in recs}, {r["id"]: r["topic"] for r in recs}


def mixed_stream() -> tuple[list[Article], dict[str, str]]:
    """Multi-News full-text clusters and NeuS events as one shuffled stream; each cluster/event is a story."""
    arts, gold = [], {}
    for rec in read_jsonl(EVAL_DATA / "mds" / "multinews-fulltext-test-99.jsonl"):
        for d in rec["documents"]:
            aid = f"mn/{rec['id']}/{d['id']}"
            arts.append(Article(id=aid, raw=d["text"], text=d["text"]))
            gold[aid] = f"mn/{rec['id']}"
    for rec in read_jsonl(EVAL_DATA / "neus" / "allsides-triplets.jsonl"):
        for d in rec["documents"]:
            aid = f"neus/{rec['id']}/{d['id']}"
            arts.append(Article(id=aid, raw=d["text"], text=d["text"], title=d.get("title"), outlet=d.get("outlet"),
                                published=(rec.get("date") or "")[:10] or None))
            gold[aid] = f"neus/{rec['id']}"
    random.Random(SEED).shuffle(arts)
    return arts, gold


def features(arts: Sequence[Article], name: str) -> list[DocFeatures]:
    """Features, cached on disk by content and by the feature code (computing them is the slow part)."""
    import storylens.stories.features as feature_code

    code = Path(feature_code.__file__).read_text()
    key = hashlib.sha1((code + "".join(a.id + (a.title or "") + a.text for a in arts)).encode()).hexdigest()[:12]
    path = CACHE / f"stories-{name}-{key}.pkl"
    if path.exists() and not smoke():
        return pickle.loads(path.read_bytes())
    feats = extract_features(arts)
    if not smoke():
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(feats))
    return feats


def split_topics(topics: dict[str, int]) -> set[int]:
    all_t = sorted(set(topics.values()))
    return set(random.Random(0).sample(all_t, len(all_t) // 2))


def split_stories(gold: dict[str, str]) -> set[str]:
    """The dev half of the mixed stream's gold stories (a seeded draw; the rest is held out)."""
    all_s = sorted(set(gold.values()))
    return set(random.Random(0).sample(all_s, len(all_s) // 2))


def dev_streams() -> list[tuple[list[DocFeatures], dict[str, str]]]:
    """The labelled DEV streams the pair model and thresholds are learned from: ECB+ dev topics (look-alike
    events, mostly undated) and the mixed stream's dev stories (many unrelated events in the same weeks)."""
    arts, gold, topics = ecb()
    feats = features(arts, "ecb")
    dev_t = split_topics(topics)
    dev = [f for a, f in zip(arts, feats, strict=True) if topics[a.id] in dev_t]
    m_arts, m_gold = mixed_stream()
    dev_s = split_stories(m_gold)
    m_dev = [f for f in features(m_arts, "mixed") if m_gold[f.id] in dev_s]
    return [(dev, {f.id: gold[f.id] for f in dev}), (m_dev, {f.id: m_gold[f.id] for f in m_dev})]


# -- systems --------------------------------------------------------------------------------
def tfidf_baseline(arts: Sequence[Article], threshold: float = 0.2) -> dict[str, str]:
    """Plain TF-IDF (title + text, log tf, idf, cosine), single pass, nearest centroid if cos >= threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title or ''}\n{a.text}" for a in arts]
    x = TfidfVectorizer(sublinear_tf=True).fit_transform(texts).toarray()
    sums: list[np.ndarray] = []
    out: dict[str, str] = {}
    for a, v in zip(arts, x, strict=True):
        best, best_s = -1, -1.0
        for i, s in enumerate(sums):
            c = s / (np.linalg.norm(s) or 1.0)
            sim = float(v @ c)
            if sim > best_s:
                best, best_s = i, sim
        if best >= 0 and best_s >= threshold:
            sums[best] = sums[best] + v
        else:
            sums.append(v.copy())
            best = len(sums) - 1
        out[a.id] = f"t{best}"
    return out


def batch_clusters(docs: Sequence[DocFeatures], params: Params | None = None) -> dict[str, str]:
    """The batch job without its lone-article pass: blocks, clustered, merged across blocks."""
    from storylens.scale.pipeline import blocks, cluster_block, merge_blocks

    stories = [s for g in blocks(docs) for s in cluster_block([docs[i] for i in g], params)]
    return {a: f"b{n}" for n, m in enumerate(merge_blocks(docs, stories, params)) for a in m}


def batch_job(docs: Sequence[DocFeatures], params: Params | None = None) -> dict[str, str]:
    """The batch job as `storylens cluster` runs it (scale.pipeline.finish: with the lone pass)."""
    from storylens.scale.pipeline import blocks, cluster_block, finish

    stories = [s for g in blocks(docs) for s in cluster_block([docs[i] for i in g], params)]
    return {a: f"b{n}" for n, m in enumerate(finish(docs, stories, params)) for a in m}


def scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, Any]:
    b, p = bcubed(pred, gold), pairwise(pred, gold)
    ids = [i for i in gold if i in pred]
    return {"bcubed_p": round(b[0], 4), "bcubed_r": round(b[1], 4), "bcubed_f1": round(b[2], 4),
            "pair_p": round(p[0], 4), "pair_r": round(p[1], 4), "pair_f1": round(p[2], 4),
            "stories": len({pred[i] for i in ids}), "gold_stories": len({gold[i] for i in ids}), "articles": len(ids)}


# -- quality --------------------------------------------------------------------------------
def quality() -> dict[str, Any]:
    arts, gold, topics = ecb()
    if smoke():
        keep = set(sorted(set(topics.values()))[:2])
        arts = [a for a in arts if topics[a.id] in keep]
    feats = features(arts, "ecb")
    dev_t = split_topics({a.id: topics[a.id] for a in arts})
    parts = {"dev": lambda a: topics[a.id] in dev_t, "held_out": lambda a: topics[a.id] not in dev_t, "all": lambda a: True}
    out: dict[str, Any] = {"ecb": {name: three_systems(arts, feats, gold, keep) for name, keep in parts.items()}}
    out["sensitivity"] = sensitivity(arts, feats, gold, dev_t, topics)
    out["lone_check"] = lone_check(arts, feats, gold, dev_t, topics)
    m_arts, m_gold = mixed_stream()
    if smoke():
        m_arts = m_arts[:30]
    m_feats = features(m_arts, "mixed")
    dev_s = split_stories(m_gold)
    halves = {"dev": lambda a: m_gold[a.id] in dev_s, "held_out": lambda a: m_gold[a.id] not in dev_s,
              "all": lambda a: True}
    out["mixed"] = {name: three_systems(m_arts, m_feats, m_gold, keep) for name, keep in halves.items()}
    return out


def three_systems(arts: Sequence[Article], feats: Sequence[DocFeatures], gold: dict[str, str],
                  keep: Callable[[Article], bool]) -> dict[str, Any]:
    """Online, batch (with and without the lone-article pass) and TF-IDF baseline scores on the articles
    `keep` selects."""
    sel = [(a, f) for a, f in zip(arts, feats, strict=True) if keep(a)]
    a_sel, f_sel = [a for a, _ in sel], [f for _, f in sel]
    g = {a.id: gold[a.id] for a in a_sel}
    return {
        "online": scores(cluster_stream(f_sel), g),
        "batch": scores(batch_clusters(f_sel), g),
        # The batch job plus a last pass over its lone articles (stories.cluster.attach_lone), as
        # `storylens cluster` runs it (scale.pipeline.finish); the row above is the job without it.
        "batch_lone_pass": scores(batch_job(f_sel), g),
        "store_recluster": scores(store_recluster(a_sel, f_sel), g),
        "store_trickle": scores(store_trickle(a_sel, f_sel), g),
        "tfidf_baseline": scores(tfidf_baseline(a_sel), g),
    }


def store_recluster(arts: Sequence[Article], feats: Sequence[DocFeatures]) -> dict[str, str]:
    """The story store fed the stream article by article (`storylens ingest`), then re-sorted
    (`storylens recluster`): what a store user gets after a re-sort, read back from the database."""
    from storylens.store import StoryStore

    with tempfile.TemporaryDirectory() as tmp, StoryStore(Path(tmp) / "r.db") as store:
        for a, f in zip(arts, feats, strict=True):
            store.add(a, DocFeatures(f.id, f.vector, dict(f.entities), dict(f.terms), f.day, list(f.years)))
        store.recluster()
        return dict(store.conn.execute("SELECT a.key, s.key FROM articles a JOIN stories s ON s.id = a.story_id"))


def store_trickle(arts: Sequence[Article], feats: Sequence[DocFeatures]) -> dict[str, str]:
    """The store fed by one-article ingests, each re-sorting the store when it is due (`storylens ingest`'s
    default, `StoryStore.resort_due`): what a store fed by a trickle holds at the end of the stream, read back
    from the database. The last re-sort may lie up to a fifth of the stream back."""
    from storylens.store import StoryStore

    with tempfile.TemporaryDirectory() as tmp, StoryStore(Path(tmp) / "t.db") as store:
        for a, f in zip(arts, feats, strict=True):
            added = store.add(a, DocFeatures(f.id, f.vector, dict(f.entities), dict(f.terms), f.day, list(f.years)))
            if not added.duplicate and store.resort_due():
                store.recluster()
        return dict(store.conn.execute("SELECT a.key, s.key FROM articles a JOIN stories s ON s.id = a.story_id"))


def lone_check(arts: Sequence[Article], feats: Sequence[DocFeatures], gold: dict[str, str], dev_t: set[int],
               topics: dict[str, int]) -> dict[str, Any]:
    """How many TRUE lone articles each system leaves alone (neither eval stream has any).

    From every topic of a half, one of its two events keeps only its first article in stream
    order (first the "ecbplus" events, then, in a second stream, the "ecb" ones): a lone article
    next to its look-alike event, the case where attaching lone articles would go wrong.
    """
    out: dict[str, Any] = {}
    for half, keep in (("dev", True), ("held_out", False)):
        counts = {"lone": 0, "online": 0, "batch": 0, "batch_lone_pass": 0}
        for which in ("ecbplus", "ecb"):
            sel, first = [], {}
            for a, f in zip(arts, feats, strict=True):
                if (topics[a.id] in dev_t) != keep:
                    continue
                g = gold[a.id]
                if g.endswith(f"_{which}"):
                    if g in first:
                        continue
                    first[g] = a.id
                sel.append(f)
            runs = {"online": cluster_stream(sel), "batch": batch_clusters(sel), "batch_lone_pass": batch_job(sel)}
            counts["lone"] += len(first)
            for name, pred in runs.items():
                sizes = Counter(pred.values())
                counts[name] += sum(1 for i in first.values() if sizes[pred[i]] == 1)
        out[half] = counts
    return out


def sensitivity(arts: Sequence[Article], feats: Sequence[DocFeatures], gold: dict[str, str], dev_t: set[int],
                topics: dict[str, int]) -> dict[str, Any]:
    """B-cubed F1 on dev and held-out across the decision threshold: a plateau generalises, a peak does not."""
    from dataclasses import replace

    halves = {"dev": [i for i, a in enumerate(arts) if topics[a.id] in dev_t],
              "held_out": [i for i, a in enumerate(arts) if topics[a.id] not in dev_t]}
    joins = (0.3, 0.4, 0.5) if smoke() else (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
    cuts = (0.15, 0.2, 0.25) if smoke() else (0.1, 0.15, 0.2, 0.25, 0.3)
    out: dict[str, Any] = {"online_join_threshold": {}, "batch_link_threshold": {}, "tfidf_baseline_threshold": {}}
    for j in joins:
        p = replace(Params(), threshold=j)
        out["online_join_threshold"][str(j)] = {
            h: round(bcubed(cluster_stream([feats[i] for i in idx], p), {arts[i].id: gold[arts[i].id] for i in idx})[2], 4)
            for h, idx in halves.items()}
    # The batch job's story merge bar (scale.pipeline.merge_across), scored with its lone pass as
    # `storylens cluster` runs it; chosen on dev (bench order and 6 shuffles), held-out only reported.
    for b in ((0.2, 0.3) if smoke() else (0.15, 0.2, 0.25, 0.3, 0.35, 0.7)):
        p = replace(Params(), link_threshold=b)
        out["batch_link_threshold"][str(b)] = {}
        for h, idx in halves.items():
            sel = [feats[i] for i in idx]
            pred = batch_job(sel, p)
            out["batch_link_threshold"][str(b)][h] = round(bcubed(pred, {arts[i].id: gold[arts[i].id] for i in idx})[2], 4)
    for c in cuts:
        out["tfidf_baseline_threshold"][str(c)] = {
            h: round(bcubed(tfidf_baseline([arts[i] for i in idx], c), {arts[i].id: gold[arts[i].id] for i in idx})[2], 4)
            for h, idx in halves.items()}
    return out


def tune() -> None:
    from dataclasses import replace

    from storylens.stories.train import fit_mlp_pair_model, params_source, tune_thresholds

    streams = dev_streams()
    params, loss = fit_mlp_pair_model(streams, replace(Params(), hidden=(), hidden_out=()))
    print("cross-validated log loss by weight decay:", {k: round(v, 4) for k, v in loss.items()})
    params, f1 = tune_thresholds(streams, params)
    print(f"dev B-cubed F1 {f1:.4f} (mean of the dev streams); paste into src/storylens/stories/params.py:")
    print(params_source(params))


# -- throughput -----------------------------------------------------------------------------
def perturbed(base: Sequence[Article], n: int) -> list[Article]:
    """n articles cycling over `base`, each copy lightly changed (a dropped line, a tagline) so none is exact."""
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        a = base[i % len(base)]
        lines = [ln for ln in a.text.splitlines() if ln.strip()]
        if len(lines) > 3 and i >= len(base):
            lines.pop(rng.randrange(1, len(lines)))
        text = "\n".join(lines) + (f"\n(Reporting desk {i})" if i >= len(base) else "")
        out.append(Article(id=f"p{i}", raw=text, text=text, title=a.title, published=a.published))
    return out


def throughput() -> dict[str, Any]:
    from storylens.store import StoryStore, ingest_articles

    arts, _, _ = ecb()
    m_arts, _ = mixed_stream()
    pool = arts + m_arts
    n_full = 30 if smoke() else 1000
    stream = perturbed(pool, n_full)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, StoryStore(Path(tmp) / "t.db") as store:
        t0 = time.perf_counter()
        rep = ingest_articles(store, stream)
        dt = time.perf_counter() - t0
        out[f"full_{n_full}"] = {"articles": rep.added, "seconds": round(dt, 1),
                                 "articles_per_s": round(rep.added / dt, 2), "stories": store.counts()["stories"]}
    # Store + cluster alone, as the store grows: features reused with noise (the NLP cost per
    # article does not depend on the store size, so it is measured once above).
    n_big = 300 if smoke() else 10_000
    if smoke():
        pool = pool[:30]
        feats = features(pool, "pool")
    else:  # the features the quality runs computed (cached), not a third NLP pass
        feats = features(arts, "ecb") + features(m_arts, "mixed")
    rng = np.random.default_rng(SEED)
    chunk = n_big // 10
    per_chunk = []
    with tempfile.TemporaryDirectory() as tmp, StoryStore(Path(tmp) / "big.db") as store:
        for c in range(10):
            t0 = time.perf_counter()
            for i in range(c * chunk, (c + 1) * chunk):
                f = feats[i % len(feats)]
                v = f.vector + rng.normal(scale=0.02, size=f.vector.shape).astype(np.float32)
                doc = DocFeatures(f"q{i}", v / np.linalg.norm(v), dict(f.entities), dict(f.terms), f.day)
                text = pool[i % len(feats)].text + f"\n(copy {i})"  # pool and feats are aligned
                store.add(Article(id=f"q{i}", raw=text, text=text), doc)
            per_chunk.append((time.perf_counter() - t0) / chunk * 1000)
        stories = store.counts()["stories"]
    nlp_ms = 1000 / out[f"full_{n_full}"]["articles_per_s"] - statistics.median(per_chunk[:1])
    out[f"store_cluster_{n_big}"] = {
        "ms_per_article_by_chunk": [round(x, 2) for x in per_chunk],
        "first_vs_last_chunk": round(per_chunk[-1] / per_chunk[0], 2), "stories": stories,
        "extrapolated_full_articles_per_s": round(1000 / (max(nlp_ms, 0) + statistics.mean(per_chunk)), 2),
    }
    out["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


# -- scale ----------------------------------------------------------------------------------
def engines() -> dict[str, Any]:
    from storylens.scale.local import run_local
    from storylens.scale.ray_engine import ray_available, run_ray

    arts, _, _ = ecb()
    n = 16 if smoke() else 240
    out: dict[str, Any] = {"articles": n}
    with tempfile.TemporaryDirectory() as tmp:
        for s in range(4):
            with open(Path(tmp) / f"shard{s}.jsonl", "w") as fh:
                fh.writelines(json.dumps({"id": a.id, "title": a.title, "text": a.text, "published": a.published}) + "\n" for a in arts[s:n:4])
        counts = (1,) if smoke() else (1, 2)
        runs = [("local", w, run_local) for w in counts]
        if ray_available() and not smoke():  # Ray's start-up alone is ~5-20 s; the tests cover it
            runs += [("ray", w, run_ray) for w in counts]
        elif not ray_available():
            out["ray"] = "not installed (pip install storylens[scale])"
        ref = None
        for engine, workers, fn in runs:
            t0 = time.perf_counter()
            result = fn(tmp, workers)
            dt = time.perf_counter() - t0
            groups = sorted(sorted(m) for m in result.stories)
            ref = ref or groups
            out[f"{engine}_{workers}"] = {"seconds": round(dt, 1), "articles_per_s": round(n / dt, 2),
                                          "stories": len(groups), "same_clusters_as_local_1": groups == ref}
    return out


TRIED = """## Goal (B-cubed F1 >= 0.95 on ECB+): reached by the batch job on the held-out topics (0.955) and on all 60 events (0.952), and by a store fed by a trickle of ingests (0.953 / 0.954), not on the dev half (0.939); not by the online clusterer alone (0.907)

This run: online clusterer 0.9118 dev / 0.9073 held-out (unchanged). Batch job (`storylens cluster`:
blocks, each clustered agglomeratively, the story merge, the lone pass) 0.939 dev / **0.955 held-out**,
and **0.952** with all 60 events in one run; TF-IDF baseline 0.790 / 0.898. A store fed one article per
ingest, each ingest re-sorting the store when due (row `store_trickle`, `storylens ingest`'s default):
0.939 / **0.953**, all 60 events 0.954. Mixed Multi-News + NeuS stream: online 0.936 / 0.943; batch
with the pass 0.940 / 0.943; trickle store 0.946 / 0.935. So the batch job reaches 0.95 on the held-out
topics and on the whole set, but not on the dev half it was tuned on (0.939); the online clusterer alone
stays 0.04 short, and a store now gets the batch job's quality whichever way its articles arrive.

### Latest: a store is re-sorted after each fifth of growth, counted across ingests

Before, `storylens ingest` re-sorted the store only when that one ingest added a fifth of the stored
articles, so a store fed by a trickle (a feed polled every few minutes, one article at a time) kept the
online clusterer's stories (0.912 / 0.907) until someone ran `storylens recluster`. Now the store
remembers the last article a re-sort saw (`meta.sorted_upto`) and `ingest` re-sorts once the articles
stored since then are a fifth of the store or more (`StoryStore.resort_due`, `RESORT_SHARE`; an ingest
that added nothing re-sorts nothing): after each fifth of growth however the articles came, so the
re-sorts' cost stays a bounded share of the NLP's (a cost bound, not tuned; a simulation with a share of
0.1 / 0.2 / 0.5 gave ECB+ dev 0.938 / 0.938 / 0.939 and mixed dev 0.941 / 0.938 / 0.936, flat). Row
`store_trickle`: the stream fed to a real store one article per ingest, read back from the database:
ECB+ 0.912 -> 0.939 dev, 0.907 -> 0.953 held-out, 0.911 -> 0.954 all. At the end of the stream up to a
fifth of the articles arrived after the last re-sort and were sorted online. On the mixed stream it is
+0.010 on dev (0.936 -> 0.946) but -0.008 on held-out (0.943 -> 0.935): in a replay of the same rule in memory
(0.932 there) the last re-sort came at article 710 of 742, and the batch job over those 710 articles scores 0.934 (over all 742: 0.943; the
online clusterer over the 710: 0.941). The pairs it merged there and not with all articles are AllSides
events of one news cycle (June's and July's jobs reports, two weeks' jobless claims, two stories of one
presidential address), whose pair probabilities sit at the merge bar, so which side they fall on moves
with the blocks' make-up: noise of the batch job, not of the trickle.

### Latest: each block clustered agglomeratively from single articles, in one canonical order

Before, the batch job ran the online clusterer inside each block in stream order, then merged the
blocks' stories (`merge_across`, below). The online clusterer's first joins decide the rest, so the
same corpus in another order gave other stories: over the bench order and 3 seeded shuffles, ECB+ dev
scored 0.913-0.936 and mixed dev 0.932-0.940. Now `cluster_block` is the same agglomerative merge,
started from single articles: every article and its top-k candidates scored by the pair model, the most
probable pair merged first, the merged story re-scored against its partners, while the best pair
reaches `LINK_THRESHOLD` (`scale.pipeline.cluster_block`). Every step reads its articles in one
canonical order (oldest first, undated last, then by id: `scale.pipeline.canonical`), so shards listed
or records written in any order give the same stories (a test runs ECB+ topic 16 forwards and
backwards; the online clustering gave two different results there).

Decided on the dev halves only (B-cubed F1 with the lone pass; ECB+ dev / mixed dev; the old job as
the mean over the bench order and 3 shuffles, the new one the same in every order):

| batch job | ECB+ dev | mixed dev | mean |
|---|---|---|---|
| before: online clustering in each block, in stream order | 0.928 (0.913-0.936) | 0.934 (0.932-0.940) | 0.931 |
| agglomerative in each block (first version, stream order) | 0.940 (0.937-0.941) | 0.940 (0.939-0.941) | 0.940 |
| **... and in canonical order (shipped)** | **0.939** | **0.940** | **0.939** |

Re-checked the parameters with it, on dev only (ECB+ dev / mixed dev): the link bar 0.15 / 0.2 / 0.25 /
0.3 / 0.35 gives 0.951 / 0.947 / 0.939 / 0.939 / 0.920 and 0.920 / 0.935 / 0.940 / 0.943 / 0.943 (mean
0.936 / 0.941 / 0.939 / 0.941 / 0.932: flat from 0.2 to 0.3, so 0.25 stays); the name guard
(`LINK_NAMES`) 0 / 0.1 / 0.2 / 0.3: mean 0.938 / 0.941 / 0.939 / 0.942; the lone pass bar 0.1 / 0.15 /
0.2 / 0.25: 0.941 / 0.940 / 0.939 / 0.935; articles a side 4 / 8 / 16: 0.943 / 0.939 / 0.938; grown
2 / 3 / 4: 0.939 / 0.939 / 0.938. None beats the shipped value by more than 0.004, so none was changed. Read once
after deciding: ECB+ held-out 0.940 -> 0.955 (4-order mean of the old job 0.947), all 60 events 0.938 ->
0.952, mixed held-out 0.933 -> 0.943, mixed whole stream 0.909 -> 0.913. True lone articles left alone
(lone check): dev 24 of 30 (as before), held-out 29 of 30 (28 before).

Cost: the agglomeration scores many more (article, story) pairs than one pass of the online clusterer.
Two memos keep it down without changing any result (the clusterings of both streams, online and batch,
are identical by hash with and without them): a story's term and name weights, kept until the story or
the vocabulary changes (`StoryState.weights`), and each article's probability against a story that has
not changed since it was asked (`CorpusClusterer.membership`; 39 % of the pair features of the largest
block are asked again). On 10,000 articles (the store run's noisy copies; largest block 1,694 articles)
the clustering of the blocks took 22.6 s with the online clusterer, 82.8 s agglomerative without the
memos, 46.6 s with them, and the merge and lone pass 6.3 -> 9.3 s. The NLP features of those articles
take about 17 minutes, so the job is about 3 % longer; the blocks still run in parallel on the workers.

### Latest: the store re-sorted with the batch clustering (`storylens recluster`)

The store sorts each article as it arrives (the online clusterer: 0.912 / 0.907 on ECB+). `storylens
recluster` (`StoryStore.recluster`) runs the batch job above over the stored features, in one
transaction, and writes the result back as moves between stories: a new group keeps the id of the old
story most of its articles were in (largest overlaps first, one group per id, the older id on a tie),
stories whose articles changed are marked stale (their next brief is a new version, and `--since` shows
what moved), and an old story left without articles is folded into the story that took most of them, so
its id still resolves. Other processes holding the online clusterer in memory rebuild it when a counter
of re-sorts (schema migration 2, table `meta`) has moved. Row `store_recluster`: the stream fed to a
real store article by article, re-sorted, and read back from the database: ECB+ 0.939 dev / 0.955
held-out, 0.952 all (the batch job's figures, but for 2 near-duplicate texts the store keeps once and
the float16 embeddings it stores); mixed stream 0.948 / 0.943 (6 duplicates skipped on dev). Re-sorting
a re-sorted store moves nothing (a test), and a re-sort that fails on its last write leaves the store
as it was (a test).

### Before that: grown stories that name nobody in common are not merged

The batch job's merge scores a pair of stories by its articles with the pair model, which reads words
as much as names: two crime stories told in the same words ("man charged with killing mother and
sister", "Oklahoma man pleads not guilty in deaths of ...") link over the bar, and once merged the
story attracts the next one. Logged over every merge the job made on the four streams (ECB+ and mixed,
each half and whole), a merge of two stories of 3+ articles each whose name bags (people, places,
organisations; IDF-weighted cosine) were under 0.2 alike was wrong every time (5 of 5; the only name
they shared was "gmt"), while the right merges of grown stories were all above. So `merge_across` no
longer offers such a pair (`scale.pipeline.may_link`; `LINK_GROWN` 3, `LINK_NAMES` 0.2). Smaller
stories are left to the pair model: on the mixed stream many right merges of a lone article share no
name at all. Dev grid, B-cubed F1 with the lone pass (ECB+ dev / mixed dev): bar 0 / 0.05-0.25 / 0.3 /
0.4: 0.934 / 0.934 / 0.934 / 0.912 and 0.937 / 0.940 / 0.942 / 0.944; grown 2 / 3 / 4 / 6 at 0.2: mixed
dev 0.938 / 0.940 / 0.937 / 0.937 (ECB+ dev flat). Over the bench order and 6 shuffles (mean7): ECB+ dev
0.933 -> 0.933, mixed dev 0.932 -> 0.935; read after deciding: ECB+ held-out 0.932 -> 0.946 (bench order
0.925 -> 0.940), ECB+ all 0.928 -> 0.940 (0.914 -> 0.938), mixed held-out 0.933 -> 0.934. The failure was
first seen in the "all" and held-out rows of the last run (the chain of four crime events described at
the end of this section); the bar was set from the dev grid and the gap in the merge log, not from
those rows. The online clusterer's merge check with the same guard changes nothing on any stream (its
merge bar, 0.7, is stricter), so it is not used there.

### Before that: the batch job's story merge, agglomerative and scored by articles

Built (`scale.pipeline.merge_across`, what `storylens cluster` runs between the blocks and the lone
pass, both engines): the blocks' stories are the seeds; every pair of a story and one of its top-k
candidates (`OnlineClusterer.candidates`: across blocks and 60-day windows, a year around a dated story)
is scored, the most probable pair is merged, the merged story is re-scored against its old partners and
its new candidates, and so on while the best pair reaches `LINK_THRESHOLD` 0.25. A pair is scored by its
articles (`story_link`): the mean, over the latest 8 articles of each story, of the pair model's
probability that the article belongs to the other story. Before, one pass of union-find over the online
merge rule (each story's profile as a pseudo-article against the other, mean of both ways >= 0.7), with
no re-scoring.

Why articles, not profiles: the pair model learned article-vs-story pairs, and a story's profile (top
100 terms and names, centroid) dilutes as a story grows, so a re-scored merged story fell under the bar
against the rest of its event (agglomeration by profile at the old bar 0.7: ECB+ dev 0.914 -> 0.893).
How much is there to gain: merging the seed stories perfectly (each to its majority event) would give
ECB+ dev 0.976 (7-order mean 0.985) and mixed dev 0.967 (0.962); the seeds are pure, the loss is all in
the story-level decisions and in the lone articles.

Decided on the dev halves only: B-cubed F1 with the lone pass, "bench" = the bench order, "mean7" = the
mean over it and 6 seeded shuffles of the dev half (seeds 1-6), "both" = the mean of the two dev means;
held-out read once after deciding.

| change (batch job with the lone pass; one-off over the cached features) | ECB+ dev bench / mean7 | mixed dev bench / mean7 | both | kept |
|---|---|---|---|---|
| before: one-shot union-find, profile pairs, mean of both ways >= 0.7 | 0.9135 / 0.9049 | 0.9357 / 0.9307 | 0.9178 | |
| agglomerative by profile, re-scored, bar 0.6 / 0.5 / 0.45 / 0.4 | 0.8979 / 0.9020, 0.8989 / 0.9014, 0.9119 / 0.9060, 0.8980 / 0.8983 | 0.9364 / 0.9320, 0.9387 / 0.9324, 0.9380 / 0.9302, 0.9338 / 0.9262 | 0.9170 / 0.9169 / 0.9181 / 0.9123 | no: the profile dilutes |
| union-find at 0.7, then agglomerative by profile at 0.6 / 0.5 / 0.45 / 0.4 | 0.9175, 0.9202, 0.9202, 0.9225 (bench) | 0.9364, 0.9387, 0.9359, 0.9328 (bench) | 0.9226 / 0.9239 / 0.9218 / 0.9171 | no |
| single linkage (union-find) at a lower bar 0.6 / 0.55 / 0.5 / 0.45 | 0.9199, 0.9274, 0.9274, 0.8968 (bench) | 0.9364, 0.9362, 0.9346, 0.9353 (bench) | 0.9231 / 0.9269 / 0.9191 / 0.9145 | no: chains whole topics at 0.45 |
| average linkage over the seeds' profile pairs, bar 0.6 / 0.5 / 0.45 / 0.4 / 0.35 | 0.8986, 0.9149, 0.9192, 0.9173, 0.9231 (bench) | 0.9364, 0.9387, 0.9394, 0.9353, 0.9314 (bench) | 0.9150 / 0.9221 / 0.9215 / 0.9197 / 0.9216 | no |
| by articles (16 a side), re-scored, bar 0.35 / 0.3 / 0.25 / 0.2 / 0.15 | 0.9117 / 0.9178, 0.9346 / 0.9308, 0.9340 / 0.9326, 0.9483 / 0.9434, 0.9137 / 0.9169 | 0.9394 / 0.9347, 0.9394 / 0.9349, 0.9374 / 0.9319, 0.9360 / 0.9311, 0.9280 / 0.9241 | 0.9262 / 0.9328 / 0.9323 / 0.9373 / 0.9205 | 0.25: the middle of the 0.2-0.3 plateau (0.2 is the best point but next to the fall at 0.15) |
| ... each story's way weighing the same (not each article), bar 0.3 / 0.25 / 0.2 / 0.15 | | | 0.9292 / 0.9336 / 0.9347 / 0.9181 | no: lower at 0.3 and 0.2 |
| ... the lower of the two ways instead of the mean, bar 0.3 / 0.2 / 0.15 / 0.1 | | | 0.9253 / 0.9275 / 0.9296 / 0.9299 | no |
| ... and 1.25x the runner-up of either story (to keep the look-alike event apart), bar 0.25 | 0.8684 / 0.8659 | 0.9313 / 0.9260 | 0.8959 | no: the runner-up is mostly another piece of the same event |
| ... lone pass bar 0.15 / 0.2 / 0.25 after it | | | 0.9325 / 0.9323 / 0.9283 | no change: 0.2 stays |
| ... the latest 8 / 32 articles of each story instead of 16 (bar 0.25) | 0.9340 / 0.9344, 0.9340 / 0.9326 | 0.9374 / 0.9319, 0.9374 / 0.9319 | 0.9331 / 0.9323 | 8: the same on dev, a quarter cheaper on 10,000 articles |
| **... 8 articles a side, bar 0.35 / 0.3 / 0.25 / 0.2 / 0.15 (the final grid)** | 0.9117 / 0.9182, 0.9346 / 0.9296, **0.9340 / 0.9344**, 0.9483 / 0.9308, 0.9318 / 0.9245 | 0.9394 / 0.9347, 0.9394 / 0.9349, **0.9374 / 0.9319**, 0.9360 / 0.9308, 0.9280 / 0.9241 | 0.9264 / 0.9322 / **0.9331** / 0.9308 / 0.9243 | yes: 0.25, the best point and the middle of the plateau |

Held-out, read after deciding (bench / mean7): ECB+ 0.9330 / 0.9209 -> 0.9253 / 0.9202 (with 16 articles
a side 0.9259 / 0.9233), mixed 0.9350 / 0.9383 -> 0.9328 / 0.9352 (the same with 16); the whole mixed
stream (both halves in one run) 0.912 -> 0.909, precision 0.899 -> 0.883; without the lone pass the
merge alone gains there too (ECB+ mean7 0.891 -> 0.911, mixed 0.926 -> 0.932), but with the pass it is flat: on the held-out topics the new merge mostly
joins what the lone pass already joined. The dev gain (+0.02 on ECB+) did not carry over; the sensitivity
table above shows the held-out figures across the bar (not used to choose it). True lone articles (the
lone check table): 23 -> 24 of 30 left alone on dev, 29 -> 28 held-out. The online clusterer is untouched
(same clusterings of both dev streams, by hash), and both engines still give the same clusters.

A risk the dev halves did not show: with both ECB+ halves in one run (the "all" rows, 60 events), the
job with its pass fell from 0.925 to 0.914 (precision 0.965 -> 0.914): four dated ecbplus crime events of
different topics (33, 45, 32, 21: 11 + 12 + 11 + 14 articles, 2011-2013) were chained one merge at a time,
each at a link of 0.26-0.28, just over the bar (with 16 articles a side the "all" row was 0.931, two
smaller chains: 33 + 19, 45 + one article). The mixed stream's "all" row: 0.912 -> 0.909. A dev-only
check for it, ECB+ dev and mixed dev as one corpus (the bench order and 3 shuffles), shows no such chain:
B-cubed F1 union-find 0.925, link bar 0.2 / 0.25 / 0.3 / 0.35 0.930 / 0.932 / 0.933 / 0.929 (8 and 16
articles a side the same at 0.25 and 0.3). A bar of 0.3 would stop those chains; the bar stays 0.25
because nothing on the dev data tells the two apart and the "all" rows hold the held-out topics. What
would address it without a held-out choice: a merge that must also beat the story's time spread (a
story whose dated articles already span most of a year takes the next dated story too easily), or a
link that asks the merged story's own articles, not only the latest 8. (Since then: the name guard of
"Latest" above stops exactly these chains, from a cause that the merge log shows on every stream.)

Across windows: the merge candidates already cross blocks and the 60-day windows (a dated story is a
candidate for a year around its dates). The date-split events left on ECB+ dev (36 ecbplus in five
pieces over three years, 16 ecbplus with one article 630 days on, 28 ecbplus with one dated 8 years off)
score p 0.003-0.08 between their pieces (one pair more than a year apart is not a candidate at all): the
pair model's time features reject them, so wider blocks or candidate windows would not join them.

Cost (the merge is the only step that changed): on 2,151 articles (ECB+ and the mixed stream, 793 seed
stories) 1.5 s -> 4.4-5.0 s (8.9 s with 16 articles a side before `CorpusClusterer` kept each article's
term and name maps instead of remaking them for every pair); on 10,000 articles (the store run's noisy
copies, 841 seed stories, blocks and online clustering 23-25 s) 3.2 s -> 14.9 s (19.9 s with 16 articles
a side), bounded by the 10 candidates and 8 articles a side. Next to the NLP features of 10,000 articles
(about 17 minutes at 10 articles/s) that is about 1 % more. The engine table below is the whole job on
240 articles, NLP included: 64 stories (66 before), the same clusters from both engines; local_1 took
21.3 s with 16 articles a side in this round's first full run, 19.0 s and 13.2 s with 8 in the next two
(20.6 s in the last round's run), the 2-worker and Ray runs 16-39 s across the three: the load of the
shared machine, not the merge (0.14 -> 0.44 s on the first 240 ECB+ articles).

In the store (lead 3, not built): the same merge run periodically over the store's stories as seeds
(the online clustering at the end of the stream, then the lone pass) would give ECB+ 0.912 -> 0.915 dev
(0.927 with 16 articles a side) and 0.907 -> 0.923 held-out, but mixed 0.937 -> 0.936 dev and 0.943 ->
0.940 held-out (45 -> 37 and 277 -> 257 stories on the dev halves): little on dev, so not worth a store
job as it stands; it would be written as ordinary merges (`merged_into`), like the coming-of-age check.

What is left on ECB+ dev (40 stories for 30 events; this round's job): the Angels' and the Red Sox's offers
to Teixeira joined as wholes (topic 10, 8 + 13: the largest loss, both events name the same player, agent
and week), topic 38's two events mixed (10 + 1 and 1 + 1 articles), one article of 36 ecbplus in its
look-alike event and 36 ecbplus's date-split pieces (7 + 2 + 1), 23 ecb in three parts (7 + 2 + 1), and
seven lone articles whose own event is their most probable story but under the lone pass's bar (0.02-0.14
against 0.2; a bar of 0.1 moves the dev mean by +0.002, and leaves fewer true lone articles alone).

### Before that, this round: the lone article's second chance when it comes of age, whatever story grows

Built (`OnlineClusterer.come_of_age`, called after every article; the store calls it inside the
article's transaction): the undated lone article that is exactly 100 articles old now is ranked
against ALL its candidate stories, and joins the best when that is a story of two or more articles
at p >= 0.2 and 1.5x the runner-up (the bars of `adopts`, which stays: it re-checks a lone article
whenever a candidate grows). Before, only the story that had just grown could take a lone article,
so one whose event had stopped growing never got its chance. Once per lone article, so the cost per
article stays flat (at most one extra ranking of 10 candidates). `storylens.store` writes it as an
ordinary merge (`merged_into`, the older id kept) in the same transaction as the article that
triggered it, so a re-opened store replays the same state and a crash leaves no half of it
(tests/store: replay after re-open; a failure inside that merge rolls the whole article back, and
the retry does it all).

| change (online; one-off over the cached features, bench order) | ECB+ dev | ECB+ held-out | mixed dev | mixed held-out | kept |
|---|---|---|---|---|---|
| before (the previous run: adopts only) | 0.9094 | 0.899 | 0.9353 | 0.9395 | |
| second chance at coming of age, all candidates, bars of adopts (p 0.2, 1.5x) | **0.9118** | **0.9073** | **0.9372** | **0.9429** | yes |
| ... its own bar p 0.15 / 0.25 / 0.3 (1.5x) | 0.9118 / 0.9094 / 0.9094 | 0.9073 / 0.9017 / 0.9017 | 0.9372 / 0.9363 / 0.9363 | 0.9429 / 0.9406 / 0.9406 | no: the bars of adopts (no new knob) |
| ... its own ratio 1.25 / 2 (p 0.2) | 0.9118 / 0.9118 | 0.9073 / 0.9073 | 0.9372 / 0.9372 | 0.9429 / 0.9429 | no: no change |
| ... also two lone articles (both undated) that are each other's best, same bars both ways | 0.9118 | 0.9073 | 0.9372 | 0.9436 | no: dev identical |
| ... also dated lone articles | 0.9093 | 0.8931 | 0.9354 | 0.9372 | no: lower on both dev halves |

The same 6 other orders check the bench order's luck (dev halves replayed in 6 seeded shuffles,
seeds 1-6; not the orders of the section below, so the starting means differ): mean B-cubed F1
before -> with the check, ECB+ dev 0.8678 -> 0.8683 (higher in 5 orders, +0.0006 to +0.0034, lower
in one, -0.008), mixed dev 0.9264 -> 0.9266 (2 higher, 2 equal, 2 lower by 0.0002 and 0.0012); small,
but neither dev half falls. The grid of its own bars on those orders (ECB+ dev / mixed dev means):
p 0.15 0.8688 / 0.9266, 0.25 0.8715 / 0.9262, 0.3 0.8697 / 0.9262, ratio 1.25 0.8700 / 0.9266, 2
0.8690 / 0.9271: flat within 0.003, so no knob of its own. The two-lone-articles variant: 0.8680 /
0.9274 (0.8683 / 0.9266 without): not kept. Reported after deciding, held-out means 0.9040 ->
0.9075 (ECB+, higher or equal in every order) and 0.9348 -> 0.9358 (mixed, one order lower by
0.001). Adoptions at coming of age on the dev halves (bench order and the 6 others): ECB+ 22 of 31
right, mixed 9 of 12. True lone articles (the lone check table): online 21 -> 20 of 30 on dev (one
article of topic 28, the two look-alike deaths), 24 -> 24 held-out: within noise. Cost, clustering
alone on the whole mixed stream, 3 interleaved runs on the busy machine: 3.74 / 2.67 / 2.62 ms per
article without, 2.91 / 2.78 / 2.00 with: below the noise. In the store (the first 3,000 articles
of the store run below, 2 runs each, interleaved, load about 3): 2.97 / 2.96 / 4.39 and 3.59 / 4.66 /
7.19 ms per article by 1,000 without, 2.93 / 3.94 / 6.59 and 4.75 / 3.69 / 4.49 with (means 4.29 and
4.40: within the noise); 673 -> 667 stories. The batch engines below now give 66 stories where the
last run gave 88: that is the lone pass `storylens cluster` ends with (`scale.pipeline.finish`, added
after the last run), not this check, which never fires in the job's blocks (at most 27 articles, under
the 100-article age; over the cached features 90 -> 68 stories with or without it).

What is left on ECB+ dev (45 stories for 30 events): 13 lone articles, 8 from the last 100
articles (never of age before the stream ends; a running store gives them their chance later), 5
dated; 3 have their own event as the clear best at the end (2 dated, 1 from the last 100). On the
mixed dev stream 49 lone articles (was 51); the 11 with their event as the clear best at the end
were 2 undated ones, now taken, and 9 dated ones, which the dated variant above does not win on
dev. So the lone-article lever is spent for undated articles; the ECB+ gap is the dated events
split by dates a month to two years apart and the two look-alike pairs joined as wholes (topics
10, 38).

### Before that: the lone articles

Where the recall went (ECB+ dev, online, before this round): 18 of the 50 stories were one article,
every one an error (neither eval stream has a one-article event). At the end of the stream the
article's own event is its most probable story for 15 of the 18 (p 0.02-0.35, the runner-up mostly
far below: the look-alike event); for the mixed dev stream 43 of 63. They missed the join bar (0.35)
on arrival because the story of their event was small or not there yet, or the article is short
(20-50 terms) or off-angle. So the lever is a second look later, online.

What was kept (`OnlineClusterer.adopts`, called from the merge check of the story that just grew, so
the store persists it as an ordinary merge and a re-opened store replays the same state): an UNDATED
lone article that 100 more articles have passed without joining it joins the story that just grew
when that story is its most probable one at p >= 0.2 and 1.5x the runner-up. The wait is what makes
it work: without it, 12 of the 20 adoptions on ECB+ dev were wrong, every one of a lone article
younger than 35 articles: the first article of an event whose siblings had not arrived yet, adopted
by its look-alike event. Cost: one pair scored per old lone candidate of the grown story, its full
candidate list only when that pair clears the bar (whole mixed stream, clustering alone: about 2.6
-> 3.0 ms per article; bounded, as a story has at most 10 candidates). In the store (the first 3,000
articles of the store run below, runs without and with it interleaved on a busy machine, load 3-4):
4.0 / 4.0 / 6.3 ms per article by 1,000 without, 4.8 / 4.5 / 6.9 with, about +0.5 ms; 701 -> 673
stories. The NLP-bound figures below (the whole ingest of 1,000 articles, the batch engines) follow
the load of the shared machine (2 cores, four people): in this round's four full runs before this one
the ingest took 44 to 109 s and the engines' local_1 run 10.6 to 27 s, for the same 339 and 88
stories (last round 43 s and 9.9 s); the cost of the second chance itself is the store A/B above.

The batch job sees the whole corpus, so its pass (`stories.cluster.attach_lone`) needs no wait: each
lone article joins its most probable story at p >= 0.2 and 1.25x the runner-up, all decided against
one state. `storylens cluster` runs it after `merge_across` (`scale.pipeline.finish`, both engines;
the engine timings below were measured before it was called there).

The risk of both is the TRUE lone article (an event with one article), which neither eval stream has,
so the bench now builds some (`lone_check`, table above): in each ECB+ topic one event is cut to its
first article, next to its look-alike event intact. Online 21 of 30 stay alone on dev, 24 of 30
held-out, the same with or without the second chance (the losses are the join bar's); the batch
job 28 / 29, with its pass 23 / 29 (a pass at p >= 0.1 would leave 20 on dev, at 0.05 14).

| change (online unless said; one-off over the cached features, bench order) | ECB+ dev | ECB+ held-out | mixed dev | mixed held-out | kept |
|---|---|---|---|---|---|
| start of this round | 0.8985 | 0.894 | 0.933 | 0.935 | |
| lone article re-checked whenever a candidate story grows, no wait (p >= 0.15, 1.5x) | 0.8935 | | 0.929 | | no: adopted by the look-alike |
| ... only after 100 more articles (grid: 25 / 50 / 100 / 150 x p 0.1-0.25 x ratio 1.25-2; 0.2, 1.5) | 0.910 | 0.889 | 0.937 | 0.933 | in part |
| ... plus two young lone articles that are each other's best (p >= 0.25) | 0.910 | 0.889 | 0.938 | 0.934 | no: +0.002 on one dev half |
| ... waiting for the story to grow by 2 / 3 / 4 / 6 articles instead of 100 articles in all (p 0.2) | 0.905 / 0.902 / 0.899 / 0.904 | | 0.934 / 0.933 / 0.933 / 0.933 | | no |
| ... lone candidates also from the new article's candidates, not only the grown story's | 0.910 | | 0.937 | | no: no change |
| ... undated lone articles only (the previous run) | **0.9094** | **0.899** | **0.935** | **0.940** | yes |
| join bar 0.3 / 0.4 / 0.45 / 0.5 with the second chance (0.35 kept: dev means within 0.002) | 0.910 / 0.915 / 0.922 / 0.920 | | 0.941 / 0.933 / 0.931 / 0.930 | | no |
| batch: last pass over lone articles, p >= 0.05 / 0.1 / 0.15 / 0.2 / 0.25 (ratio 1.25) | 0.921 / 0.918 / 0.913 / 0.914 / 0.904 | - / - / - / 0.933 / - | 0.936 / 0.936 / 0.936 / 0.936 / 0.934 | - / - / - / 0.935 / - | 0.2: see the lone check |

Why undated only: replaying both dev streams in 6 other random orders, 32 of the 60 adoptions of
dated lone articles were right and 34 of the 44 undated ones; a dated article had its date weighed
already, and among dated articles many unrelated events share a week. The same 6 orders check that
the gain is not the one order's luck (mean B-cubed F1, no second chance -> kept rule): ECB+ dev
0.862 -> 0.872 (higher in each order, +0.003 to +0.015), mixed dev 0.925 -> 0.927 (-0.0001 to
+0.004); reported after deciding, held-out 0.891 -> 0.902 and 0.932 -> 0.935. (With dated articles
too, the mixed held-out was lower or equal in all 6 orders, 0.932 -> 0.925 on average, and 0.935 ->
0.933 in the bench order.) A 50-article wait scored 0.876 /
0.928 on the 6 dev orders but 0.904 in the bench order; 100 stays (the middle of the bench-order
plateau).

What was left then on ECB+ dev (46 stories for 30 events): 14 lone articles, 8 of them from the last
100 articles of the stream, which never got their second chance before it ended (the bench scores
the state at the end of a finite stream; a running store keeps giving it), 5 dated ones, and short
articles whose event scores under 0.2 (16_2ecb: 21 terms, p 0.03); 4 of the 14 have their event as
the clear best (p >= 0.2, 1.5x the runner-up) at the end; then the dated events split by
dates a month to two years apart, and the two look-alike pairs joined as wholes (topics 10, 38).
What might close more of the gap, it said: a store-side hook that gives a lone article its second chance when
it comes of age, whatever story grows (the merge check can only merge with the story that just grew:
a lone article whose event has stopped growing, or two lone articles of one event, never get one;
of the mixed dev stream's 51 lone articles at the end, 11 have their event as the clear best),
which is a change in `storylens.store` (the store replays merges; it would need to persist a merge of
two stories neither of which just grew). Built: see above.

## The previous round

What changed in the previous round: the pair model is a linear logit plus ReLU units (5 seeds x 16 units side
by side, logits averaged; weight decay chosen by 5-fold cross-validation on the dev pairs, folds
grouped by topic), pinned in `params.py` and evaluated in numpy (one matrix product per article for
its 10 candidates; no scikit-learn at run time). The time and era features (days-apart gap, time
closeness, era gap, years in common) may move the probability one way only: their weights into the
hidden units carry the feature's sign and the units' output weights are >= 0. And two stories merge
when the MEAN of their two ways clears the merge bar (was: each way): a lone article that missed the
join bar scores low as an article against the grown story, high the other way.

A trade-off kept from the round before: the model learns from the ECB+ dev topics and the mixed stream's
dev stories, each weighing the same; fitted on ECB+ dev alone it gave 0.913 / 0.916 on ECB+ but lumped
every infrastructure or COVID article of a month together in the mixed stream (0.668 / 0.685).

### What was tried in the previous round

Previous round's figures (before the lone-article work). Online clusterer, B-cubed F1; one-off runs over the cached features, pair model refitted on the dev
halves each time, thresholds from the dev grid (the tables above come from the full run).

| change | ECB+ dev | ECB+ held-out | mixed dev | mixed held-out | kept |
|---|---|---|---|---|---|
| start: logistic pair model, merge when each way >= 0.5, join 0.4 | 0.894 | 0.876 | 0.921 | 0.926 | |
| free network (16 units x 5 seeds, decay 1e-3), each way >= 0.7, join 0.3 (best of 12 dev points) | 0.893 | 0.891 | 0.934 | 0.929 | in part |
| ... merge on the mean of both ways (plateau rule: join 0.35, merge 0.5) | 0.901 | 0.889 | 0.936 | 0.930 | no: see below |
| ... time/era features in the linear term only, sign-bounded, units blind to them (best dev point) | 0.891 | 0.881 | 0.916 | 0.926 | no: mixed dev -0.02 |
| ... units see them with sign-bounded weights, output weights >= 0 (plateau rule: join 0.35, merge 0.7) | 0.901 | 0.893 | 0.935 | 0.937 | yes |
| ... merge check skips the second way when even a certain one could not reach the bar (that round's final) | **0.8985** | **0.894** | **0.933** | **0.935** | yes: final |
| ... content similarities also made one-way (best dev point, join 0.35 / merge 0.6) | 0.895 | 0.892 | 0.932 | 0.937 | no |
| ... 10 seeds instead of 5 (join 0.35 / 0.4, merge 0.5) | 0.882 / 0.912 | 0.883 / 0.880 | 0.936 / 0.932 | 0.931 / 0.928 | no: a jump between two join values, no plateau |
| logistic model with the mean-of-both-ways merge (join 0.4, merge 0.4 / 0.5 / 0.6) | 0.886 / 0.874 / 0.894 | 0.887 / 0.883 / 0.874 | 0.908 / 0.916 / 0.920 | 0.925 / 0.927 / 0.926 | no gain |
| quantities of title + lede (share of the article's numbers the story gives; both-known flag), free network, mean merge, join 0.35 | 0.895 | 0.895 | 0.933 | 0.935 | no: ECB+ dev 0.901 without |
| ... only quantities >= 10 or with decimals | 0.876 | 0.905 | 0.933 | 0.936 | no |

Why the free network was not kept although it ties on dev: it learned that a five-year era gap makes
an (article, story) pair MORE likely for 21 % of the plausible ECB+ dev pairs (p > 0.2), and 15 % of
the held-out ones; a test (an undated article speaking of 2013 must prefer the 2013 story over an
identical 2008 one) failed with it. The bounded network passes it, and its held-out figures are higher.

Pair-level cross-validation on the dev pairs (5 folds grouped by topic/story, weighted log loss, lower
is better): logistic 0.0486; free network by weight decay 1e-4 / 3e-4 / 1e-3 / 3e-3 / 1e-2: 0.0469 /
0.0402 / 0.0393 / 0.0418 / 0.0460 (8 or 32 units within 0.001 of 16); bounded network 0.0460 (decay
1e-3, chosen among 3e-4 / 1e-3 / 3e-3); with the quantity features 0.0379 (better pairs, not better
clusters).

A learned merge model (lead 2) was looked at before building it: replaying the dev streams online
without merges, the pairs of stories a merge check meets are 3,210 (ECB+) and 7,165 (mixed), of which
88 and 22 are one gold event. A logistic model over the two ways' logits, their min and max and the
two story sizes ranks them little better than the plain min of the two ways (area under the ROC curve
0.952 -> 0.957 ECB+, 0.965 -> 0.970 mixed; average precision 0.25 / 0.33): too few positives for more;
not run end to end. The mean-of-both-ways rule above is what came of lead 2.

Behaviour on made-up inputs that changed with the network (tests adjusted, said here): two look-alike
events whose ledes are at cosine 0.96 with no name in common are now joined (at cosine 0.85 they stay
apart; of the ~21,000 dev and held-out pairs, 3 undated ones without a shared name reach 0.80,
none 0.90); and in the "broad theme vs narrow story" case the theme now accepts the narrow story at 0.62, so the mean of the two ways (0.70)
merges them at the pinned bar. On the real streams the mixed stream's precision (the theme lumps) rose:
dev 0.937 -> 0.951, held-out 0.944 -> 0.948. The merge-rule test now checks the rule itself
with a stubbed pair model.

Remaining ECB+ errors then (dev, that round's final model; 50 stories for 30 events): two pairs of look-alike events
joined as wholes (topic 10: the Angels' and the Red Sox's offers to Teixeira, 7 + 7 articles; 38: 3 +
10), single articles joining the look-alike event (28, 44; topic 28's two deaths, Mark Felt's and
Fred LaRue's, were one 23-article story last round), dated events split when their articles' dates are
a month to two years apart (16 ecbplus in four parts: days 0-2, 32, 634, 649; 36 ecbplus in three), and
single short or off-angle articles left alone (20 of the 24 extra parts are one article). What might
close the gap: the main event's arguments (who, which team), quantities that contradict (ages 95 vs
75) rather than match, re-assigning recent articles.

### Tried two rounds ago (logistic model)

| change | ECB+ dev | ECB+ held-out | mixed dev | mixed held-out | kept |
|---|---|---|---|---|---|
| before that round (fit on ECB+ dev only, 30-day window) | 0.892 | 0.871 | 0.660 (whole stream) | | |
| + log "days apart" feature, best-member term and name cosine (latest 16 members) | 0.891 | 0.874 | 0.663 (whole stream) | | yes |
| ... same with a 365-day window | 0.904 | 0.905 | 0.610 (whole stream) | | |
| fit on ECB+ dev + mixed dev, pairs pooled, 30-day window | 0.815 | 0.852 | 0.924 | 0.942 | yes |
| + separate content weights for dated and undated pairs | 0.841 | 0.847 | 0.929 | 0.938 | yes |
| + each dev stream weighs the same in the fit | 0.854 | 0.866 | 0.927 | 0.923 | yes |
| + 365-day window | 0.868 | 0.869 | 0.920 | 0.919 | yes |
| + era (publication year, else the latest year the text mentions) gap, years-mentioned overlap | 0.894 | 0.876 | 0.921 | 0.926 | yes |
| ... 90-day / unbounded window | 0.892 / 0.894 | 0.879 / 0.892 | 0.923 / 0.923 | 0.922 / 0.922 | no: a tie on dev; 365 days keeps a bound |
| ... without the best-member cosines | 0.892 | 0.874 | 0.917 | 0.921 | no |
| ... ECB+ weighing 3x the mixed stream | 0.891 | 0.896 | 0.916 | 0.920 | no: lower on both dev halves |
| ... merge threshold 0.3 / 0.4 instead of 0.5 | 0.904 / 0.894 | 0.872 / 0.878 | 0.903 / 0.909 | 0.922 / 0.929 | no |
| ... era gap saturating at 1 / 2 / 3 / 10 years instead of 5 | 0.887 / 0.901 / 0.894 / 0.893 | 0.883 / 0.878 / 0.874 / 0.873 | 0.918 / 0.921 / 0.921 / 0.921 | 0.921 / 0.922 / 0.922 / 0.922 | no: 2 is a sharp peak on dev, not a plateau |
| ... 20 candidate stories instead of 10 | 0.898 | 0.870 | 0.916 | 0.919 | no: lower dev mean, twice the cost |
| ... MLP pair model (16 hidden units, scikit-learn) instead of logistic | 0.884 | 0.880 | 0.944 | 0.956 | no then (lower on ECB+ dev); this round's network above |
| ... fit on ECB+ dev only | 0.913 | 0.916 | 0.668 | 0.685 | no: theme lumps |

Gradient-boosted trees on the same pair features raised the pair-level AUC on the ECB+ held-out pairs
from 0.984 to 0.991 (0.996 -> 0.998 on the mixed held-out pairs), but scikit-learn's per-call
prediction (about a millisecond) is too slow for the online path; not measured end to end.

### Why the mixed stream's precision was ~0.54 (previous round)

Not mainly the gold. With the ECB+-only model, 292 of the 1,032 joins were wrong, at a mean join
probability of 0.80: the stories chained whole NeuS themes together (the largest: 95 articles from 42
AllSides events of May-June 2021, from infrastructure talks to the Biden-Putin summit; then 63
articles / 25 events of COVID travel rules, jobs reports and the Merck pill; Afghanistan; vaccines).
The cause is what ECB+ teaches: its two look-alike events are years apart, so "both dated, within a
few days" was worth about +4 logits there, whatever the content. In a real stream (NeuS: ~65 events a
month on a handful of themes) many unrelated events share a week. Multi-News clusters were rarely
involved (distinct topics, undated).

What is left after the fix (all-stream precision 0.897) is mostly gold granularity: AllSides makes
several roundups of one event, and the gold counts each as a story: Biden's address to Congress
(4 roundups, Apr 28-29), the Facebook Oversight Board ruling on Trump (2, May 5), the Afghanistan
withdrawal speech (3, Aug 31), the Texas abortion-law appeals (3 in a week); merging those is
defensible. And 10 Multi-News "documents" are not articles but the same boilerplate in different gold
clusters (Internet Archive crawl notices x8, a Twitter location notice x2): gold noise, they end up
in one story together.

### Tried in earlier rounds (ECB+ online, dev / held-out; fit on ECB+ dev only, 30-day window)

| change | dev | held-out | kept |
|---|---|---|---|
| term bag of title + whole text instead of title + lede | 0.890 | 0.864 | in part |
| ... with numbers as terms | 0.885 | 0.864 | no |
| ... with adjacent word pairs, 300 most frequent terms | 0.892 | 0.868 | yes |
| IDF from all 687 articles instead of the stream so far (oracle) | 0.886 | 0.870 | no: IDF is not the bottleneck |
| pair model without the dense features | <= 0.868 | | no |
| hand-set linear score (TF-IDF + names), one threshold | <= 0.818 | sharp peak | no |
| "both sides name someone" feature (names that do not match count against) | 0.892 | 0.868 | no change |
| merge only when both stories accept each other, threshold 0.5 | 0.892 | 0.871 | yes (mixed stream 0.651 -> 0.660) |
| time window 60 / 365 / unbounded days instead of 30 (ECB+-only model) | 0.895 / 0.904 / 0.919 | 0.884 / 0.897 / 0.886 | no then; 365 now, with the jointly learned model |

Ceiling found then: average-link agglomerative clustering over ALL articles at once with corpus-wide
TF-IDF + entity cosine (not online) peaks at 0.88 dev / 0.92 held-out. Within one topic the area under
the ROC curve for "same event" is 0.91 for full-text TF-IDF, 0.935 with word pairs, 0.90 for IDF-weighted
names, 0.88 for the MiniLM lede embedding, 0.70 for years mentioned.

Cost per article: a story's term and name bags keep their 1,200 most frequent keys at most (pruned to
900), its merge profile is cached until it changes, and the best-member cosines look at its latest
16 members only, so scoring an article against a story costs the same at its 500th member as at its
5th. The network adds one (10 x 20) by (20 x 80) product per article. The mean-of-both-ways merge
first made every merge check profile all 10 candidate stories (the each-way rule stopped at a failed
first way): 6.8 -> 10.6 ms per article in the 10,000-article store run; the check now skips the second
way when even a certain "yes" could not lift the mean to the bar (same decisions up to the IDF drift
of cached story norms, which moves the figures by about 0.002: the last row of the table above).
Where the remaining growth over the 10,000-article store run comes from (cProfile of the first and
last chunk): the best-member cosines. The stream cycles ~1,700 feature sets, so each new copy joins
the story of its earlier copies, and stories keep filling toward the 16-member cap through the whole
run; the work per article grows with the members compared and stops growing at the cap. After this
round's merge work, the article's own weights are made once for all its candidates and dot products
walk shared keys only (same values up to float order): 4.2 -> 3.0 ms per article in the first chunk,
6.8 -> 4.7 ms in the last, measured on a quiet machine; the ratio stays about 1.6 because both ends
fell. The 365-day
window does not add cost: candidates are the top 10 stories by dense similarity in any case.
"""


def markdown(data: dict[str, Any]) -> str:
    lines = ["# Story clustering and store", ""]
    dates = data.get("part_dates", {})
    if len(set(dates.values())) > 1:
        lines += ["Parts run at different times: " + ", ".join(f"{p} {d}" for p, d in dates.items()) + ".", ""]
    q = data["quality"]
    lines += ["## ECB+ (687 articles, 60 events; split by topic, params learned on dev only)", "",
              "| part | system | B3 P | B3 R | B3 F1 | pair F1 | stories / gold |", "|---|---|---|---|---|---|---|"]
    for part, systems in q["ecb"].items():
        for name, s in systems.items():
            lines.append(f"| {part} | {name} | {s['bcubed_p']} | {s['bcubed_r']} | **{s['bcubed_f1']}** | "
                         f"{s['pair_f1']} | {s['stories']} / {s['gold_stories']} |")
    sens = q["sensitivity"]
    lines += ["", (f"## Sensitivity (ECB+ B-cubed F1; online merge threshold {Params().merge_threshold}, "
                   f"chosen join threshold {Params().threshold})"), "",
              "| online join threshold | dev | held-out |", "|---|---|---|"]
    lines += [f"| {k} | {v['dev']} | {v['held_out']} |" for k, v in sens["online_join_threshold"].items()]
    lines += ["", (f"| batch story-merge bar (`link_threshold`, chosen {Params().link_threshold}; with the lone pass) "
                   "| dev | held-out |"), "|---|---|---|"]
    lines += [f"| {k} | {v['dev']} | {v['held_out']} |" for k, v in sens["batch_link_threshold"].items()]
    lines += ["", "| TF-IDF baseline cosine threshold | dev | held-out |", "|---|---|---|"]
    lines += [f"| {k} | {v['dev']} | {v['held_out']} |" for k, v in sens["tfidf_baseline_threshold"].items()]
    lone = q["lone_check"]
    lines += ["", ("## True lone articles left alone (ECB+: per topic, one event cut to its first article; "
                   "see `lone_check`)"), "",
              "| part | lone articles | online | batch | batch_lone_pass |", "|---|---|---|---|---|"]
    lines += [f"| {h} | {c['lone']} | {c['online']} | {c['batch']} | {c['batch_lone_pass']} |" for h, c in lone.items()]
    lines += ["", ("## Multi-News full text + NeuS, one shuffled stream (split by gold story; the dev half is "
                   "the second stream the pair model learns from)"), "",
              "| part | system | B3 P | B3 R | B3 F1 | pair F1 | stories / gold |", "|---|---|---|---|---|---|---|"]
    for part, systems in q["mixed"].items():
        for name, s in systems.items():
            lines.append(f"| {part} | {name} | {s['bcubed_p']} | {s['bcubed_r']} | **{s['bcubed_f1']}** | "
                         f"{s['pair_f1']} | {s['stories']} / {s['gold_stories']} |")
    lines += ["", TRIED]
    t = data["throughput"]
    lines += ["", "## Throughput: ingest + cluster into SQLite", "", "```", json.dumps(t, indent=2), "```",
              "", ("`full_N`: the whole ingest (features through spaCy + MiniLM, clustering, SQLite) measured. "
              "`store_cluster_N`: clustering + SQLite alone on N articles (features reused with noise), in ten "
              "chunks, to show whether the cost per article stays flat as the store grows; "
              "`extrapolated_full_articles_per_s` adds the measured NLP cost per article (EXTRAPOLATED, not run "
              "end to end)."), "", "## Batch engines", "", "```", json.dumps(data["engines"], indent=2), "```"]
    return "\n".join(lines)


PARTS: dict[str, Callable[[], dict[str, Any]]] = {"quality": quality, "throughput": throughput, "engines": engines}


def main() -> None:
    part_help = ("run only this part (and any other part flag given); the others are kept from the last "
                 "results file, with their own dates")
    opts = options(__doc__, ("--tune", "fit the pair model and thresholds on the dev halves; print params"),
                   *((f"--{p}", part_help) for p in PARTS))
    if opts.tune:
        tune()
        return
    chosen = [p for p in PARTS if getattr(opts, p)] or list(PARTS)
    name = "stories" + ("-smoke" if smoke() else "")
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    data: dict[str, Any] = {"smoke": smoke()}
    if len(chosen) < len(PARTS):  # a partial run keeps what it did not redo, and says when that was run
        old = json.loads(((RESULTS / "smoke" if smoke() else RESULTS) / f"{name}.json").read_text())
        dates = old.get("part_dates") or dict.fromkeys(PARTS, old["date"])
        data.update({p: old[p] for p in PARTS if p not in chosen})
    else:
        dates = {}
    for p in chosen:
        data[p] = PARTS[p]()
        dates[p] = now
    data["part_dates"] = {p: dates[p] for p in PARTS}
    path = write_results(name, {k: data[k] for k in ("smoke", *PARTS, "part_dates")}, markdown(data))
    print(path.read_text())


if __name__ == "__main__":
    main()
