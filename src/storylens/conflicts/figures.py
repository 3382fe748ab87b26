"""Two different figures that are two facts, not two answers to one question.

* a source that gives both figures for the same counted or measured thing (a running total
  and a new count, a before and an after), one of them perhaps in round numbers ("more than $18
  billion last year" and "now more than $3 billion" against another's "$3.2 billion"), is not
  disputing either of them;
* figures an order of magnitude apart are different quantities (a part and the whole, a rate
  and a total); disputed figures in news copy differ by a factor of a few at most;
* a figure counted on top of or beside others ("12 more victims", "another 3,000 jobs", "1 million
  doses each") and a plain figure are an increment (or a share) and a total, not two answers to one
  question; nor are the value a change started from ("down from his initial $2.3 trillion", "the
  original $2.25 trillion plan") and a current figure;
* a projection ("one in 10 will be diagnosed by 2030") and a figure stated for the present or the
  past ("one in seven is") answer two questions;
* so do two durations counted from different events ("eight months after first authorizing the
  vaccine" / "four months after Pfizer completed its application");
* so do counts of two kinds of one thing, each named by a noun modifier ("two robbery charges" /
  "three charges of disobeying a court order");
* so do a figure of a negated statement and one of an affirmed one ("two board members did not sign
  the statement" / "six board members issued it"): they count the two parts of one group;
* so do figures stated for different periods ("0.9 percent in the past month" / "4.5% in the past year",
  "412,000 last week" / "375,000 the week before", "in June" / "in July");
* so do an end of a range ("sentences of between six and 75 years") and a single figure;
* so do a count per game, day or year, or an average ("averaged 7.2 rebounds", "20 points a game"),
  and a count of one game or day ("had seven rebounds");
* so do two figures one sentence states both of, whatever it says each counts ("deadlocked at 9-3, with
  nine in favor of the death penalty and three voting for life" / "among the nine voting"): a source does
  not dispute itself;
* so do an expected, aimed-at or required figure ("the 0.2 percent economists had expected", "the 10
  Republican votes needed") and a stated actual one ("prices rose 0.8 percent", "35 senators voted no").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from storylens.conflicts.numbers import find_numbers, parse_word_number
from storylens.conflicts.values import Value
from storylens.models import Story

MAX_RATIO = 10.0


@dataclass
class Stated:
    """Who states what figure: the sources behind each value, and every figure each sentence holds."""

    sources: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)  # (sentence, value start) -> ...
    rounded: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)  # ... that state it as a bound
    figures: dict[int, frozenset[tuple[str, float]]] = field(default_factory=dict)  # sentence -> (dimension, base)
    # sentence -> the counts of a group's rest it names ("the remaining three", "the other two"), and its source
    rests: dict[int, frozenset[float]] = field(default_factory=dict)
    source_of: dict[int, str] = field(default_factory=dict)

    def splits(self, sentence: int, v: Value) -> bool:
        """Whether the sentence, or one of the next two of its source, names v's figure as the rest of a group:
        "INS Sukanya detected five suspicious boats ... While two of them managed to escape, INS Sukanya
        intercepted the remaining three" tells of five boats and of three, and disputes no source's three."""
        n = v.number
        if n is None or v.kind != "count":
            return False
        src = self.source_of.get(sentence)
        return any(n.base in self.rests.get(k, ()) and self.source_of.get(k) == src
                   for k in range(sentence, sentence + 3))

    def is_rest(self, sentence: int, v: Value) -> bool:
        """Whether v counts the rest of a group its sentence has split ("the other nine jurors")."""
        return v.kind == "count" and v.number is not None and v.number.base in self.rests.get(sentence, ())

    def holds(self, sentence: int, v: Value) -> bool:
        """Whether the sentence states v's very figure anywhere, as a value or a bare number ("9-3", "nine")."""
        n = v.number
        return n is not None and n.bound == "exact" and any(
            dim == n.dimension and math.isclose(base, n.base, rel_tol=0.02) for dim, base in
            self.figures.get(sentence, ()))


def same_figure(v: Value, w: Value) -> bool:
    """Both state this very figure (a bound or an estimate that merely allows it does not)."""
    if v.number is None or w.number is None:
        return False
    return v.number.bound == w.number.bound and math.isclose(v.number.base, w.number.base, rel_tol=0.02)


# A floor this close under a figure, or an estimate this close to it, states it in round numbers: "more than $3
# billion" for the "$3.2 billion" another source gives. (A cap is no such statement: "up to $18.7 billion" in
# fines says nothing of a "$13 billion" loss.)
ROUNDED = 0.2


def rounds(w: Value, v: Value) -> bool:
    """w is a floor or an estimate that states v's exact figure in round numbers ("more than $3 billion" /
    "$3.2 billion")."""
    x, y = w.number, v.number
    if x is None or y is None or y.bound != "exact" or x.base <= 0:
        return False
    if x.bound == "at_least":
        return x.base <= y.base <= (1 + ROUNDED) * x.base
    if x.bound == "about":
        return abs(y.base - x.base) <= ROUNDED / 2 * x.base
    return False


