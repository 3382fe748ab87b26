"""The batch job's story merge (scale.pipeline.merge_across): agglomerative over the blocks' stories,
most probable pair first, each pair scored by its articles (`story_link`) and re-scored after a merge.

The pair model is replaced by a table of probabilities per (article, story); the real model's effect is
measured by bench/stories.py.
"""

from __future__ import annotations

from test_lone import article, stub_model

from storylens.scale.pipeline import may_link, merge_across, story_link
from storylens.stories import OnlineClusterer, Params
from storylens.stories.cluster import CorpusClusterer
from storylens.stories.features import DocFeatures

DOCS = [article(i, n) for n, i in enumerate(("a1", "a2", "b1", "c1"))]
STORIES = [["a1", "a2"], ["b1"], ["c1"]]  # merge_across names them s1, s2, s3


def test_a_merged_story_is_scored_again_before_it_takes_more(monkeypatch):
    # A-B 0.9 merges first. A-C alone links at 0.5 (over the 0.4 bar), but the merged A+B against C is
    # (0.5 + 0.5 + 0 + 0.5) / 4 = 0.375: C stays apart (the one-shot union-find merged all three).
    table = {("b1", "s1"): 0.9, ("a1", "s2"): 0.9, ("a2", "s2"): 0.9,
             ("c1", "s1"): 0.5, ("a1", "s3"): 0.5, ("a2", "s3"): 0.5}
    stub_model(monkeypatch, OnlineClusterer, table)
    assert merge_across(DOCS, STORIES, Params(link_threshold=0.4)) == [["a1", "a2", "b1"], ["c1"]]
    # When B's article also belongs with C, the merged story keeps the link (0.5) and takes C.
    stub_model(monkeypatch, OnlineClusterer, {**table, ("b1", "s3"): 0.5})
    assert merge_across(DOCS, STORIES, Params(link_threshold=0.4)) == [["a1", "a2", "b1", "c1"]]


def test_the_most_probable_pair_merges_first(monkeypatch):
    # C is drawn to A (0.6) and more to B (0.8); A and B are apart. Best first: B+C (0.8), then A against
    # B+C: (0.6 + 0.6 + 0.6 + 0 + 0) / 5 = 0.36, under the 0.5 bar.
    table = {("c1", "s1"): 0.6, ("a1", "s3"): 0.6, ("a2", "s3"): 0.6, ("c1", "s2"): 0.8, ("b1", "s3"): 0.8}
    stub_model(monkeypatch, OnlineClusterer, table)
    assert merge_across(DOCS, STORIES, Params(link_threshold=0.5)) == [["a1", "a2"], ["b1", "c1"]]
    assert merge_across(DOCS, STORIES, Params(link_threshold=0.9)) == [["a1", "a2"], ["b1"], ["c1"]]


def test_the_link_is_the_mean_over_the_latest_articles_of_both_stories(monkeypatch):
    c = CorpusClusterer(Params(link_members=2))
    for d, sid in zip(DOCS, ("s1", "s1", "s1", "s2"), strict=True):
        c.absorb(d, sid)
    stub_model(monkeypatch, OnlineClusterer, {("a1", "s2"): 1.0, ("a2", "s2"): 0.2, ("b1", "s2"): 0.4,
                                              ("c1", "s1"): 0.9})
    by_id = {d.id: d for d in DOCS}
    # s1's latest two articles (a2, b1: a1 is left out) and s2's one: (0.2 + 0.4 + 0.9) / 3
    assert abs(story_link(c, c.stories["s1"], c.stories["s2"], by_id) - 0.5) < 1e-9
    # The other way round gives the same; a bar the first way shows out of reach gives 0 early.
    assert abs(story_link(c, c.stories["s2"], c.stories["s1"], by_id) - 0.5) < 1e-9
    assert story_link(c, c.stories["s1"], c.stories["s2"], by_id, bar=0.9) == 0.0


