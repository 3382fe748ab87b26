"""Text that was tokenised and joined again with spaces: the spaces put back inside numbers and abbreviations.

Research corpora (ECB+ among them) ship articles as tokens joined by spaces, so a decimal point, an
abbreviation's dots and a domain name come apart: "a magnitude 4. 6 quake", "$1. 6 billion", "M7. 5",
"2: 09 a. m.", "the U. S. Capitol", "TMZ. com", '"... mislead you. "'. Left so, the sentence splitter ends a sentence at "4." or
"M7." (a claim then reads "determined M7." and the next one "5 as the maximum magnitude"), and the
figures read as two numbers. Each repair below is one unambiguous pattern; a real sentence end before a
numeral is left alone where it can be one (a year before the dot, three digits after it).
"""

from __future__ import annotations

import re

# "4. 6", "$100. 5 billion", "M7. 5", "USB 3. 0", "$19. 99": one to three digits, a dot, one or two digits.
# Not "in 2013. 5 people" (four digits: a year ends the sentence), nor "to 20. 150 more" (three after the dot).
_DECIMAL = re.compile(r"(?<![\d,.\-–])(\d{1,3})\. (\d{1,2})(?!\d)")
# "a. m." / "p. m.", however cased.
_CLOCK_SUFFIX = re.compile(r"\b([aApP])\. ([mM])\.")
# The country abbreviations a news sentence runs through: "U. S.", "U. K.", "U. N.", "E. U.".
_COUNTRY = re.compile(r"\b(U)\. ([SKN])\.|\b(E)\. (U)\.")
# "TMZ. com", "www. nlm. nih. gov": a domain's dots, before the common top-level domains.
_DOMAIN = re.compile(r"\b(\w+)\. (?=(?:com|org|net|gov|edu|co\.uk|uk)\b)")
_WWW = re.compile(r"\b(www)\. (?=\w)")
_SCHEME = re.compile(r"\b(https?): / / ")
# A closing quotation mark set off by a space: '"The numbers won't mislead you. "', '"... as well as I can, " Hurd
# said'. (Before a space or the end only: '. "Next' opens a quotation.)
_CLOSING_QUOTE = re.compile(r"([.,!?;:]) ([\"”’])(?=\s|$)")


def repair_spacing(text: str) -> str:
    """`text` with the spaces that tokenisation put inside numbers, "a.m.", "U.S.", web addresses and before a closing
    quotation mark taken out."""
    if ". " not in text and ": / /" not in text and ' "' not in text:
        return text
    text = _CLOSING_QUOTE.sub(r"\1\2", text)
    text = _DECIMAL.sub(r"\1.\2", text)
    text = _CLOCK_SUFFIX.sub(r"\1.\2.", text)
    text = _COUNTRY.sub(lambda m: f"{m[1]}.{m[2]}." if m[1] else f"{m[3]}.{m[4]}.", text)
    text = _SCHEME.sub(r"\1://", text)
    text = _WWW.sub(r"\1.", text)
    return _DOMAIN.sub(r"\1.", text)
