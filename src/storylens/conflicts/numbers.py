"""Numbers as news text writes them: digits or words, scale words, currencies, units and bounds.

`find_numbers(text)` returns every number in a sentence with the interval of values
it allows: "about 60 kilometers per hour" is 54-66 km/h, "at least twenty" is
[20, inf), "37 mph" is 37 mph give or take rounding. Units are read with pint, so any
unit pint knows is understood and converted; money and percentages are handled here
because pint has no currencies. Years, clock times and ordinals are not numbers.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
_CURRENCIES = {"$": "USD", "us$": "USD", "$us": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD",
               "au$": "AUD", "$a": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
                   "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "won": "KRW"}

_WORD_NUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if k not in ("zero", "dozen"))
             + r"))?|" + "|".join(_UNITS) + r")")
_NUMBER = re.compile(
    # "$US1 million", "A$3 million", "C$2 billion": the dollar of a named country
    r"(?P<cur>\$US|\$A(?=\d)|\b(?:US|AU|A|CA|C|NZ|HK|S)\$|\$|€|£|¥)?\s?"
    # ("10, 000" / "1, 500": text with a space after every comma, as ECB+ writes it; a group after ", " is a
    # thousands group only when it opens with 0: "12, 100 people" may be a list)
    r"(?P<num>\d{1,3}(?:,\d{3}|, 0\d{2})+(?:\.\d+)?|\d+(?:\.\d+)?|\b" + _WORD_NUM + r"\b)"
    r"(?P<scale>(?:[\s-](?:hundred|thousand|million|billion|trillion|dozen)\b)|(?:\s?(?:bn|mn|m|k)\b))?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent)\b)?",
    re.IGNORECASE,
)
# Words before a number that turn it into a bound or an estimate (English news usage).
# ("north of 50 percent" / "south of $10": the markets' and polls' idiom for above / below)
_LOWER = re.compile(r"\b(?:at least|more than|over|upwards of|no fewer than|no less than|in excess of|"
                    r"exceeding|above|north of)\s*$", re.IGNORECASE)
# ("within six months": a deadline, at most six months; "as many as 50 people", "as much as $180 million": the
# top of an estimate, up to that figure)
_UPPER = re.compile(r"\b(?:at most|up to|less than|fewer than|under|no more than|below|not exceeding|south of|"
                    r"within|as many as|as much as)\s*$", re.IGNORECASE)
_NEGATED_UPPER = re.compile(r"\b(?:no|not) (?:more|greater|higher) than\s*$", re.IGNORECASE)
_NEGATED_LOWER = re.compile(r"\b(?:no|not) (?:less|fewer|lower) than\s*$", re.IGNORECASE)
_NEARLY = re.compile(r"\b(?:nearly|almost|just under|close to|just shy of)\s*$", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:about|approximately|approx\.|around|roughly|some|an estimated|estimated|"
                    r"circa|c\.|an? average of|on average)\s*$", re.IGNORECASE)
# Characters of context read on each side of a number: far more than any bound ("no fewer than")
# or unit ("kilometres per hour") needs.
_WINDOW = 100
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
# ("6:40 a.m.", also as some feeds space it: "6: 40 a. m.")
_TIME_AROUND = re.compile(r"^\s*(?::\s?\d|[ap]\.?\s?m\b)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z/.\-]*")
_NOT_UNITS = frozenset({
    "in", "at", "a", "an", "to", "of", "by", "on", "per", "or", "and", "as", "the", "is", "it", "for", "from",
    "was", "are", "be", "that", "this", "with", "g", "s", "t", "h", "b", "c", "e", "d", "l", "p", "am", "pm",
    "point", "points", "bit", "bits", "byte", "bytes", "count", "counts", "cup", "cups", "gal", "mol", "dB",
    "stone", "cycle", "turn", "turns", "percent", "pi", "u", "x", "but", "were", "will", "had", "has",
})
APPROX_TOLERANCE = 0.10  # "about 60" allows 54..66
EXACT_TOLERANCE = 0.02  # exact figures after unit conversion still carry rounding ("37 mph (59 km/h)")


@dataclass(frozen=True, slots=True)
class Number:
    """One number found in a sentence. Offsets are into the sentence text."""

    start: int
    end: int  # end of the number with its unit/currency/percent sign
    num_end: int  # end of the numeric part (before any unit word)
    value: float  # in `unit` (money: currency units, percent: percent)
    unit: str  # "USD", "%", a pint unit string, or "" for a bare count
    dimension: str  # "money:USD", "percent", a pint dimensionality, or "count"
    base: float  # value in the dimension's base unit (comparable across units)
    low: float  # interval of base values the wording allows
    high: float
    bound: str  # "exact", "about", "at_least", "at_most", "nearly"
    surface: str  # the text as written, including the bound words

    @property
    def is_bound(self) -> bool:
        return self.bound in ("at_least", "at_most")


@functools.cache
def unit_registry() -> Any:
    """A process-wide pint registry (building one takes ~0.5 s) with a few news spellings added."""
    import pint

    ureg = pint.UnitRegistry()
    ureg.define("kph = kilometer / hour")
    ureg.define("kmh = kilometer / hour")
    return ureg


def parse_word_number(text: str) -> float | None:
    """'ninety' -> 90, 'twenty-five' -> 25, '1,200.5' -> 1200.5; None if it is not a number."""
    t = text.lower().replace(",", "").strip()
    if t[:1].isdigit():
        t = t.replace(" ", "")  # "10, 000"
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[- ]", t)
    total = 0.0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        else:
            return None
    return total


def _unit_after(rest: str) -> tuple[str, str, int] | None:
    """The longest unit pint understands at the start of `rest`: (unit, dimensionality, chars used)."""
    words = list(_WORD.finditer(rest[:60]))
    if not words or words[0].start() > 1:
        return None
    ureg = unit_registry()
    best = None
    for n in range(min(4, len(words)), 0, -1):
        chunk = rest[words[0].start(): words[n - 1].end()].rstrip(".")
        first = words[0].group(0).lower().rstrip(".")
        if first in _NOT_UNITS or chunk.split()[-1].lower() in ("per", "a", "an", "of"):
            continue
        if n > 1 and not re.search(r"\bper\b|/", chunk):
            continue  # only "X per Y" spans several words; "miles of road" is "miles"
        try:
            units = ureg.parse_units(chunk)
        except Exception:  # noqa: BLE001, S112 - pint raises many error types for non-units
            continue
        dim = str(units.dimensionality)
        if dim == "dimensionless" and "degree" not in str(units):
            continue
        best = (str(units), dim, words[0].start() + len(chunk))
        break
    return best


def _bound(before: str) -> str:
    # "no more than" ends like "more than" and "no less than" like "less than": the negated forms first
    if _NEGATED_UPPER.search(before):
        return "at_most"
    if _NEGATED_LOWER.search(before):
        return "at_least"
    if _LOWER.search(before):
        return "at_least"
    if _UPPER.search(before):
        return "at_most"
    if _NEARLY.search(before):
        return "nearly"
    if _ABOUT.search(before):
        return "about"
    return "exact"


def _bound_start(before: str, bound: str) -> int:
    """Where the bound words start in `before` (so the surface form quotes them)."""
    if bound == "exact":
        return len(before)
    patterns = {"at_least": (_NEGATED_LOWER, _LOWER), "at_most": (_NEGATED_UPPER, _UPPER), "nearly": (_NEARLY,),
                "about": (_ABOUT,)}[bound]
    m = next((m for p in patterns if (m := p.search(before))), None)
    return m.start() if m else len(before)


def rounding(raw: str) -> float:
    """A quarter of the last written digit's place, relative to the number: figures are rounded to half of that
    place at the coarsest ("roughly $1 trillion" for 1.2 trillion, 0.25; but not "about 20 miles" for 26: 0.125, 17.5
    to 22.5); "about 60" 0.042, "about 2.5" 0.01; 0 for a number in words."""
    digits = raw.replace(",", "")
    if not digits.replace(".", "", 1).isdigit() or float(digits) == 0:
        return 0.0
    if "." in digits:
        place = 10.0 ** -len(digits.split(".")[1])
    else:
        place = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return 0.25 * place / float(digits)


MAX_ROUNDING = 0.25  # "about 1 million" allows 0.75 to 1.25 million, not half as much again


def interval(base: float, bound: str, converted: bool, rounded: float = 0.0) -> tuple[float, float]:
    """The values a number allows, given how it was worded (`rounded`: the relative rounding of its digits, which
    an "about" may stretch to: "roughly $1 trillion" / "$1.2 trillion" disputed nothing in a QA brief)."""
    tol = max(APPROX_TOLERANCE, min(MAX_ROUNDING, rounded)) if bound in ("about",) else (
        EXACT_TOLERANCE if converted else 0.0)
    if bound == "at_least":
        return base, math.inf
    if bound == "at_most":
        return 0.0, base
    if bound == "nearly":
        return base * (1 - 2 * APPROX_TOLERANCE), base
    return base * (1 - tol), base * (1 + tol)


# Capitals right before a number name a model or a route ("AK 47", "F 16", "I 95"), as "AK-47" does.
_DESIGNATOR = re.compile(r"(?<![\w.,'’-])[A-Z]{1,3} $")


def find_numbers(text: str) -> list[Number]:
    """Every number in `text` with its unit, dimension, bound and interval."""
    return list(_find_numbers(text))


@functools.lru_cache(maxsize=20_000)
def _find_numbers(text: str) -> tuple[Number, ...]:
    # cached: the value reader and the figure check (`figures.Stated`) both read a sentence's numbers
    out: list[Number] = []
    ureg = unit_registry()
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        # Every check needs only a few words either side: windows keep a long "sentence" (a table
        # flattened into one line) linear instead of re-scanning the whole prefix per number.
        after = text[m.end(): m.end() + _WINDOW]
        before = text[max(0, m.start() - _WINDOW): m.start()]
        if _ORDINAL_AFTER.match(text[m.end("num"):]) or _TIME_AROUND.match(text[m.end("num"):]):
            continue
        if re.search(r"[:/\d]$", before) or re.match(r"^[:/]\d", after):
            continue  # clock times, fractions, parts of dates or scores
        if re.search(r"(?:[A-Za-z]|\d)-$", before) or re.match(r"^-(?:to-)?\d", after):
            continue  # part of a name (COVID-19, F-16) or a vote tally / score (54-35, 220-to-190)
        if raw[0].isdigit() and not m.group("cur") and re.search(r"[A-Za-z]$", text[max(0, m.start("num") - 1): m.start("num")]):
            continue  # glued to letters: a name or a code (G7, H1N1, MP3), not a figure
        if raw[0].isdigit() and not m.group("cur") and _DESIGNATOR.search(text, max(0, m.start("num") - 5), m.start("num")):
            continue  # a model's designator written apart ("12 AK 47 guns" read as 47 of something; QA round 14)
        value = parse_word_number(raw)
        if value is None:
            continue
        cur = (m.group("cur") or "").lower()
        scale_word = (m.group("scale") or "").strip(" -").lower()
        if raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100 and not cur and not scale_word:
            continue  # a year
        if raw.lower() == "one" and not cur:
            continue  # "one of the ...": almost never a disputed quantity
        value *= _SCALES.get(scale_word, 1)
        end = m.end()
        if cur:
            unit, dim = _CURRENCIES[cur], "money:" + _CURRENCIES[cur]
        elif m.group("pct"):
            unit, dim = "%", "percent"
        else:
            unit, dim = "", "count"
            word = re.match(r"\s+([A-Za-z]+)", after)
            if word and word.group(1).lower() in _CURRENCY_WORDS:
                code = _CURRENCY_WORDS[word.group(1).lower()]
                unit, dim, end = code, "money:" + code, m.end() + word.end()
            elif (u := _unit_after(after)) is not None:
                unit, dim, used = u
                end = m.end() + used
        base, converted = value, False
        if dim not in ("count", "percent") and not dim.startswith("money:"):
            q = ureg.Quantity(value, unit).to_base_units()
            base, converted = float(q.magnitude), True
        first = m.start("cur") if m.group("cur") else m.start("num")
        window = text[max(0, first - _WINDOW): first]
        lead = window
        if raw.lower() == "dozen":
            lead = re.sub(r"\ba\s+$", "", lead, flags=re.IGNORECASE)  # "more than a dozen": the bound reads past "a"
        bound = _bound(lead)
        start = first - len(window) + _bound_start(lead, bound) if bound != "exact" else first
        low, high = interval(base, bound, converted, rounding(raw))
        out.append(Number(start, end, m.end(), value, unit, dim, base, low, high, bound, text[start:end]))
    return tuple(_drop_conversions(text, out))


# Both ends of a range: "between six and 75 years", "ranging from 7 to 75 years" (a bare "from X to Y" is as
# often a change: "rose from $5 million to $7 million").
_RANGE = re.compile(r"\b(?:between|rang(?:e|es|ed|ing)\s+from)\s+(?:\$|€|£)?(?:\d[\d,.]*|" + _WORD_NUM + r")(?:\s+[a-z]+)?\s+(?:and|to)\s+"
                    r"(?:\$|€|£)?(?:\d[\d,.]*|" + _WORD_NUM + r")\b(?:\s+(?:thousand|million|billion|trillion)\b)?",
                    re.IGNORECASE)  # ("between $70.5 billion and $72.5 billion": QA round 38 disputed its end)


def range_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the ranges in `text`: a figure inside one is an end of it, not a value of its own."""
    return [m.span() for m in _RANGE.finditer(text)]


