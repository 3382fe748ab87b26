"""Splitting raw article text into units (paragraph lines) that the boilerplate filter labels.

A unit is one line of the text, or several lines of one hard-wrapped paragraph
joined back together. Each keeps its verbatim form (`raw`) so that whatever the
filter cuts can be shown to the user exactly as it was. Also here: where a unit's
sentences end, and cutting junk glued after its last sentence.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise

from storylens.clean.lexicon import MAX_CTA_WORDS, is_call_to_action, marker_at
from storylens.text import OUTLET_TAG

_BLANK = re.compile(r"\n[ \t\u00a0\u200b]*\n")
_BULLET = re.compile(r"^\s*(?:[•·▪►▸‣◦*–—-]|\d{1,2}[.)])\s+")
# Sentence-final marks of the scripts we meet in news (Latin, CJK full stops, Arabic, Devanagari),
# and the closing quotes/brackets that may follow them.
FINAL_MARKS = ".!?…。！？．؟।"
CLOSERS = "\"”’'»)]」』）"
_TERMINAL = re.compile(f"[{re.escape(FINAL_MARKS)}:][{re.escape(CLOSERS)}]*$")
_TAG_END = re.compile(r"\[[^\[\]]{1,40}\]\s*$")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad")

# Hard-wrapped text (e-mail, plain-text archives) has every line of a paragraph close to
# a fixed width of at most ~100 characters; scraped pages have one line per paragraph.
WRAP_MAX_WIDTH = 100
WRAP_MIN_FILL = 0.6
# Junk glued after a paragraph's last sentence is at most this long (words).
MAX_TEASER_WORDS = 40
MAX_CREDIT_WORDS = 12

_FINAL = f"[{re.escape(FINAL_MARKS)}][{re.escape(CLOSERS)}]*"
_SENTENCE_END = re.compile(_FINAL + r"\s+")
_ENDS = re.compile(_FINAL + "$")
INLINE_CREDIT = re.compile(
    r"\s*\((?:(?:photo|image|picture|video|credit|foto)s?\b[^()]{0,80}|[^()/]{2,50}/[^()/]{2,50})\)\s*$", re.IGNORECASE)
_TRAILING_LINK = re.compile(r"\s*\[[^\[\]]{3,120}\]\s*$")
# A wire story's trailer: "(Reporting by X; Additional reporting by Y; Editing by Z)", with or without the
# desk's contact block after it ("((name@reuters.com; +51 1 221 2130; Reuters Messaging: ...))").
WIRE_TRAILER = re.compile(
    r"\s*(?:\((?:(?:additional )?reporting|writing|editing|compiled|produced) by [^()]{2,240}\))?"
    r"(?:\s*\(\([^()]{0,300}@[^()]{0,300}\)\))?\s*$", re.IGNORECASE)


@dataclass
class Unit:
    """One line-level piece of an article, with the label the filter gives it."""

    raw: str  # verbatim text (wrapped lines keep their newlines)
    text: str  # the same on one line, stripped: what rules look at and what is kept
    block: int  # index of the blank-line separated block it came from
    label: str = ""  # body, title, byline, date, credit, chrome, notice, heading, caption, teaser
    reason: str = ""


# C1 control characters a Windows-1252 page leaves when read as Latin-1 ("subjects\x96the researchers themselves\x96spent":
# QA round 25 found them in a summary): the character Windows-1252 meant, or nothing where it means none.
_C1 = re.compile("[\x80-\x9f]")


def _windows_1252(m: re.Match[str]) -> str:
    return bytes([ord(m.group())]).decode("cp1252", errors="ignore")


# HTML's character references left in a page's text ("for the pa dept. of labor &amp; industry", "&#124;": 51 in
# test-250's sources; a QA summary of round 32 showed "&amp;amp;"): the characters they stand for.
_REFERENCE = re.compile(r"&(?:amp|quot|apos|lt|gt|nbsp|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")


def normalise_newlines(text: str) -> str:
    """Unix newlines, without zero-width characters and soft hyphens (they break word matching), C1 control
    characters read as the Windows-1252 characters they stand for, and HTML character references decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _REFERENCE.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
    if text.isascii():
        return text
    for char in _INVISIBLE:  # str.replace is much faster than str.translate with a table
        if char in text:
            text = text.replace(char, "")
    return _C1.sub(_windows_1252, text) if _C1.search(text) else text


