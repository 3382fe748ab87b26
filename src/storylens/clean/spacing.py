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
# A hyphen before it is a compound's ("magnitude-6. 1") unless a figure comes before the hyphen ("won 10-4. 5 people").
_DECIMAL = re.compile(r"(?<![\d,.–])(?<!\d-)(\d{1,3})\. (\d{1,2})(?!\d)")
# "$200, 000", "100, 000 people", "$1, 199": a thousands group set off by a space. Only where it cannot be two
# numbers: the group starts with a zero (no number does), a currency sign leads, or another group follows
# ("1, 200,000"); "5-foot-8, 135 pounds" and "March 3, 200 people" stay.
_THOUSANDS = re.compile(r"(?<![\d.,])((?:[$£€]\s?)?\d{1,3}), (?=(\d{3})(?!\d))")
_THOUSANDS_AFTER = re.compile(r"(?<![\d.,])(\d{1,3}), (\d{3})(?=,\d{3}(?!\d))")
# A spaced ellipsis, ". . .", set as one "…": the sentence splitter ended sentences at each of its dots ("he was . . .
# | not burnt on being on TV", "handlers . | . . | you could feel"). A sentence's own full stop before it stays.
_SPACED_ELLIPSIS = re.compile(r"(?<= )\.(?: \.){2}(?! \.)")
# "a. m." / "p. m.", however cased.
# A gun's calibre whose point tokenisation moved onto the word before: "his. 38-caliber revolver", "A. 22 rifle".
_CALIBRE = re.compile(r"(?<=[A-Za-z])\. (?=(?:22|25|32|38|40|44|45|357|380|50)(?:-| )?(?:caliber|calibre|cal\.|magnum|"
                      r"special|revolver|pistol|handgun|rifle|semi-?automatic)\b)", re.IGNORECASE)
# Two sentences a scrape glued at the full stop: "... sentenced in 2004.Officials said", "case NN7687.Prosecutors".
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9]{2})\.(?=(?!Com\b|Org\b|Net\b|Gov\b|Edu\b)[A-Z][a-z]{2,}\b)")
# The same in text written in lower case ("... at a santa monica restaurant.sonia ulrich, marla saltzer ...", a
# test-250 source of QA round 29): a word, a full stop and a word, outside a web address or a file name.
# (a word of two letters after it only when it opens sentences and names no country's domain: "... close to the
# investigation.we've learned", "... to the case.in the book": QA round 31; "gov.in" stays)
_GLUED_LOWER = re.compile(r"(?<![\w./@:-])([a-z]{3,})\.(?=([a-z]{3,}|we|he|in|as|at|it|if|so|an|on|of|by|or)\b"
                          r"(?![./@-]\w))")
_NOT_SENTENCES = frozenset({"com", "org", "net", "gov", "edu", "info", "biz", "html", "htm", "aspx", "asp", "php",
                            "gif", "jpg", "jpeg", "png", "pdf", "mp3", "mp4", "doc", "docx", "xls", "xml", "json",
                            "txt", "csv", "exe", "zip", "js", "css", "tv", "fm", "news", "online", "app", "io"})
