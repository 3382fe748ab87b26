"""Finding mentions NER missed: known names searched in the text, and "Long Name (ACR)" definitions.

The text is cut into runs of capitalised words; every sub-run is looked up by its
name key, longest first, so spelling variants of a known name are found too
("Pyon Sol-hwa" when "Pyon Sol Hwa" is known) and a lone surname is found when the
article names that person in full.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storylens.entities.normalize import PARTICLES, POSSESSIVE, initials, is_title, name_key, tokens_match
from storylens.entities.spans import (
    Covered,
    Span,
    clock_zone,
    in_party_tag,
    is_stopword,
    office_or_award,
    opening_adverb,
)

Key = tuple[str, ...]
MAX_RUN = 6

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int  # without a possessive ending
    text: str


def capitalised_runs(text: str) -> list[list[Word]]:
    """Runs of capitalised words separated by single spaces; lower-case particles may sit inside
    ("Bashar al-Assad"). A possessive ends a run; hashtags and handles are skipped."""
    runs: list[list[Word]] = []
    run: list[Word] = []
    prev_end: int | None = None

    def flush() -> None:
        nonlocal run, prev_end
        while run and not run[-1].text[0].isupper():
            run.pop()
        if run:
            runs.append(run)
        run, prev_end = [], None

    for m in _WORD.finditer(text):
        start = m.start()
        joined = prev_end is not None and text[prev_end:start] == " "
        # a word holding a digit is no name word ("US1" of "$US1 million" is not "US")
        hashtag = start > 0 and text[start - 1] in "#@" or any(c.isdigit() for c in m.group(0))
        # Most words are lower case; of those only a particle inside a name continues a run.
        particle = joined and m.group(0).split("-")[0].lower() in PARTICLES
        if hashtag or not (text[start].isupper() or particle):
            flush()
            continue
        raw = m.group(0).rstrip("-’'")
        pm = POSSESSIVE.search(raw)
        possessive = pm is not None and pm.start() > 0
        end = start + (pm.start() if possessive else len(raw))
        if not joined:
            flush()
        run.append(Word(start, end, text[start:end]))
        prev_end = start + len(raw)
        if possessive:
            flush()
    flush()
    return runs


def scan_article(
    source: str,
    text: str,
    covered: list[tuple[int, int]],
    index: dict[Key, Key],
    lower_words: set[str],
    caps_keys: set[Key],
) -> list[tuple[Span, Key]]:
    """New spans for known names in the uncovered parts of one article's text.

    A lone word is only taken when it is never used as an ordinary lower-case word
    in the story ("Navy" / "navy") and is not a function or calendar word (an
    all-caps word only when the story writes that name in capitals); a lone
    word that is not sentence-initial may also match a known one-word name up to a
    one-letter slip ("Shoyugin" / "Shoyguin").
    """
    singles: dict[str, list[Key]] = {}
    for key in index:
        if len(key) == 1:
            singles.setdefault(key[0][:1], []).append(key)
    taken = Covered(covered)
    found: list[tuple[Span, Key]] = []
    for run in capitalised_runs(text):
        i = 0
        while i < len(run):
            hit = _longest_match(run, i, text, taken, index, lower_words, caps_keys, singles)
            if hit is None:
                i += 1
                continue
            n, root = hit
            a, b = run[i].start, run[i + n - 1].end
            if not (in_party_tag(text, a, b) or clock_zone(text, a, b) or opening_adverb(text, a, b)
                    or office_or_award(text, a, b)):
                found.append((Span(source, a, b, text[a:b], "", Counter()), root))
            i += n
    return found


def _longest_match(
    run: list[Word],
    i: int,
    text: str,
    covered: Covered,
    index: dict[Key, Key],
    lower_words: set[str],
    caps_keys: set[Key],
    singles: dict[str, list[Key]],
) -> tuple[int, Key] | None:
    for n in range(min(MAX_RUN, len(run) - i), 0, -1):
        words = run[i : i + n]
        if not words[-1].text[0].isupper():
            continue
        a, b = words[0].start, words[-1].end
        if covered.overlaps(a, b):
            continue
        key = name_key(text[a:b])
        if not key:
            continue
        if n == 1:
            w = words[0].text
            if is_stopword(w) or len(w) < 2:
                return None
            # An all-caps word is an acronym or a shouted heading: it matches only a
            # name the story itself writes in capitals ("US", not "ON" for "...Un").
            if w.isupper() and key not in caps_keys or not w.isupper() and w.lower() in lower_words:
                return None
            if any(not _bystander(x.text) for x in run[max(0, i - 1) : i] + run[i + 1 : i + 2]):
                return None  # part of an unknown longer name ("Ri" of an unknown "Ri Ok Sun")
            if key in index:
                return 1, index[key]
            if len(key[0]) < 6:
                return None
            roots = {index[k] for k in singles.get(key[0][:1], []) if tokens_match(k[0], key[0])}
            return (1, roots.pop()) if len(roots) == 1 else None
        if key in index:
            return n, index[key]
    return None


def _bystander(word: str) -> bool:
    """A capitalised word that may sit next to a name without being part of it."""
    return is_title(word) or is_stopword(word)


def acronym_definitions(source: str, text: str, covered: list[tuple[int, int]]) -> list[Span]:
    """Spans for "Joint Maritime Council (JMC)": the long name and its acronym, as ORG votes."""
    spans: list[Span] = []
    taken = Covered(covered)
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        window_start = max(0, m.start() - 120)
        words = list(_WORD.finditer(text, window_start, m.start()))
        for k in range(2, min(len(words), 9) + 1):
            first, last = words[-k], words[-1]
            if not first.group(0)[0].isupper() or not last.group(0)[0].isupper():
                continue
            if text[last.end() : m.start()].strip():
                break  # something other than space between the name and "("
            phrase = text[first.start() : last.end()]
            if "\n" in phrase or acr not in initials(phrase):
                continue
            a, b = first.start(), last.end()
            if not taken.overlaps(a, b):
                spans.append(Span(source, a, b, phrase, "ORG", Counter({"ORG": 1})))
            if not taken.overlaps(m.start(1), m.end(1)):
                spans.append(Span(source, m.start(1), m.end(1), acr, "ORG", Counter({"ORG": 1})))
            break
    return spans


def lower_case_words(texts: Iterable[str]) -> set[str]:
    """Every word that appears in lower case somewhere: such words are common nouns too."""
    return {w for t in texts for w in re.findall(r"(?<![\w’'])[a-z][a-z\-]*", t)}
