"""Lone articles: the online second chance (OnlineClusterer.adopts) and the batch job's last pass (attach_lone).

The pair model is replaced by a table of probabilities per (article, story) so each rule is checked
on its own; the real model's effect is measured by bench/stories.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from storylens.stories import OnlineClusterer, Params
from storylens.stories.cluster import StoryState, attach_lone
from storylens.stories.features import DIM, DocFeatures


def article(aid: str, seed: int) -> DocFeatures:
    v = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return DocFeatures(id=aid, vector=v / np.linalg.norm(v), entities={f"name{seed}": 1}, terms={f"word{seed}": 2})


def stub_model(monkeypatch: pytest.MonkeyPatch, target: object,
               table: dict[tuple[str, str], float]) -> list[tuple[str, str]]:
    """Probability of (article id or story profile id, story id) from `table` (0 if absent); returns the log."""
    asked: list[tuple[str, str]] = []

    def pair_features(self: OnlineClusterer, doc: DocFeatures, story: StoryState) -> np.ndarray:
        asked.append((doc.id, story.id))
        return np.array([table.get((doc.id, story.id), 0.0)])

    monkeypatch.setattr(target, "pair_features", pair_features)
    monkeypatch.setattr(target, "probabilities", lambda self, x: np.asarray(x)[:, 0])
    return asked


def clusterer(lone_age: int) -> OnlineClusterer:
    """s1 (two articles), then the lone article L (story s2), then s3 (one article), then `filler` articles."""
    c = OnlineClusterer(Params(lone_age=lone_age, lone_threshold=0.2, lone_ratio=1.5, merge_threshold=0.99))
    c.absorb(article("a1", 1), "s1")
    c.absorb(article("a2", 2), "s1")
    c.absorb(article("L", 3), "s2")
    c.absorb(article("b1", 4), "s3")
    return c


def test_a_young_lone_article_is_not_adopted(monkeypatch):
    c = clusterer(lone_age=5)
    asked = stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3})
    assert not c.adopts(c.stories["s1"], c.stories["s2"])
    assert asked == []  # too young: the model is not even asked


def test_an_old_lone_article_joins_its_clearly_best_story(monkeypatch):
    c = clusterer(lone_age=2)  # born when 2 articles had been seen, 4 seen now
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3, ("L", "s3"): 0.19})
    assert c.adopts(c.stories["s1"], c.stories["s2"])
    assert not c.adopts(c.stories["s3"], c.stories["s2"])  # not its best story


def test_a_dated_lone_article_is_not_adopted(monkeypatch):
    c = clusterer(lone_age=2)
    c.stories["s2"].first_day = c.stories["s2"].last_day = 738000
    asked = stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.9})
    assert not c.adopts(c.stories["s1"], c.stories["s2"]) and asked == []


def test_an_old_lone_article_stays_when_the_runner_up_is_close_or_the_bar_is_missed(monkeypatch):
    c = clusterer(lone_age=2)
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3, ("L", "s3"): 0.21})  # 0.3 < 1.5 x 0.21
    assert not c.adopts(c.stories["s1"], c.stories["s2"])
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.19})  # best, alone, under the bar
    assert not c.adopts(c.stories["s1"], c.stories["s2"])


def test_the_merge_check_of_a_growing_story_adopts_the_lone_article(monkeypatch):
    c = clusterer(lone_age=2)
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3})
    assert c.merge_target("s1") == "s2"  # s1's profile meets L among its candidates; not a convergence (0.99 bar)
    c.merge("s2", "s1")
    assert c.assignments() == {"a1": "s2", "a2": "s2", "L": "s2", "b1": "s3"}


def test_lone_doc_holds_the_whole_article():
    c = OnlineClusterer()
    d = DocFeatures("x", article("x", 9).vector, {"ann lee": 2}, {"storm": 3, "storm surge": 1}, day=738000,
                    years=[2019, 2021])
    c.absorb(d, "s1")
    back = c.stories["s1"].lone_doc()
    assert (back.id, back.entities, back.terms, back.day, back.years) == ("x", d.entities, d.terms, d.day, d.years)
    assert np.allclose(back.vector, d.vector, atol=1e-6)


def test_a_replay_of_the_final_stories_gives_lone_stories_the_same_age():
    """The store rebuilds its clusterer by absorbing each stored article into its final story, in arrival
    order: a lone story's birth (what its age counts from) must come out the same."""
    docs = [article(f"d{i}", i) for i in range(8)]
    live = OnlineClusterer()
    for d in docs:
        live.add(d)
    final = live.assignments()
    replay = OnlineClusterer()
    for d in docs:
        replay.absorb(d, final[d.id])
    lone = {s.id: s.born for s in live.stories.values() if len(s.members) == 1}
    assert lone and lone == {s.id: s.born for s in replay.stories.values() if len(s.members) == 1}


