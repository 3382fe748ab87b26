"""Sources of a brief that share little with every other source: likely reports of another story.

A folder of saved pages or a feed's items often holds a page that is not about the story (an
archive's notice, an error page, a neighbouring article). Each source is scored against every
other as one-article stories by the story clusterer's pair model (`OnlineClusterer`); a source
whose best partner stays under `STRAY_BAR` is named in the brief's notices, never dropped: the
reader decides.

`STRAY_BAR` was chosen on the dev halves of bench/strays.py (ECB+ dev events, Multi-News + NeuS
dev stories), where a source from another topic added to a story is found 30 of 30 / 246 of 251
times while 2 of 329 ECB+ sources of a clean story are named (the Multi-News sources named are
mostly pages of another subject: an archive's crawl notice, a Twitter error page).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from storylens.models import Story
from storylens.stories.cluster import OnlineClusterer, Params
from storylens.stories.features import (
    LEDE_CHARS,
    MAX_TERMS,
    NAME_LABELS,
    NER_CHARS,
    DocFeatures,
    body_text,
    name_keys,
    terms_of,
    years_of,
)

STRAY_BAR = 0.01
# Partners scored per source: its nearest sources by lede embedding (the best partner is among them, and
# the cost stays linear in the number of sources).
PARTNERS = 5


def strays(story: Story, params: Params | None = None) -> list[str]:
    """Ids of the analysed articles whose most likely partner among the others is under `STRAY_BAR` (all of them
    when no two sources report one story). Needs three independent reports or more: with two, neither is the odd
    one out, however many copies one of them has (QA round 39 left out the one report of a sentencing beside two
    copies of another outlet's story of the crime).

    Reads what the nlp stage made (`story_features`): no model runs again.
    """
    analysed = [a.id for a in story.analysed]
    if len(analysed) < 3 or story.embeddings is None or story.independent_count(analysed) < 3:
        return []
    return stray_docs(story_features(story), params)


def story_features(story: Story) -> list[DocFeatures]:
    """Story-clustering features of each analysed article, from the story's sentences, mentions and vectors.

    The vector is the mean of the article's sentence vectors within its lede (`LEDE_CHARS`), the names its
    mentions within `NER_CHARS`: the same parts of the article `extract_features` embeds and tags anew.
    """
    vectors = np.asarray(story.embeddings)
    lede: dict[str, list[int]] = defaultdict(list)
    for s in story.sentences:
        if s.start < LEDE_CHARS or not lede[s.source]:
            lede[s.source].append(s.index)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for m in story.mentions:
        if m.start < NER_CHARS and m.label in NAME_LABELS:
            names[m.source].update(name_keys(m.text, m.label))
    out = []
    for a in story.analysed:
        if not lede[a.id]:
            continue
        v = vectors[lede[a.id]].mean(axis=0)
        day = a.published_date
        body = body_text(a)
        out.append(DocFeatures(id=a.id, vector=(v / (np.linalg.norm(v) or 1.0)).astype(np.float32),
                               entities=dict(names[a.id]), terms=dict(terms_of(body, MAX_TERMS)),
                               day=day.toordinal() if day else None, years=years_of(body, day.year if day else None)))
    return out


def stray_docs(docs: Sequence[DocFeatures], params: Params | None = None) -> list[str]:
    """`strays` over the articles' story features."""
    if len(docs) < 3:
        return []
    clusterer = OnlineClusterer(params)
    for d in docs:
        clusterer.absorb(d, d.id)
    vectors = np.vstack([d.vector for d in docs])
    sims = vectors @ vectors.T
    out = []
    for i, d in enumerate(docs):
        nearest = [j for j in np.argsort(-sims[i], kind="stable") if j != i][:PARTNERS]
        rows = np.vstack([clusterer.pair_features(d, clusterer.stories[docs[j].id]) for j in nearest])
        if float(clusterer.probabilities(rows).max()) < STRAY_BAR:
            out.append(d.id)
    return out
