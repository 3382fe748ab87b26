"""Splitting raw article text into units (paragraph lines) that the boilerplate filter labels.

A unit is one line of the text, or several lines of one hard-wrapped paragraph
joined back together. Each keeps its verbatim form (`raw`) so that whatever the
filter cuts can be shown to the user exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_BLANK = re.compile(r"\n[ \t\u00a0\u200b]*\n")
_BULLET = re.compile(r"^\s*(?:[•·▪►▸‣◦*–—-]|\d{1,2}[.)])\s+")
# Sentence-final marks of the scripts we meet in news (Latin, CJK full stops, Arabic, Devanagari),
# and the closing quotes/brackets that may follow them.
FINAL_MARKS = ".!?…。！？．؟।"
CLOSERS = "\"”’'»)]」』）"
_TERMINAL = re.compile(f"[{re.escape(FINAL_MARKS)}:][{re.escape(CLOSERS)}]*$")
_TAG_END = re.compile(r"\[[^\[\]]{1,40}\]\s*$")
_INVISIBLE = str.maketrans({"\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u00ad": None})

# Hard-wrapped text (e-mail, plain-text archives) has every line of a paragraph close to
# a fixed width of at most ~100 characters; scraped pages have one line per paragraph.
WRAP_MAX_WIDTH = 100
WRAP_MIN_FILL = 0.6


@dataclass
class Unit:
    """One line-level piece of an article, with the label the filter gives it."""

    raw: str  # verbatim text (wrapped lines keep their newlines)
    text: str  # the same on one line, stripped: what rules look at and what is kept
    block: int  # index of the blank-line separated block it came from
    label: str = ""  # body, title, byline, date, credit, chrome, notice, heading, caption, teaser
    reason: str = ""


def normalise_newlines(text: str) -> str:
    """Unix newlines, without zero-width characters and soft hyphens (they break word matching)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)


def is_terminal(text: str) -> bool:
    """True when the text ends like a sentence (. ! ? … 。 or :, possibly followed by closing quotes)."""
    return bool(_TERMINAL.search(text.rstrip()))


def split_units(text: str) -> list[Unit]:
    """The text's units in order: blocks split on blank lines, lines unwrapped where hard-wrapped."""
    units: list[Unit] = []
    for b, block in enumerate(_BLANK.split(normalise_newlines(text))):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        for group in _unwrap(lines):
            units.append(Unit(raw="\n".join(group), text=" ".join(group), block=b))
    return units


def _unwrap(lines: list[str]) -> list[list[str]]:
    if len(lines) < 2:
        return [lines] if lines else []
    width = max(len(line) for line in lines)
    full = [len(line) >= WRAP_MIN_FILL * width for line in lines[:-1]]
    hard = len(lines) >= 3 and width <= WRAP_MAX_WIDTH and sum(full) >= 0.7 * len(full)
    groups = [[lines[0]]]
    for prev, line in pairwise(lines):
        joins = (
            not is_terminal(prev)
            and not _BULLET.match(line)
            and not _TAG_END.search(prev)
            and (line[:1].islower() or (hard and len(prev) >= WRAP_MIN_FILL * width))
        )
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups
