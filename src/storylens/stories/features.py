"""Per-article features for story clustering: a dense vector, entity names, title/text terms, a day.

Features are computed once per article (batched through the shared NLP entry
points) and stored with it, so clustering, re-clustering and the batch job never
run the models twice on one article.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from unidecode import unidecode

from storylens.models import Article

# The lede carries the who/what/where of a news story: it is what the embedding and NER see.
LEDE_CHARS = 1200
NER_CHARS = 2000
# The term bag covers title + full text (measured on ECB+ dev: word pairs of the whole text
# tell the two look-alike events of a topic apart better than lede words), capped so a long
# article costs no more than a short one to store and compare.
TEXT_CHARS = 8000
MAX_TERMS = 300
DIM = 384
# NER labels that name the actors and places of an event (dates and numbers are handled by time).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART"})

_WORD = re.compile(r"[a-z0-9]+")
# A four-digit year of the last or this century standing alone ("in 2008", "2008-09", not "$2,008" or "20081").
_YEAR = re.compile(r"(?<![\d$£€.,])(19\d\d|20\d\d)(?!\d|[.,]\d)")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NON_NAME = re.compile(r"[^a-z0-9 ]+")


def _stopwords() -> frozenset[str]:
    return sklearn_stop_words() | {"said", "says", "new", "year", "years", "told", "just", "like"}


def sklearn_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, the list the pair model was trained with, read from their module alone.

    Importing them through the package costs 0.6 s of a cold brief (scikit-learn's import pulls in
    scipy.stats and pandas); the module itself is one frozenset literal.
    """
    spec = importlib.util.find_spec("sklearn")
    folders = spec.submodule_search_locations if spec is not None else None
    if folders:
        path = Path(next(iter(folders))) / "feature_extraction" / "_stop_words.py"
        alone = importlib.util.spec_from_file_location("storylens_sklearn_stop_words", path)
        if path.is_file() and alone is not None and alone.loader is not None:
            module = importlib.util.module_from_spec(alone)
            alone.loader.exec_module(module)
            words = getattr(module, "ENGLISH_STOP_WORDS", None)
            if isinstance(words, frozenset):
                return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_STOP: frozenset[str] | None = None


@dataclass
class DocFeatures:
    """What the clusterer knows about one article."""

    id: str
    vector: np.ndarray  # float32, L2-normalised, DIM
    entities: dict[str, int] = field(default_factory=dict)  # normalised name -> count
    terms: dict[str, int] = field(default_factory=dict)  # title/text word or word pair -> count
    day: int | None = None  # proleptic ordinal of the publication day
    years: list[int] = field(default_factory=list)  # distinct years the text mentions

    @property
    def era(self) -> int | None:
        """The year the article speaks from: its publication year, else the latest year it mentions."""
        if self.day is not None:
            return date.fromordinal(self.day).year
        return max(self.years) if self.years else None

    def to_json(self) -> str:
        """Entities, terms, day and years as JSON (the vector is stored apart as a float16 blob)."""
        return json.dumps({"e": self.entities, "t": self.terms, "d": self.day, "y": self.years},
                          separators=(",", ":"))

    @classmethod
    def from_parts(cls, id: str, blob: bytes, data: str) -> DocFeatures:
        d = json.loads(data)
        vec = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        # Features stored before years were extracted have no "y": no years known.
        return cls(id=id, vector=vec, entities=d["e"], terms=d["t"], day=d["d"], years=d.get("y", []))

    def vector_blob(self) -> bytes:
        return self.vector.astype(np.float16).tobytes()


def normalise_name(name: str) -> str:
    """Fold spelling variants of a name: accents, case, possessives, a leading article."""
    s = unidecode(name).lower().replace("'s", "").replace("\u2019s", "")
    s = _NON_NAME.sub(" ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def name_keys(name: str, label: str) -> list[str]:
    """The keys one mention adds: the full name, and a person's surname (later mentions use it alone)."""
    full = normalise_name(name)
    if not full or len(full) < 2:
        return []
    keys = [full]
    parts = full.split()
    if label == "PERSON" and len(parts) > 1 and len(parts[-1]) > 2:
        keys.append(parts[-1])
    return keys


def terms_of(text: str, limit: int | None = None) -> Counter[str]:
    """Content words and adjacent content-word pairs ("gulf aden", "injured reserve"), most frequent first.

    Pairs carry the specific phrasing of one event; single words alone are shared by
    both look-alike events of a topic.
    """
    global _STOP
    if _STOP is None:
        _STOP = _stopwords()
    words = _WORD.findall(_POSSESSIVE.sub("", unidecode(text).lower()))
    bag = Counter(w for w in words if len(w) > 2 and w not in _STOP and not w.isdigit())
    bag.update(f"{a} {b}" for a, b in itertools.pairwise(words)
               if len(a) > 1 and len(b) > 1 and a not in _STOP and b not in _STOP)
    return Counter(dict(bag.most_common(limit))) if limit else bag


def years_of(text: str, latest: int | None = None) -> list[int]:
    """Distinct years mentioned in the text, ascending; none after `latest` (a dated article's own year)."""
    found = {int(y) for y in _YEAR.findall(text)}
    return sorted(y for y in found if latest is None or y <= latest)


def body_text(article: Article, chars: int = TEXT_CHARS) -> str:
    """Title plus the text (up to `chars`), the input of the term bag."""
    text = article.text or article.raw or ""
    return f"{article.title or ''}\n{text[:chars]}"


def lede_text(article: Article, chars: int = LEDE_CHARS) -> str:
    """Title plus the opening of the text, without repeating a title the text starts with."""
    text = article.text or article.raw or ""
    title = (article.title or "").strip()
    if title and not text.lstrip().startswith(title[:60]):
        return f"{title}.\n{text[:chars]}"
    return text[:chars]


def extract_features(articles: Sequence[Article], batch_size: int = 32) -> list[DocFeatures]:
    """Features for each article, in order, with one batched NER pass and one batched embedding call."""
    from storylens.nlp import annotate, embed

    ledes = [lede_text(a) for a in articles]
    vectors = embed(ledes, batch_size=batch_size) if ledes else np.zeros((0, DIM), np.float32)
    probes = [
        Article(id=str(i), raw="", text=lede_text(a, NER_CHARS)) for i, a in enumerate(articles)
    ]
    _, mentions = annotate(probes)
    names: list[Counter[str]] = [Counter() for _ in articles]
    for m in mentions:
        if m.label in NAME_LABELS:
            names[int(m.source)].update(name_keys(m.text, m.label))
    out = []
    for i, a in enumerate(articles):
        d = a.published_date
        body = body_text(a)
        out.append(
            DocFeatures(
                id=a.id,
                vector=np.asarray(vectors[i], dtype=np.float32),
                entities=dict(names[i]),
                terms=dict(terms_of(body, MAX_TERMS)),
                day=d.toordinal() if d else None,
                years=years_of(body, d.year if d else None),
            )
        )
    return out