def is_terminal(text: str) -> bool:
    """True when the text ends like a sentence (. ! ? … 。 or :, possibly followed by closing quotes)."""
    return bool(_TERMINAL.search(text.rstrip()))


def split_units(text: str, unwrap: bool = True) -> list[Unit]:
    """The text's units in order: blocks split on blank lines, lines unwrapped where hard-wrapped.

    `unwrap=False` keeps every line a unit of its own: text extracted from HTML has no hard
    wraps, its line breaks are structure (list items, table rows, <br>).
    """
    units: list[Unit] = []
    for b, block in enumerate(_BLANK.split(normalise_newlines(text))):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        for group in _unwrap(lines) if unwrap else [[line] for line in lines]:
            units.append(Unit(raw="\n".join(group), text=" ".join(group), block=b))
    return units


# A page's stamp on a line of its own, though in lower case: "updated 7/28/2004 3:02:00 PM ET" under a headline is no
# continuation of it (joined, neither was read: a QA source of round 33 went undated).
_STAMP_LINE = re.compile(r"(?:last\s+)?(?:updated|posted|published|modified)\b:?\s+\d", re.IGNORECASE)


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
            and not _STAMP_LINE.match(line)
            and (line[:1].islower() or (hard and len(prev) >= WRAP_MIN_FILL * width))
        )
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


# --- sentence ends and junk glued to a paragraph's end ------------------------------------


def ends_sentence(text: str) -> bool:
    """Sentence-final punctuation; a colon counts only after a real clause (over six words)."""
    t = text.rstrip()
    if _ENDS.search(t):
        return True
    return t.endswith(":") and len(t.split()) > 6


# A quote chip a finance page inlines after a company or index name ("Tesla Inc.’s TSLA, +5.77% board",
# "the S&P 500 index SPX, +3.43% is on track"): ticker, comma, signed change with two decimals.
_TICKER_CHIP = re.compile(r"(?<=\S) [A-Z]{1,5}(?:\.[A-Z]{0,2})?, [+\-−]\d+\.\d\d%(?= |$)")


def _cut_inline(pattern: re.Pattern[str], text: str, hint: str, fold: bool = False) -> tuple[str, list[str]]:
    """The text without what `pattern` finds inside it, and the pieces cut (verbatim, in order). The pattern is
    tried only when `hint` is in the text (lower-cased with `fold`): most paragraphs need no search."""
    if hint not in (text.lower() if fold else text):
        return text, []
    pieces = [m.group().strip() for m in pattern.finditer(text)]
    return (pattern.sub("", text).strip(), pieces) if pieces else (text, [])


def cut_ticker_chips(text: str) -> tuple[str, list[str]]:
    """The text without its inline quote chips, and the chips cut (verbatim, in order)."""
    return _cut_inline(_TICKER_CHIP, text, "%")


# A wire service's pronunciation guide after a name: "Dzhokhar Tsarnaev (joh-HAHR' tsahr-NEYE'-ehv)", "Gigante
# (pronounced ji-GANT-tee)": syllables joined by hyphens, a stressed one in capitals after another or marked with an
# apostrophe ("(NASA-funded)" is none), no capitalised word ("(EDS Quote-Cramer on EDS-Stock Picks)" is no guide). A QA title and summary quoted one.
_PRONUNCIATION = re.compile(r"(?<=[A-Za-z]) \((?=[^()]*[A-Za-z]-[A-Za-z])(?=[^()]*(?:[a-z]-[A-Z]{2}|[A-Za-z]['’]))"
                            r"(?![^()]*[A-Z][a-z])(?=[^()]*[a-z])[A-Za-z'’ -]{3,80}\)")


def cut_pronunciations(text: str) -> tuple[str, list[str]]:
    """The text without its pronunciation guides and stock-quote links, and the pieces cut (verbatim, in order)."""
    text, guides = _cut_inline(_PRONUNCIATION, text, "(")
    text, quotes = _cut_inline(_QUOTE_LINK, text, " Quote")
    return text, guides + quotes