def figure_sources(story: Story, values: dict[int, list[Value]]) -> Stated:
    """For every figure, the sources that state it for the same counted noun (or the same kind of quantity),
    exactly or as a bound in round numbers."""
    buckets: dict[tuple[str, str, str], list[tuple[int, Value, str]]] = defaultdict(list)
    for i, vs in values.items():
        source = story.sentences[i].source
        for v in vs:
            if v.number is not None:
                buckets[(v.kind, v.dimension, v.anchor.rstrip("s") if v.kind == "count" else "")].append((i, v, source))
    out = Stated()
    for occ in buckets.values():
        for i, v, source in occ:
            out.sources[(i, v.start)] = frozenset({s for _, w, s in occ if same_figure(v, w)} | {source})
            out.rounded[(i, v.start)] = frozenset({s for _, w, s in occ if rounds(w, v)})
    for i, vs in values.items():
        if any(v.number is not None for v in vs):
            out.figures[i] = frozenset((n.dimension, n.base) for n in find_numbers(story.sentences[i].text)
                                       if n.bound == "exact")
    for s in story.sentences:
        rests = frozenset(b for m in _REST.finditer(s.text) if (b := parse_word_number(m[1])) is not None)
        if rests:
            out.rests[s.index] = rests
        out.source_of[s.index] = s.source
    return out


# The rest of a group, after a part of it was told: "the remaining three", "the other two".
_REST = re.compile(r"\b(?:remaining|other)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
                   re.IGNORECASE)


# What happened to the people a disaster's or an attack's figures count: the dead, the hurt, the missing, the
# displaced and the held are counted apart, and a count of one is no dispute with a count of another.
_HARMS = {
    "dead": frozenset({"die", "dead", "death", "kill", "fatality", "perish", "drown", "toll", "body", "corpse"}),
    "hurt": frozenset({"injure", "injured", "injury", "wound", "wounded", "hurt", "hospitalize", "hospitalise",
                       "hospitalized", "hospitalised", "treat", "treatment"}),
    "missing": frozenset({"missing", "unaccounted"}),
    "displaced": frozenset({"evacuate", "displace", "displaced", "homeless", "flee", "shelter", "evacuee"}),
    "held": frozenset({"arrest", "detain", "hostage", "kidnap", "abduct", "jail", "custody"}),
}


def _harm(value: Value) -> frozenset[str]:
    # (the signature holds the governing verb's lemma too: `values._slot`)
    return frozenset(kind for kind, cues in _HARMS.items() if value.signature & cues)


def two_facts(a: tuple[int, Value], b: tuple[int, Value], stated: Stated) -> bool:
    """True when figures `a` and `b` (sentence, value) are two facts rather than a dispute."""
    x, y = a[1].number, b[1].number
    if x is None or y is None:
        return False
    if min(x.base, y.base) > 0 and max(x.base, y.base) >= MAX_RATIO * min(x.base, y.base):
        return True
    if a[1].relative != b[1].relative or a[1].earlier != b[1].earlier:
        return True
    if {a[1].future, b[1].future} == {True, False} or a[1].wanted != b[1].wanted:
        return True
    if a[1].qualifier and b[1].qualifier and not a[1].qualifier & b[1].qualifier:
        return True  # "two robbery charges" / "three charges of disobeying a court order": two kinds of charge
    if a[1].period and b[1].period and a[1].period != b[1].period:
        return True  # "rose 0.9 percent in the past month" / "4.5% in the past year", "last week" / "the week before"
    if a[1].ranged != b[1].ranged:
        return True  # "sentences of between six and 75 years" / "at least 45 years": a range's end is no single figure
    if a[1].rate != b[1].rate:
        return True  # "averaged 7.2 rebounds" / "had seven rebounds": a per-game figure and one game's
    if a[1].adjusted != b[1].adjusted:
        return True  # core CPI / CPI: two measures
    harm_a, harm_b = _harm(a[1]), _harm(b[1])
    if len(harm_a) == 1 and len(harm_b) == 1 and harm_a != harm_b:
        return True  # "At least four people died" / "eight people had suffered from serious injury" (QA round 28)
    if a[1].negated != b[1].negated:
        return True  # "two board members did not sign" / "six members signed": the two parts of a group
    if a[1].since and b[1].since and a[1].since != b[1].since:
        return True
    if a[1].record != b[1].record:
        return True  # "the bloodiest escalation in four years" / "two years of Arab revolution" (QA round 20)
    if stated.is_rest(*a) != stated.is_rest(*b):
        return True  # "the other nine jurors" / "Eight of the jurors were black": what is left of a group is no total
    if stated.holds(a[0], b[1]) or stated.holds(b[0], a[1]):
        return True
    if stated.splits(a[0], b[1]) or stated.splits(b[0], a[1]):
        return True
    exact_a, exact_b = (stated.sources.get((x[0], x[1].start), frozenset()) for x in (a, b))
    rounded_a, rounded_b = (stated.rounded.get((x[0], x[1].start), frozenset()) for x in (a, b))
    # a source giving one figure and the other in round numbers gives both; one whose bound merely admits
    # both ("at least 30" beside 35 and 40) gives neither
    return bool(exact_a & exact_b or exact_a & rounded_b or rounded_a & exact_b)
