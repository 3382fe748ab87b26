"""The parse worker: a second spaCy process whose answers equal this process's own parses."""

from __future__ import annotations

import importlib
import time

import pytest

from storylens.models import Article
from storylens.nlp import annotate, annotate_and_embed, spacy_pipeline

annotate_mod = importlib.import_module("storylens.nlp.annotate")
both_mod = importlib.import_module("storylens.nlp.both")
worker_mod = importlib.import_module("storylens.nlp.worker")

pytestmark = pytest.mark.slow

PARAGRAPHS = [
    "Heavy rain hit Valencia on Tuesday. Mayor Maria Lopez said 12 people were rescued.",
    "The Spanish Red Cross sent 40 volunteers to the town of Paiporta on Wednesday.",
    "Officials in Madrid said the damage would cost at least 2 billion euros.",
]


def _ready(worker: worker_mod.ParseWorker) -> worker_mod.ParseWorker:
    deadline = time.monotonic() + 120
    while not worker.ready():
        assert not worker.failed and time.monotonic() < deadline, "parse worker did not start"
        time.sleep(0.1)
    return worker


def _token_view(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.fixture
def fresh_worker(monkeypatch):
    monkeypatch.setenv("STORYLENS_NLP_WORKER", "1")
    monkeypatch.setattr(worker_mod, "_WORKER", None)
    worker = worker_mod.parse_worker()
    assert worker is not None
    yield _ready(worker)
    worker.close()


def test_worker_answers_equal_local_parses(fresh_worker):
    assert fresh_worker.send("paragraphs", PARAGRAPHS)
    assert not fresh_worker.send("paragraphs", PARAGRAPHS)  # one request in flight at a time
    assert fresh_worker.ready()
    assert fresh_worker.receive() == annotate_mod.parse_paragraphs(PARAGRAPHS)

    from spacy.tokens import DocBin

    assert fresh_worker.send("docs", (PARAGRAPHS, []))
    theirs = list(DocBin().from_bytes(fresh_worker.receive()).get_docs(spacy_pipeline().vocab))
    ours = list(spacy_pipeline().pipe(PARAGRAPHS))
    assert [_token_view(d) for d in theirs] == [_token_view(d) for d in ours]
    assert [[(e.text, e.label_) for e in d.ents] for d in theirs] == [[(e.text, e.label_) for e in d.ents] for d in ours]


def test_annotate_and_embed_with_the_worker_gives_the_same_sentences(fresh_worker, monkeypatch):
    monkeypatch.setattr(both_mod, "PART_SENTENCES", 1)  # one article per part: the worker takes every other
    arts = [Article(id=f"a{k}", raw="", text="\n\n".join(f"{p} Report {k}." for p in PARAGRAPHS))
            for k in range(6)]
    sent_to_worker: list[int] = []
    send = worker_mod.ParseWorker.send
    monkeypatch.setattr(worker_mod.ParseWorker, "send",
                        lambda self, op, texts: sent_to_worker.append(len(texts)) or send(self, op, texts))
    annotate_mod._CACHE.clear()
    sents, ments, vecs = annotate_and_embed(arts)
    assert sent_to_worker == [3, 3, 3]  # three of the six articles went to the worker
    annotate_mod._CACHE.clear()
    assert (sents, ments) == annotate(arts)
    assert vecs.shape == (len(sents), 384)


def test_a_dead_worker_changes_nothing_but_speed(fresh_worker, monkeypatch):
    monkeypatch.setattr(both_mod, "PART_SENTENCES", 1)
    arts = [Article(id=f"b{k}", raw="", text="\n\n".join(f"{p} Update {k}." for p in PARAGRAPHS))
            for k in range(4)]
    fresh_worker._proc.kill()
    fresh_worker._proc.wait()
    annotate_mod._CACHE.clear()
    sents, ments, _ = annotate_and_embed(arts)
    assert fresh_worker.failed
    assert worker_mod.parse_worker() is None  # not restarted over and over
    annotate_mod._CACHE.clear()
    assert (sents, ments) == annotate(arts)
    docs = annotate_mod.full_parses(PARAGRAPHS * 20)  # enough to ask the worker, which is gone
    assert [_token_view(d) for d in docs[:3]] == [_token_view(d) for d in spacy_pipeline().pipe(PARAGRAPHS)]


def test_small_stories_start_no_worker(monkeypatch):
    monkeypatch.setenv("STORYLENS_NLP_WORKER", "1")
    monkeypatch.setattr(worker_mod, "_WORKER", None)
    arts = [Article(id=f"c{k}", raw="", text="\n\n".join(f"{p} Note {k}." for p in PARAGRAPHS)) for k in range(3)]
    annotate_and_embed(arts)
    annotate_mod.full_parses([f"{p} Line {k}." for k in range(30) for p in PARAGRAPHS])
    assert worker_mod._WORKER is None


def test_the_worker_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(worker_mod, "_WORKER", None)
    monkeypatch.setenv("STORYLENS_NLP_WORKER", "0")
    assert worker_mod.parse_worker() is None