# A stock-quote link after a company's name: "Electronic Data Systems (EDS Quote-Cramer on EDS-Stock Picks) with ..."
# (QA round 26: it stayed in a claim and made "EDS Quote-Cramer" an organisation).
_QUOTE_LINK = re.compile(r"(?<=\S)\s*\([A-Z][A-Z.]{0,6} Quote(?:\s*-[^()]{0,40})?\)")


# A photo's credit in brackets between two sentences of a flattened page: "... charged in the robberies. (Medicine Hat
# Police Service) The 53-year-old was ...", "... at CTV. (Steve Vogelsang/Facebook) They also owned ..." (QA round 19:
# the credit ran into the next sentence, a claim and a summary sentence). The caption goes with it when one of the
# two sentences before the credit shows a picture ("Police released this still image from surveillance video ...").
_MID_CREDIT = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’']))\s+\((?:[A-Z][\w.'’&-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w.'’&-]*)){0,5}|"
    r"[A-Z][^()/]{1,40}/\s?[A-Z][^()]{1,40})\)(?=\s+[\"“‘A-Z])")
_SHOWS_PICTURE = re.compile(r"\b(?:this|these)\s+(?:[\w-]+\s+){0,2}(?:image|photo|photograph|picture|still|screenshot|"
                            r"screengrab|frame)s?\b|\bpictured\b|\bseen here\b|\bin this (?:file )?photo\b",
                            re.IGNORECASE)
MAX_MID_CAPTION_WORDS = 50


def cut_mid_credits(text: str) -> tuple[str, list[str]]:
    """The text without bracketed photo credits between its sentences (and the captions they close), and the pieces
    cut (verbatim, in order)."""
    if ") " not in text:
        return text, []
    kept, pieces, pos = [], [], 0
    for m in _MID_CREDIT.finditer(text):
        # where the sentences before the credit start (the last sentence end found is the credit's own start)
        starts = [pos, *(e.end() for e in _SENTENCE_END.finditer(text, pos, m.start() + 1))][:-1]
        # the caption: from the earlier of the two sentences before the credit that itself shows a picture
        bounds = [*starts[-2:], m.start()]
        start = next((b for b, e in pairwise(bounds) if _SHOWS_PICTURE.search(text[b:e])
                      and len(text[b:m.start()].split()) <= MAX_MID_CAPTION_WORDS), m.start())
        kept.append(text[pos:start].strip())
        pieces.append(text[start:m.end()].strip())
        pos = m.end()
    if not pieces:
        return text, []
    kept.append(text[pos:].strip())
    return " ".join(k for k in kept if k), pieces


# A video player's prompt left in the text of a page saved without scripts, in the middle of a paragraph as often as
# alone ("Please enable javascript to watch this video st. Charles, mo ( ktvi ) - the mysterious death ...": a QA
# brief's title and first summary sentence).
_PLAYER_PROMPT = re.compile(r"\s*\b(?:please enable javascript to (?:watch|view|play) this video|your browser does not "
                            r"support (?:the )?(?:html5 )?video(?: tag| element| playback)?)\b[.!]?", re.IGNORECASE)


def cut_player_prompts(text: str) -> tuple[str, list[str]]:
    """The text without a video player's prompts, and the prompts cut (verbatim, in order)."""
    return _cut_inline(_PLAYER_PROMPT, text, "video", fold=True)


# A page's "continues below" marker flattened into the paragraph around it, after a sentence's end ("... the kleine
# zeitung said. Story continues below … apa said the discovery ...", "Advertisement continue reading the main story
# "i would imagine ..."": QA round 22, test-250). Alone on its line it is chrome already (`lexicon.LINE_CHROME`).
_MID_CHROME = re.compile(r"(?<=[.!?…\"”’'])\s+(?:(?:advertisement\s+)*(?:(?:story|article)\s+continues?\s+below"
                         r"(?:\s+advertisement)?|continue\s+reading\s+the\s+main\s+story)(?:\s*(?:…|\.\.\.))?(?=\s)"
                         # an ad's label alone before a quotation ('Advertisement "based on the advice of counsel ...',
                         # QA round 25): before a word it may open a sentence ("Advertisement revenue fell")
                         r"|advertisement(?=\s+[\"“]))", re.IGNORECASE)


# A copyright line run onto a flattened paragraph's last sentence ("... not be allowed into the country. Copyright ©
# 2013 afp. All rights reserved. More »", "... for defamation. Copyright © 2011 euronews": QA round 24, test-250).
_END_COPYRIGHT = re.compile(r"(?<=[.!?\"”’'])\s+(?:copyright\s*©?|©)\s*(?:19|20)\d{2}\b[^.!?]{0,60}[.]?"
                            r"(?:\s*all rights reserved\.?)?(?:\s*more\s*»)?\s*$", re.IGNORECASE)


# A pointer to the page's media in brackets inside a sentence: "a blurry, dream-like interpretation of reality (see
# video below)." (a QA claim of round 33), "(watch above)", "(pictured, left)".
_MEDIA_POINTER = re.compile(r"\s\((?:(?:see|watch|view|click)\b[^()]{0,30}?\b(?:video|photos?|pictures?|images?|gallery|"
                            r"slideshow|map|chart|graphic|clip|below|above)\b[^()]{0,15}|pictured\b[^()]{0,20})\)"
                            r"(?=[\s.,;:!?]|$)", re.IGNORECASE)


def cut_mid_chrome(text: str) -> tuple[str, list[str]]:
    """The text without "continues below" markers between its sentences, a copyright line run onto its end and
    pointers to the page's media in brackets, and the pieces cut (verbatim)."""
    low = text.lower()
    text, markers = _cut_inline(_MID_CHROME, text, "advertisement" if "advertisement" in low else "contin", fold=True)
    text, rights = _cut_inline(_END_COPYRIGHT, text, "©" if "©" in text else "copyright", fold=True)
    text, pointers = _cut_inline(_MEDIA_POINTER, text, "(")
    return text, markers + rights + pointers


# A highlights box flattened into the story it sits above ("Story highlights the parents were home all weekend ...
# does not turn off automatically ( cnn ) a 2-year-old boy died ..."): the story opens at its dateline, the outlet
# in brackets. Without one, where the points end cannot be told and the paragraph stays whole.
# (the box's label, also when it stands alone above its points: `boilerplate._mark_highlights`)
HIGHLIGHTS = re.compile(r"^(?:Story highlights|Key points|Highlights)\b")
MAX_HIGHLIGHTS_WORDS = 120


def highlights_end(text: str) -> int | None:
    """Where the story starts after a highlights box glued before it (the dateline's offset), or None."""
    if not HIGHLIGHTS.match(text):
        return None
    m = OUTLET_TAG.search(text)
    if not m or len(text[: m.start()].split()) > MAX_HIGHLIGHTS_WORDS:
        return None
    return m.start()


def sentence_ends(text: str) -> int:
    """How many sentences end inside the text (a final mark followed by a space)."""
    return len(_SENTENCE_END.findall(text))


def cut_highlights_head(text: str) -> tuple[str, str]:
    """Split a highlights box glued before a story's dateline: (kept, cut), cut possibly ''. With no dateline
    to end it, only the box's label goes ("Story highlights children ..." opened a QA summary's sentence)."""
    end = highlights_end(text)
    if end is None:
        label = HIGHLIGHTS.match(text)
        if label and sentence_ends(text) >= 2:
            return text[label.end():].lstrip(" :-–—"), label.group()
        return text, ""
    return text[end:], text[:end].strip()


# The controls of a photo gallery or slideshow, flattened into the paragraph they sit before: "7 PHOTOS <gallery
# title> See Gallery <title> Up Next See Gallery Discover More Like This HIDE CAPTION SHOW CAPTION of SEE ALL BACK TO
# SLIDE A Florida police officer went ...".
_WIDGET = re.compile(r"\b(?:HIDE CAPTION|SHOW CAPTION|BACK TO SLIDE|SEE ALL|See Gallery|View Gallery|Discover More Like "
                     r"This|Up Next|Next Slide|Previous Slide|\d+ PHOTOS|\d+ Photos)\b")
MAX_WIDGET_WORDS = 60