def _drop_conversions(text: str, numbers: list[Number]) -> list[Number]:
    """'37 mph (59 km/h)', '£10m ($13m)', '$US1 million ($1.52 million)': the bracketed figure restates the
    first one in another unit or currency (a currency conversion follows no fixed rate), keep one value."""
    kept: list[Number] = []
    for n in numbers:
        prev = kept[-1] if kept else None
        money = prev is not None and prev.dimension.startswith("money:") and n.dimension.startswith("money:")
        if (prev is not None and (prev.dimension == n.dimension or money) and prev.dimension != "count"
                and re.fullmatch(r"\s*[(\[]\s*", text[prev.end:n.start])):
            continue
        kept.append(n)
    return kept


def compatible(a: Number, b: Number) -> bool:
    """True when some value satisfies both wordings (same dimension assumed)."""
    return a.low <= b.high and b.low <= a.high


def display(n: Number) -> str:
    """A normalised form for the reader: '60 km/h', '$150', '63%', '20+ cars'."""
    ureg = unit_registry()
    if n.dimension == "percent":
        core = f"{n.value:g}%"
    elif n.dimension.startswith("money:"):
        big = next(((w, f) for w, f in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)) if n.value >= f), None)
        core = f"{n.value / big[1]:g} {big[0]} {n.unit}" if big else f"{n.value:,.6g} {n.unit}"
    elif n.dimension == "count":
        core = f"{n.value:g}"
    else:
        q = ureg.Quantity(n.value, n.unit)
        if n.dimension == "[length] / [time]":
            q = q.to("kilometer / hour")
        short = f"{q.units:~P}"
        core = f"{q.magnitude:.4g} {short if len(short) > 1 else q.units}"
    prefix = {"at_least": "≥ ", "at_most": "≤ ", "about": "~", "nearly": "< ~", "exact": ""}[n.bound]
    return prefix + core