def test_the_corpus_clusterer_scores_as_the_online_one_while_the_vocabulary_grows():
    docs = [article(f"x{n}", n) for n in range(6)]
    for d in docs[3:]:  # shared words, so the IDF of each changes as articles come
        d.terms.update({"common": 1, "word0": 1})
    online, corpus = OnlineClusterer(), CorpusClusterer()
    for step, d in enumerate(docs):
        for c in (online, corpus):
            c.absorb(d, f"s{step % 2}")
        for probe in docs[: step + 1]:
            for sid in online.stories:
                a = online.pair_features(probe, online.stories[sid])
                b = corpus.pair_features(probe, corpus.stories[sid])
                assert (a == b).all(), (step, probe.id, sid)


def _named(aid: str, seed: int, names: dict[str, int]) -> DocFeatures:
    d = article(aid, seed)
    d.entities = dict(names)
    return d


def test_two_grown_stories_naming_nobody_in_common_stay_apart_however_sure_the_model(monkeypatch):
    # Two killings told in the same words: an Oklahoma man and a Millom man charged (three articles each).
    ok = [_named(f"ok{n}", n, {"oklahoma": 2, "arkansas": 1, "jimmy mcgee": 1}) for n in range(3)]
    uk = [_named(f"uk{n}", 10 + n, {"millom": 2, "cumbria police": 1, "jordan bell": 1}) for n in range(3)]
    docs = ok + uk
    table = {(d.id, sid): 0.95 for d in docs for sid in ("s1", "s2")}
    stub_model(monkeypatch, OnlineClusterer, table)
    stories = [[d.id for d in ok], [d.id for d in uk]]
    assert merge_across(docs, stories, Params(link_threshold=0.25)) == stories
    # Names in common (the same accused, the same state) make them one story again.
    for d in uk:
        d.entities.update({"jimmy mcgee": 1, "oklahoma": 1})
    assert merge_across(docs, stories, Params(link_threshold=0.25)) == [[d.id for d in docs]]


def test_small_stories_are_left_to_the_pair_model(monkeypatch):
    # A lone article's names are too few to tell: two articles against one with no name shared still merge.
    docs = [_named("a1", 1, {"oklahoma": 1}), _named("a2", 2, {"oklahoma": 1}), _named("b1", 3, {"tulsa": 1})]
    table = {(d.id, sid): 0.95 for d in docs for sid in ("s1", "s2")}
    stub_model(monkeypatch, OnlineClusterer, table)
    c = CorpusClusterer(Params())
    for d, sid in zip(docs, ("s1", "s1", "s2"), strict=True):
        c.absorb(d, sid)
    assert c.name_similarity(c.stories["s1"], c.stories["s2"]) == 0.0
    assert may_link(c, c.stories["s1"], c.stories["s2"])
    assert merge_across(docs, [["a1", "a2"], ["b1"]], Params(link_threshold=0.25)) == [["a1", "a2", "b1"]]


def test_a_block_is_clustered_from_single_articles_whatever_their_order(monkeypatch):
    from storylens.scale.pipeline import cluster_block

    # The block reads its undated articles by id, each a story of its own: a1 = s1, a2 = s2, b1 = s3, c1 = s4.
    # a1-a2 (0.9) merge first; then b1 against a1+a2: (0.6 + 0.6 + 0.6) / 3 = 0.6 clears the 0.5 bar, c1
    # (0.3 to b1 only) stays alone.
    table = {("a1", "s2"): 0.9, ("a2", "s1"): 0.9, ("b1", "s1"): 0.6, ("a1", "s3"): 0.6, ("a2", "s3"): 0.6,
             ("c1", "s3"): 0.3, ("b1", "s4"): 0.3}
    stub_model(monkeypatch, OnlineClusterer, table)
    for docs in (DOCS, DOCS[::-1], [DOCS[2], DOCS[0], DOCS[3], DOCS[1]]):
        assert sorted(cluster_block(docs, Params(link_threshold=0.5))) == [["a1", "a2", "b1"], ["c1"]]