def cut_widget_head(text: str) -> tuple[str, str]:
    """Split gallery controls glued before a paragraph's text: (kept, cut), cut possibly ''. Only when two or
    more different controls are there and the words up to the last one are few; all of it when nothing follows."""
    found = list(_WIDGET.finditer(text))
    if len({m.group() for m in found}) < 2:
        return text, ""
    head, rest = text[: found[-1].end()], text[found[-1].end():].strip()
    if len(head.split()) > MAX_WIDGET_WORDS or found[0].start() > 0 and len(text[: found[0].start()].split()) > 12:
        return text, ""
    return rest, head.strip()


# A photographer's and agency's credit run into the paragraph under the picture: "Neil Warner / Splash News Britney
# Spears' handlers have ..." (a QA brief's first claim). Known agencies only: where the credit ends is read from them.
_CREDIT_HEAD = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s?/\s?(?:Getty Images|Splash News|FilmMagic|WireImage|Shutterstock|"
    r"REX/Shutterstock|Rex Features|Backgrid|BACKGRID|AP Photo|AP|AFP|Reuters|REUTERS|EPA|Invision|Associated Press|"
    r"Bloomberg|ZUMA Press|ZUMA|Sipa USA|Corbis|NASA|Instagram|Twitter|Facebook|Polaris|Redux|MEGA|GC Images)"
    r"\s+(?=[A-Z\"“‘'])")


def _cut_head(pattern: re.Pattern[str], text: str, min_words: int) -> tuple[str, str]:
    """Split what `pattern` matches at the start of a paragraph that goes on for `min_words` words: (kept, cut)."""
    m = pattern.match(text)
    if not m or len(text[m.end():].split()) < min_words:
        return text, ""
    return text[m.end():], m.group().strip()


def cut_credit_head(text: str) -> tuple[str, str]:
    """Split a photo credit glued before a paragraph's first sentence: (kept, cut), cut possibly ''."""
    return _cut_head(_CREDIT_HEAD, text, 5)


# A byline and its date run into the story's first sentence, as a scrape written in one paragraph has it: "By dennis
# prager - december 24, 2013 as a jew, and a religious one at that, i want to wish ..." (`metadata.parse_byline` says
# such a paragraph is prose; its head goes).
_BYLINE_HEAD = re.compile(
    r"^By\s+[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){1,3}\s+[-–—|]\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s+", re.IGNORECASE)


def cut_byline_head(text: str) -> tuple[str, str]:
    """Split a byline with its date glued before a paragraph's first sentence: (kept, cut), cut possibly ''."""
    return _cut_head(_BYLINE_HEAD, text, 8)


# A picture's or video's label run into the story by a page flattened into one paragraph: "Media playback is
# unsupported on your device media caption the bbc's mishal husain was one of the first broadcasters to go inside the
# school the pakistani city of peshawar is burying its dead ..." (a Multi-News source a QA brief lost whole as a
# caption). The labels go; the caption's own words go only where cased text shows where the story starts (a
# capitalised function word after a word with no final mark: "... inside the school The Pakistani city ...").
_MEDIA_HEAD = re.compile(r"^(?:media playback is (?:unsupported|not supported) on your device\.?\s*)?"
                         r"(?:(?:image|media|photo|picture) (?:copyright|caption|source|credit)\b\s*)+", re.IGNORECASE)
_STORY_START = re.compile(r"(?<=[a-z0-9])\s+(?=(?:The|A|An|In|On|At|It|He|She|They|We|This|Police|Officials|After|"
                          r"When|As|More|Some|Many|Two|Three)\s)")
MAX_MEDIA_CAPTION_WORDS = 40


# A lone media word left before a flattened story's first word ("Photo zynga, the social games maker that has stumbled
# ...", "Video napa, calif. — the gardens ...": QA round 23, test-250's title and first summary sentence), the
# name set off by its comma; not a caption's own verb ("Photo shows ...") nor a noun it opens ("Video footage shows").
_LONE_MEDIA_WORD = re.compile(r"^(?:Photo|Video|Image)\s+(?=[a-z][\w'’-]*,)"
                              r"(?!(?:shows?|showing|shot|taken|released|provided|courtesy|by|of|from|credit|via|"
                              r"above|below|gallery|and|or)\b)")


