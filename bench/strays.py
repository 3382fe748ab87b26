"""Sources of a brief that report another story: how often the notice names one, rightly and wrongly.

    python bench/strays.py [--smoke]

Gold stories of ECB+ (60 events; each topic holds two look-alike events) and of the Multi-News + NeuS
stream, split as bench/stories.py splits them (dev / held-out). For every gold story of 3+ articles:
how many of its own sources `stories.strays` names (all false: the gold says they report the story).
For every gold story of 2+ articles, one article of another topic is added (a seeded draw), and for
ECB+ also one of the look-alike event of the same topic: whether it is named, and how many of the
story's own sources are named beside it. STRAY_BAR was chosen on the dev halves.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import options, smoke, write_results
from stories import CACHE, ecb, mixed_stream, split_stories, split_topics

from storylens.models import Article, Story
from storylens.stories.features import DocFeatures
from storylens.stories.strays import STRAY_BAR, story_features, stray_docs

SMOKE_STORIES = 6


def measure(feats: Sequence[DocFeatures], gold: dict[str, str], keep: Callable[[DocFeatures], bool],
            topic: Callable[[DocFeatures], Any] | None = None) -> dict[str, Any]:
    """Named sources on the clean gold stories, and the found share of added sources of another story."""
    stories: dict[str, list[DocFeatures]] = defaultdict(list)
    for f in feats:
        if keep(f):
            stories[gold[f.id]].append(f)
    pool = [f for f in feats if keep(f)]
    rng = random.Random(0)
    out = {"clean_stories": 0, "clean_stories_named": 0, "clean_sources": 0, "clean_named": 0,
           "added": 0, "added_found": 0, "added_false": 0, "added_sources": 0, "lookalike": 0, "lookalike_found": 0}
    chosen = sorted(stories.items())[:SMOKE_STORIES] if smoke() else sorted(stories.items())
    for sid, docs in chosen:
        if len(docs) >= 3:
            named = stray_docs(docs)
            out["clean_stories"] += 1
            out["clean_stories_named"] += bool(named)
            out["clean_sources"] += len(docs)
            out["clean_named"] += len(named)
        if len(docs) < 2:
            continue
        other = [f for f in pool if gold[f.id] != sid and (topic is None or topic(f) != topic(docs[0]))]
        if not other:
            continue  # a smoke run's half may hold one topic
        x = rng.choice(other)
        named = stray_docs([*docs, x])
        out["added"] += 1
        out["added_found"] += x.id in named
        out["added_false"] += len(named) - (x.id in named)
        out["added_sources"] += len(docs)
        if topic is not None:
            twins = [f for f in pool if gold[f.id] != sid and topic(f) == topic(docs[0])]
            if twins:
                y = rng.choice(twins)
                out["lookalike"] += 1
                out["lookalike_found"] += y.id in stray_docs([*docs, y])
    return out


def features(arts: Sequence[Article], name: str) -> list[DocFeatures]:
    """The features a brief gives each of its sources (`strays.story_features`, from the nlp stage's sentences,
    mentions and vectors), cached on disk by content and by that code (the nlp pass is the slow part)."""
    import hashlib
    import inspect
    import pickle

    key = hashlib.sha1((inspect.getsource(story_features) + "".join(a.id + (a.title or "") + a.text for a in arts))
                       .encode())
    path = CACHE / f"strays-{name}-{key.hexdigest()[:12]}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storylens.nlp import annotate_and_embed

    story = Story(articles=list(arts))
    story.sentences, story.mentions, story.embeddings = annotate_and_embed(story.analysed)
    feats = story_features(story)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(feats))
    return feats


def run() -> dict[str, Any]:
    arts, gold, topics = ecb()
    dev_t = split_topics(topics)
    if smoke():  # two topics of each half
        keep = sorted(dev_t)[:2] + sorted(set(topics.values()) - dev_t)[:2]
        arts = [a for a in arts if topics[a.id] in keep]
    feats = features(arts, "ecb")
    m_arts, m_gold = mixed_stream()
    if smoke():
        m_arts = m_arts[:60]
    m_feats = features(m_arts, "mixed")
    dev_s = split_stories(m_gold)
    return {
        "bar": STRAY_BAR,
        "ecb": {
            "dev": measure(feats, gold, lambda f: topics[f.id] in dev_t, lambda f: topics[f.id]),
            "held_out": measure(feats, gold, lambda f: topics[f.id] not in dev_t, lambda f: topics[f.id]),
        },
        "mixed": {
            "dev": measure(m_feats, m_gold, lambda f: m_gold[f.id] in dev_s),
            "held_out": measure(m_feats, m_gold, lambda f: m_gold[f.id] not in dev_s),
        },
    }


def _share(a: int, b: int) -> str:
    return f"{a}/{b}" + (f" ({a / b:.1%})" if b else "")


def report(res: dict[str, Any]) -> str:
    rows = []
    for data in ("ecb", "mixed"):
        for part in ("dev", "held_out"):
            r = res[data][part]
            look = _share(r["lookalike_found"], r["lookalike"]) if r["lookalike"] else "-"
            rows.append(f"| {data} | {part} | {_share(r['clean_stories_named'], r['clean_stories'])} | "
                        f"{_share(r['clean_named'], r['clean_sources'])} | {_share(r['added_found'], r['added'])} | "
                        f"{_share(r['added_false'], r['added_sources'])} | {look} |")
    return "\n".join([
        "# Strays: sources of a brief that report another story",
        "",
        (f"`stories.strays` names a source whose most likely partner among the brief's other sources (the story "
        f"clusterer's pair model, each source a one-article story) stays under {res['bar']}; the brief lists it "
        "in its notices and drops nothing. Gold stories as bench/stories.py splits them; the bar was chosen on "
        "the dev halves."),
        "",
        ("| data | half | clean stories with a source named | clean sources named (false) | added source of "
        "another topic found | story's own sources named beside it (false) | added look-alike event found |"),
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        ("Reading it: on ECB+ the stories' own sources are almost never named, and an article of another topic "
        "always is; the look-alike event of the same topic (another celebrity entering rehab) is mostly not "
        "named: it shares the story's words and kind of names, which the notice does not claim to tell apart "
        "(the story clusterer does, with the whole corpus). The Multi-News sources named in clean stories are "
        "mostly pages of another subject in the dataset itself (an archive's crawl notice, a Twitter error page, a "
        "review site's widget): the brief's cleaning drops most of those before this step."),
        "",
        ("Chosen on the dev halves. The features are the ones a brief already has (`strays.story_features`: the "
         "mean of the lede's sentence vectors and the lede's names from the nlp stage, the same term bag and "
         "day): the story clusterer's own `extract_features` embeds and tags each lede anew, which cost 6 s of a "
         "50-article brief. Bars 0.005 / 0.01 / 0.02 / 0.05 on the dev halves: ECB+ clean sources named 0 / 2 / 4 / "
         "7 of 329 and added sources found 25 / 30 / 30 / 30 of 30; Multi-News + NeuS clean sources named 9 / 12 / "
         "13 / 20 of 648 and added sources found 244 / 246 / 247 / 250 of 251. Tried before: a leave-one-out score "
         "against the other sources as one story (a mixed-in source drags that story's centroid, and its real "
         "partner is then named too) and the batch clusterer's groups (it splits large ECB+ stories: half of the "
         "dev events had a source named)."),
    ])


def main() -> int:
    options(__doc__)
    res = run()
    print(write_results("strays", res, report(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