_CLOCK_SUFFIX = re.compile(r"\b([aApP])\. ([mM])\.")
# A clock time's minutes set off by a space: "3: 10 p.m.", "1: 00 AM EDT" (only before a.m./p.m.: "Game 1: 10 points").
_CLOCK = re.compile(r"\b(\d{1,2}): (\d{2})(?:: (\d{2}))?(?=\s*(?:[aApP]\.?\s?[mM]\b|[aApP]\.\s?[mM]\.))")
# A date in figures set off by spaces: "updated 7 / 28 / 2004 3: 02: 00 PM ET" (an ECB+ page's stamp, unread in QA
# round 33, so the page went undated).
_SLASHED_DATE = re.compile(r"\b(\d{1,2}) / (\d{1,2}) / ((?:19|20)?\d{2})\b")
# A possessive's "s" set off from its apostrophe: "Sheriff' s Deputy", "apartment’ s door".
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])(['’]) s(?=[\s.,;:!?)]|$)")
# The country abbreviations a news sentence runs through: "U. S.", "U. K.", "U. N.", "E. U.".
_COUNTRY = re.compile(r"\b(U)\. ([SKN])\.|\b(E)\. (U)\.")
# "TMZ. com", "www. nlm. nih. gov": a domain's dots, before the common top-level domains.
_DOMAIN = re.compile(r"\b(\w+)\. (?=(?:com|org|net|gov|edu|co\.uk|uk)\b)")
_WWW = re.compile(r"\b(www)\. (?=\w)")
_SCHEME = re.compile(r"\b(https?): / / ")
# A closing curly quotation mark set off by a space: '“... as well as I can, ” Hurd said'. (Before a space or the
# end only.) Straight marks, which open and close alike, are told apart by their order in the paragraph
# (`_join_straight_quotes`).
_CLOSING_QUOTE = re.compile(r"([.,!?;:]) ([”’])(?=\s|$)")
_STRAIGHT_QUOTE = re.compile(r'"')
# Two quotations run together, the second opening right on the first's closing mark: 'what spotters do ... for his
# family.""He slept with his kids ...," Travis Hoffstetter told us.' (QA round 36: one sentence, one speaker).
_ABUTTING_QUOTES = re.compile(r'(?<=[.!?])""(?=[A-Z])')


def repair_spacing(text: str) -> str:
    """`text` with the spaces that tokenisation put inside numbers ("4. 6", "$200, 000", "his. 38-caliber"),
    "a.m.", "U.S.", web addresses and before a closing quotation mark taken out, and a spaced ellipsis (". . .")
    made one "…"."""
    if ". " not in text and ": " not in text and ' "' not in text and ", " not in text and "' s" not in text \
            and "’ s" not in text and " / " not in text and '""' not in text and not _GLUED_SENTENCE.search(text) \
            and not _GLUED_LOWER.search(text):
        return text
    text = _ABUTTING_QUOTES.sub('" "', text)
    text = _THOUSANDS.sub(_join_thousands, text)
    text = _THOUSANDS_AFTER.sub(r"\1,\2", text)
    text = _SPACED_ELLIPSIS.sub("…", text)
    text = _CLOSING_QUOTE.sub(r"\1\2", text)
    if '"' in text:
        text = "\n".join(_join_straight_quotes(line) if '"' in line else line for line in text.split("\n"))
    text = _CALIBRE.sub(" .", text)
    text = _GLUED_SENTENCE.sub(". ", text)
    text = _GLUED_LOWER.sub(lambda m: m[0] if m[2] in _NOT_SENTENCES or m[1] == "www" or (
        len(m[2]) == 2 and (len(m[1]) < 4 or m[1] in _NOT_SENTENCES)) else m[1] + ". ", text)
    text = _DECIMAL.sub(r"\1.\2", text)
    text = _CLOCK_SUFFIX.sub(r"\1.\2.", text)
    text = _CLOCK.sub(lambda m: f"{m[1]}:{m[2]}" + (f":{m[3]}" if m[3] else ""), text)
    text = _SLASHED_DATE.sub(r"\1/\2/\3", text)
    text = _POSSESSIVE.sub(r"\1s", text)
    text = _COUNTRY.sub(lambda m: f"{m[1]}.{m[2]}." if m[1] else f"{m[3]}.{m[4]}.", text)
    text = _SCHEME.sub(r"\1://", text)
    text = _WWW.sub(r"\1.", text)
    return _DOMAIN.sub(r"\1.", text)


def _join_straight_quotes(line: str) -> str:
    """The paragraph's straight quotation marks joined to what they quote: odd ones open, even ones close, as a
    paragraph opens every quotation it holds ('case. " we will be seeking jail time, " frank mateljan ...' had been
    'case." we will ... time," frank': the narration read as a quotation, the spokesman's words as narration). A
    paragraph with an odd count whose last mark ends it closes a quotation an earlier paragraph opened ('That was
    the opportune time to do it. "'): its first mark closes."""
    marks = [m.start() for m in _STRAIGHT_QUOTE.finditer(line)]
    shift = 1 if len(marks) % 2 == 1 and not line[marks[-1] + 1 :].strip() else 0
    out: list[str] = []
    last = 0
    for n, at in enumerate(marks):
        before = line[at - 1] if at else ""
        after = line[at + 1] if at + 1 < len(line) else ""
        closing = (n + shift) % 2 == 1
        if closing and before == " " and at >= 2 and not line[at - 2].isspace() \
                and after in ("", " ", "\t", ",", ".", ";", ":", "!", "?", ")"):
            out.append(line[last : at - 1] + '"')  # closing: 'time, " frank' -> 'time," frank'
            last = at + 1
        elif not closing and after == " " and before in ("", " ", "\t", "(", "[", "\u2014", "-") \
                and at + 2 < len(line) and not line[at + 2].isspace() and not (at >= 2 and line[at - 2].isdigit()):
            out.append(line[last:at] + '"')  # opening: '" we will' -> '"we will'
            last = at + 2
    return "".join(out) + line[last:] if out else line


def _join_thousands(m: re.Match[str]) -> str:
    if m[2].startswith("0") or not m[1][0].isdigit():
        return f"{m[1]},"
    return m[0]