def cut_media_head(text: str) -> tuple[str, str]:
    """Split a media label (and, in cased text, its caption) from the story it runs into: (kept, cut)."""
    kept, word = _cut_head(_LONE_MEDIA_WORD, text, 8)
    if word:
        return kept, word
    m = _MEDIA_HEAD.match(text)
    if not m or sentence_ends(text) < 2:
        return text, ""
    start = m.end()
    story = _STORY_START.search(text, start)
    if story and len(text[start:story.start()].split()) <= MAX_MEDIA_CAPTION_WORDS and text[start:start + 1].isupper():
        start = story.end()
    return text[start:], text[:start].strip()


# A newsletter-style outlet's label before a paragraph ("Why it matters: Across the West, ..." reached a QA summary and
# a timeline): the label is the page's layout, the sentence after it the reporting.
_LABEL_HEAD = re.compile(
    r"^(?:Why it matters?|The big picture|Driving the news|What they['’]re saying|What (?:he|she)['’]s saying|"
    r"What we['’]re (?:hearing|watching)|By the numbers|State of play|Between the lines|Yes,? but|Be smart|"
    r"The bottom line|Bottom line|What['’]s next|What to watch|Where it stands|The backstory|Reality check|"
    r"Our thought bubble|The intrigue|Zoom (?:in|out)|Flashback|The latest|Catch up quick|Of note|Worth noting|"
    r"The other side|What['’]s happening|Go deeper|Details|Context)"
    # (with its writer: "Why it matters, via Axios' Margaret Talev: Tuesday's results ...", QA round 43)
    r"(?:,\s+via\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’-]*){0,3})?:\s+(?=[A-Z0-9\"“‘'])")


# A page's close or menu button left before the first paragraph: "× 86-year-old woman accidentally hangs herself ..."
# (a test-250 source of QA round 32; it opened the brief's title).
_BUTTON_HEAD = re.compile(r"^[×✕✖⨯☰]\s+(?=\S)")


def cut_label_head(text: str) -> tuple[str, str]:
    """Split such a label, or a button's glyph, from the paragraph it opens: (kept, cut), cut possibly ''."""
    kept, button = _cut_head(_BUTTON_HEAD, text, 4)
    if button:
        return kept, button
    kept, label = _cut_head(_LABEL_HEAD, text, 4)
    if label.startswith("Go deeper"):
        return "", text.strip()  # a link to another story: all of it goes
    return kept, label


def cut_glued_tail(text: str) -> tuple[str, str]:
    """Split junk glued after the last sentence of a paragraph: (kept, cut), cut possibly ''.

    Junk is a teaser ("See also <headline>", "READ MORE ...") or a credit
    ("Photo: X / AFP") starting right after a sentence end and running to the end of
    the paragraph, a parenthesised photo credit, or a bracketed link title.
    """
    for m in _SENTENCE_END.finditer(text):
        marker = marker_at(text, m.end())
        if not marker:
            continue
        rest = text[m.end():]
        limit = MAX_TEASER_WORDS if marker[0] == "teaser" else MAX_CREDIT_WORDS
        if len(rest.split()) <= limit and not (marker[0] == "credit" and _SENTENCE_END.search(rest)):
            return text[: m.end()].rstrip(), rest.strip()
    # A call to the reader glued after the last sentence: "... are assisting with this investigation. Reach Bob
    # Dunn at bdunn@berkshireeagle.com, at @BobDunn413 on Twitter and 413-496-6249."
    for m in reversed(list(_SENTENCE_END.finditer(text))):
        rest = text[m.end():].strip()
        if len(rest.split()) > MAX_CTA_WORDS:
            break
        if rest and not any(q in rest for q in '"”“') and is_call_to_action(rest):  # not a quoted tweet's words
            return text[: m.end()].rstrip(), rest
    # A credit ends the paragraph with ")", a link title with "]": most paragraphs need no search.
    end = text.rstrip()[-1:]
    trailer = WIRE_TRAILER.search(text) if end == ")" else None
    if trailer and trailer.end() > trailer.start() + 1 and trailer.start() > 0 and ends_sentence(text[:trailer.start()]):
        return text[: trailer.start()].rstrip(), text[trailer.start():].strip()
    pattern = INLINE_CREDIT if end == ")" else _TRAILING_LINK if end == "]" else None
    m = pattern.search(text) if pattern else None
    if m and m.start() > 0 and ends_sentence(text[: m.start()]):
        return text[: m.start()].rstrip(), text[m.start():].strip()
    return text, ""