def test_batch_pass_moves_lone_articles_decided_against_one_state(monkeypatch):
    docs = [article(i, n) for n, i in enumerate(("a1", "a2", "L1", "L2", "L3"))]
    done = {"a1": "s1", "a2": "s1", "L1": "s2", "L2": "s3", "L3": "s4"}
    stub_model(monkeypatch, OnlineClusterer, {
        ("L1", "s1"): 0.3,                       # clearly s1's: moves
        ("L2", "s1"): 0.3, ("L2", "s2"): 0.25,   # 0.3 < 1.25 x 0.25: stays
        ("L3", "s1"): 0.1,                       # under the 0.2 bar: stays
    })
    got = attach_lone(docs, done, Params(attach_threshold=0.2, attach_ratio=1.25))
    assert got == {**done, "L1": "s1"}


@pytest.mark.parametrize(("p", "expected"), [(0.3, [["a1", "l1", "a2"]]), (0.1, [["a1", "a2"], ["l1"]])])
def test_the_batch_job_ends_with_the_lone_pass(monkeypatch, p, expected):
    from storylens.scale.pipeline import finish

    docs = [article("a1", 1), article("l1", 2), article("a2", 3)]
    # The job reads undated articles by id, so the story of a1 and a2 is s0. No story-to-story merge:
    # every other pair is 0.
    stub_model(monkeypatch, OnlineClusterer, {("l1", "s0"): p})
    assert finish(docs, [["a1", "a2"], ["l1"]], Params(attach_threshold=0.2, attach_ratio=1.25)) == expected


def test_a_lone_article_coming_of_age_joins_its_best_story_though_that_story_did_not_grow(monkeypatch):
    """`come_of_age` (called after each article): at exactly `lone_age` articles old, the lone article is
    ranked against all its candidates; s1 grew last before it arrived, and never asks itself."""
    c = clusterer(lone_age=2)  # L born at 2, 4 articles seen: of age now
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3, ("L", "s3"): 0.1})
    assert c.come_of_age() == ("s1", "s2")
    assert c.come_of_age() is None  # once only: the next young story (s3, born at 3) is not of age yet


def test_coming_of_age_keeps_the_bars_of_adopts(monkeypatch):
    for table in ({("L", "s1"): 0.19},                      # under the bar
                  {("L", "s1"): 0.3, ("L", "s3"): 0.21},    # runner-up within 1.5x
                  {("L", "s3"): 0.9}):                      # best is itself a lone article
        c = clusterer(lone_age=2)
        stub_model(monkeypatch, OnlineClusterer, table)
        assert c.come_of_age() is None, table
    c = clusterer(lone_age=2)
    c.stories["s2"].first_day = c.stories["s2"].last_day = 738000  # dated: its date was weighed already
    c._young.clear()
    c.absorb(DocFeatures("D", article("D", 8).vector, {}, {}, day=738000), "s9")
    stub_model(monkeypatch, OnlineClusterer, {("D", "s1"): 0.9})
    c.absorb(article("f1", 10), "s1")  # D (born at 4) is 2 articles old now: it would be its turn
    assert c.come_of_age() is None


def test_coming_of_age_fires_once_per_article_and_skips_what_aged_during_a_replay(monkeypatch):
    stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3})
    c = clusterer(lone_age=2)
    c.absorb(article("f1", 10), "s1")  # absorbed without the call: L (age 3) had its turn elsewhere
    assert c.come_of_age() is None and "s2" in c.stories
    live = clusterer(lone_age=2)
    asked = stub_model(monkeypatch, OnlineClusterer, {("L", "s1"): 0.3})
    assert live.come_of_age() == ("s1", "s2")
    assert len({d for d, _ in asked}) == 1  # one lone article ranked, not every old one


def test_add_merges_the_lone_article_that_comes_of_age(monkeypatch):
    stub_model(monkeypatch, OnlineClusterer, {("a2", "s1"): 0.9, ("L", "s1"): 0.3})
    c = OnlineClusterer(Params(lone_age=2, lone_threshold=0.2, lone_ratio=1.5, merge_threshold=0.99))
    got = [c.add(article(i, n)) for n, i in enumerate(("a1", "a2", "L", "b1"))]
    assert got == ["s1", "s1", "s2", "s3"]  # L misses the 0.35 join bar, then comes of age with b1
    assert c.assignments() == {"a1": "s1", "a2": "s1", "L": "s1", "b1": "s3"}
