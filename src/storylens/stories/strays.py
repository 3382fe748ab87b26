"""Sources of a brief that share little with every other source: likely reports of another story.

A folder of saved pages or a feed's items often holds a page that is not about the story (an
archive's notice, an error page, a neighbouring article). Each source is scored against every
other as one-article stories by the story clusterer's pair model (`OnlineClusterer`); a source
whose best partner stays under `STRAY_BAR` is named in the brief's notices, never dropped: the
reader decides.

`STRAY_BAR` was chosen on the dev halves of bench/strays.py (ECB+ dev events, Multi-News + NeuS
dev stories), where a source from another topic added to a story is found 30 of 30 / 247 of 251
times while 1 of 329 ECB+ sources of a clean story is named (the Multi-News sources named are
mostly pages of another subject: an archive's crawl notice, a Twitter error page).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storylens.models import Article
from storylens.stories.cluster import OnlineClusterer, Params
from storylens.stories.features import DocFeatures, extract_features

STRAY_BAR = 0.01
# Partners scored per source: its nearest sources by lede embedding (the best partner is among them, and
# the cost stays linear in the number of sources).
PARTNERS = 5


def strays(articles: Sequence[Article], params: Params | None = None) -> list[str]:
    """Ids of the articles whose most likely partner among the others is under `STRAY_BAR` (all of them
    when no two sources report one story). Needs three articles or more: with two, neither is the odd one out.
    """
    if len(articles) < 3:
        return []
    return stray_docs(extract_features(articles), params)


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
