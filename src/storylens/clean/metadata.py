"""Article metadata: title, author, outlet and publication date.

Where the values come from, strongest first:
1. fields the input carried (a JSONL record's `title`, `published`, ...);
2. the page's HTML metadata (`clean.html.extract_html`);
3. lines of the text itself: a date stamp ("2023-09-12 08:23:19", "date 2023-09-12"
   glued to the first paragraph), a byline ("by Jane Doe"), a headline line, an outlet
   name glued to an edit stamp ("Daily NewsUpdated").

The parsers here are deliberately conservative: a value is only taken when the line
has the shape of that field, because None is better than a wrong author or date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from storylens.clean.lexicon import EDIT_STAMPS, NEWS_ORG_WORDS, SECTIONS, ascii_quotes
from storylens.clean.units import CLOSERS, FINAL_MARKS
from storylens.models import Article

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_ZONES = ("utc gmt z est edt cst cdt mst mdt pst pdt et ct mt pt bst cet cest eet eest wet west msk ist jst kst "
          "hkt sgt aest aedt awst nzst nzdt")
_LABELS = "published posted updated modified date dated created first last on at of the by"
_DATE_WORDS = frozenset(f"{_MONTHS} {_WEEKDAYS} {_ZONES} {_LABELS} am pm a.m p.m st nd rd th".split())
_TOKEN = re.compile(r"[a-z]+(?:\.[a-z]\.?)?|\d+|[^\sa-z\d]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?", re.IGNORECASE)
_UPDATE = re.compile(r"\b(?:updated|modified|last)\b", re.IGNORECASE)
_LABEL_PREFIX = re.compile(r"^\s*(?:(?:first|last)\s+)?(?:published|posted|updated|modified|created|dated|date)"
                           r"(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE)
_STAMP_SEPARATOR = re.compile(r"\s+\|\s+")
_INNER_LABEL = re.compile(r"(?<=\s)(?:(?:first|last)\s+)?(?:published|posted|updated|modified)(?:\s+(?:on|at))?\s*:?\s*",
                          re.IGNORECASE)
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WRITTEN = (rf"(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+\d{{4}})"
            rf"(?:,?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?)?")
# A date at the very start of a text, glued to the first sentence ("date 2023-09-12 The train ..."), with its
# weekday and a news service's tag ("MONDAY, Jan. 25, 2016 (HealthDay News) -- Colon cancer rates ...": a QA brief
# called that source undated and made its dateline an event).
_LEADING_DATE = re.compile(
    rf"^\s*(?P<stamp>(?:(?:published|posted|updated|date|dated)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<date>{_ISO}|{_WRITTEN})(?:\s*\([A-Z][^()]{{1,40}}\))?"
    # its time zone ("March 10, 2012 10:54 am ET by MMFA Staff" had titled a QA brief "ET by MMFA Staff", round 24)
    r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST)\b)?)"
    # (or a colon: "PUBLISHED FEBRUARY 23, 2021: House Democrats are ...", a PolitiFact page of QA round 45)
    r"(?:\s*(?:[|,:–—]|-{1,2}))?\s+(?=[\"“‘'(]?[A-Z])", re.IGNORECASE)
# "<headline> 4:12 PM <Section> <first sentence>": a scraped header run on one line.
_HEADLINE_RUN = re.compile(
    r"^(?P<title>[^.!?]{12,200}?)\s+(?P<time>\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?)\s+"
    r"(?:(?P<section>[A-Z][\w-]+)\s+)?(?P<rest>[\"“‘']?(?![AaPp]\.?[Mm]\b)[A-Z].+)$")
# Headlines do not end on a function word; a sentence cut before a time often does ("... at 4:12").
_FUNCTION_WORDS = frozenset(["a", "an", "the", "at", "on", "in", "of", "by", "to", "for", "from", "with", "and", "or", "but", "as", "than", "since", "until", "about", "around", "after", "before", "is", "was", "are", "were", "be"])
_BYLINE = re.compile(r"^\s*(?:by|written by|words by|story by|posted by|author\s*:)\s+(?P<who>\S.*?)\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
_PARTICLES = frozenset(["de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "bin", "ibn", "al", "el", "y", "st.", "mc"])
_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+[–—-]\s+")
_TERMINAL = re.compile(f"[{re.escape(FINAL_MARKS)}][{re.escape(CLOSERS)}]*$")


@dataclass
class TextMeta:
    """Metadata values found in the text, before merging with stronger sources."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    updated: str | None = None


# --- dates ------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def normalise_date(value: str) -> str | None:
    """An ISO-8601 string for a date or datetime written in any common way; None if it is not one.

    A value without a time of day stays a date ("2023-09-12"); with a time it becomes a
    datetime ("2023-09-12T08:23:19", with its offset when one was given).
    """
    value = value.strip()
    if not value or not re.search(r"\d", value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = _dateparse(_LABEL_PREFIX.sub("", value))
        if parsed is None:
            return None
    has_time = bool(_TIME.search(value) or re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value))
    if not has_time:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _dateparse(text: str) -> datetime | None:
    import dateparser

    text = re.sub(r"\bat\b|\bon\b", " ", text, flags=re.IGNORECASE)
    order = "DMY" if re.search(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", text) else None
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    if order:
        settings["DATE_ORDER"] = order
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None


_SPACED_CLOCK = re.compile(r"\b(\d{1,2}):\s+(\d{2})\b")


_SPACED_SLASHES = re.compile(r"\b(\d{1,2})\s+/\s+(\d{1,2})\s+/\s+(\d{2,4})\b")


def parse_dateline(line: str) -> tuple[str | None, bool] | None:
    """If the line is only a date/time stamp ("Updated: Sep 12, 2023 08:23"), (ISO or None, is_update).

    The ISO value is None for a stamp without a full date (a bare "4:12 PM"). Returns
    None when the line is anything else.
    """
    text = ascii_quotes(line).strip().strip("|•·-–—").strip()
    # tokenised copies write a clock "09: 29" and a time after "@": "12 January 2010 @ 09: 29 pm"
    text = _SPACED_CLOCK.sub(r"\1:\2", text.replace(" @ ", " "))
    # and a numeric date "14 / 09 / 2013" (a QA round 20 source lost its "Last updated 13: 26 14 / 09 / 2013")
    text = _SPACED_SLASHES.sub(r"\1/\2/\3", text)
    parts = _STAMP_SEPARATOR.split(text)
    if len(parts) > 1 and _INNER_LABEL.search(" " + text):  # labelled stamps, not a range "29 Nov 2018 | 20 Jan 2019"
        # "PUBLISHED: 16:05 GMT, 9 June 2013 | UPDATED: 06:55 GMT, 10 June 2013": the first publication stamp
        stamps = [parse_dateline(p) for p in parts]
        if any(st is None for st in stamps):
            return None
        return next((st for st in stamps if st and st[0] and not st[1]), stamps[0])
    if not text or len(text) > 80 or not re.search(r"\d", text):
        return None
    tokens = _TOKEN.findall(text.lower())
    words = [t for t in tokens if t[0].isalpha()]
    if any(w.rstrip(".") not in _DATE_WORDS for w in words):
        return None
    if any(not (t[0].isalnum() or t in ",:/.-|()+") for t in tokens):
        return None
    # A label after the date ("10 June 2013 Last updated at 14:00 GMT") is no part of the value.
    # (a label opening the stamp, "Last updated 09:58 15/09/2013", is the stamp's own: read after it)
    body = text[m.end():] if (m := _LABEL_PREFIX.match(text)) and m.end() > 0 else text
    iso = normalise_date(_INNER_LABEL.sub(" ", body) if _INNER_LABEL.search(body, 1) else body)
    if iso is None and not _TIME.fullmatch(_LABEL_PREFIX.sub("", text).strip()):
        return None
    return iso, bool(_UPDATE.search(text))


# A written date in a photo caption: "Thursday, May 1, 2014", "Friday, May, 2 2014", "Sept. 29, 2013".
_CAPTION_DATE = re.compile(rf"{_WRITTEN}|\b{_MONTH_RE},\s+\d{{1,2}}\s+\d{{4}}\b", re.IGNORECASE)
# An archive picture's caption dates the picture, not the story ("FILE - In this Monday, May 31, 1999 file photo").
_ARCHIVE_PHOTO = re.compile(r"\bFILE\b|\bfile (?:photo|picture|image)\b|\barchives?\b", re.IGNORECASE)


# A date in a news URL's path: "https://www.statnews.com/2021/10/04/what-we-know/", ".../2017-05-10/...", a slug's
# ".../srichhillhitrun_web_2013_09_14_q.html" (QA round 23: a TimesLedger page read as undated).
# The month may be named: "washingtontimes.com/news/2021/aug/3/..." (QA round 29).
_URL_DATE = re.compile(r"[/_]((?:19|20)\d{2})([/_-])(\d{1,2}|[a-z]{3})\2(\d{1,2})(?:[/_.-]|$)", re.IGNORECASE)
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def url_date(url: str | None) -> str | None:
    """The YYYY-MM-DD a news URL's path gives, else None."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    month = m[3].lower()
    if month.isalpha() and month not in _URL_MONTHS:
        return None
    try:
        number = _URL_MONTHS.index(month) + 1 if month.isalpha() else int(month)
        return datetime(int(m[1]), number, int(m[4])).date().isoformat()
    except ValueError:
        return None


_TEXT_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def caption_date(removed: list[str], today: datetime | None = None, text: str = "") -> str | None:
    """The latest full date written in the pieces cleaning removed (photo captions, gallery text) of a page that
    gives no date of its own: the day its pictures were taken, about the story's. Archive pictures do not count,
    nor does a caption older than a year the page's `text` writes out (a 2015 picture of a page on 2018's eclipse,
    QA round 13)."""
    latest: str | None = None
    limit = (today or datetime.now()).date().isoformat()
    for piece in removed:
        if _ARCHIVE_PHOTO.search(piece) or _POST_SIGNATURE.search(piece):
            continue  # (an embedded post's signature dates the page as a post does: `post_date`)
        for m in _CAPTION_DATE.finditer(piece):
            iso = normalise_date(m.group())
            if iso and iso[:10] <= limit and (latest is None or iso[:10] > latest):
                latest = iso[:10]
    written = [int(y) for y in _TEXT_YEAR.findall(text)]
    if latest is not None and written and max(written) > int(latest[:4]):
        return None
    return latest


# The signature under an embedded post: "— Harford Sheriff (@Harford_Sheriff) September 20, 2018".
_POST_SIGNATURE = re.compile(r"\(@\w{1,15}\)\s+((?:January|February|March|April|May|June|July|August|September|"
                             r"October|November|December)\s+\d{1,2},\s+(?:19|20)\d{2})")


# A page's stamp run into its text, in brackets ("( published monday, may 11, 2015 )" in a flattened page).
_TEXT_STAMP = re.compile(rf"\(\s*(?:published|posted|updated)\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                         rf"(?P<date>{_WRITTEN})", re.IGNORECASE)


def text_stamp_date(text: str, today: datetime | None = None) -> str | None:
    """The latest date of the bracketed "published ..." stamps a page's text carries (a flattened page keeps its
    own and its video's: QA round 42 read such a story as undated), for a page that gives no date otherwise."""
    limit = (today or datetime.now()).date().isoformat()
    days = [iso[:10] for m in _TEXT_STAMP.finditer(text) if (iso := normalise_date(m["date"])) and iso[:10] <= limit]
    return max(days, default=None)


def post_date(pieces: list[str], today: datetime | None = None) -> str | None:
    """The latest date of the posts a page embeds (a sheriff's tweet under the story), for a page that gives no
    date of its own: the page was written that day or after, most often that day."""
    limit = (today or datetime.now()).date().isoformat()
    days = [iso[:10] for piece in pieces for m in _POST_SIGNATURE.finditer(piece)
            if (iso := normalise_date(m[1])) and iso[:10] <= limit]
    return max(days, default=None)


def split_leading_date(text: str) -> tuple[str, str, str] | None:
    """A date stamp glued to the start of the first paragraph: (stamp, ISO date, rest of the text)."""
    m = _LEADING_DATE.match(text)
    if not m:
        return None
    iso = normalise_date(m.group("date"))
    if iso is None:
        return None
    return m.group("stamp"), iso, text[m.end():]


# "<headline> Posted: Monday, June 23, 2014 11:03 PM EDT Updated: Monday, August 18, 2014 11:03 PM EDT": a TV station
# page's header on one line.
# (the label capitalised: "the notice was updated: March 3" is prose)
_TITLED_STAMP = re.compile(r"^(?P<title>[^.!?]{12,200}?)\s+(?=(?:(?:First|Last|FIRST|LAST)\s+)?"
                           r"(?:Published|Posted|Updated|PUBLISHED|POSTED|UPDATED)\s*:)")


def split_titled_stamps(line: str) -> list[tuple[str, str]] | None:
    """Split '<headline> Posted: <date> Updated: <date>' into ("title", ...) and ("date", stamp) pieces, else None.

    Only when everything after the headline reads as labelled date stamps."""
    m = _TITLED_STAMP.match(line.strip())
    if not m or len(m.group("title").split()) < 3 or m.group("title").split()[-1].lower() in _FUNCTION_WORDS:
        return None
    rest = line.strip()[m.end():]
    cuts = [0] + [x.start() for x in _INNER_LABEL.finditer(rest)] + [len(rest)]
    stamps = [rest[a:b].strip() for a, b in itertools.pairwise(sorted(set(cuts))) if rest[a:b].strip()]
    if not stamps or any(parse_dateline(st) is None for st in stamps):
        return None
    return [("title", m.group("title")), *(("date", st) for st in stamps)]


def split_headline_run(line: str) -> list[tuple[str, str]] | None:
    """Split '<headline> 4:12 PM <Section> <sentence.>' into labelled pieces, else None.

    The pieces are ("title", ...), ("date", time), optionally ("chrome", section) when the
    word is a known section name, and ("body", sentence). Only taken when the rest ends
    like a sentence, so an ordinary sentence mentioning a time is never split.
    """
    m = _HEADLINE_RUN.match(line.strip())
    if not m or not _TERMINAL.search(m.group("rest")):
        return None
    title = m.group("title")
    if len(title.split()) < 3 or _TERMINAL.search(title) or title.split()[-1].lower() in _FUNCTION_WORDS:
        return None
    pieces = [("title", title), ("date", m.group("time"))]
    section, rest = m.group("section"), m.group("rest")
    if section and section.lower() in SECTIONS:
        pieces.append(("chrome", section))
    elif section:
        rest = f"{section} {rest}"
    pieces.append(("body", rest))
    return pieces


# --- bylines and outlets -------------------------------------------------------------------


MAX_BYLINE_TAIL_WORDS = 8  # words of a byline's other parts: an outlet, a role, a place ("Reuters", "Staff Writer")


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """If the line is a byline, (author or None, published ISO or None); else None.

    "by Jane Doe", "By Jane Doe and John Roe | September 12, 2023". The author is only
    kept when it reads like personal names (capitalised words), so "by staff" or
    "by time news" count as a byline to remove but give no author.
    """
    parts = _SEPARATORS.split(ascii_quotes(line).strip())
    author, published, found = None, None, False
    for part in parts:
        m = _BYLINE.match(part)
        if m and not found:
            who = m.group("who").rstrip(".,;:")
            if len(who.split()) > 10 or _TERMINAL.search(m.group("who")) and not re.search(r"\b[A-Z]\.$", who):
                return None
            found = True
            author = _names(who)
            continue
        stamp = parse_dateline(part)
        if stamp is not None:
            published = published or stamp[0]
        elif not found or len(part.split()) > MAX_BYLINE_TAIL_WORDS:
            # the story itself after the byline ("By dennis prager - december 24, 2013 as a jew, ... i want to wish my
            # fellow americans a merry christmas. ..."): the paragraph is prose (a QA brief had lost a whole article)
            return None
    if not found:
        return None
    return author, published


def _names(who: str) -> str | None:
    """The people of a byline ('Jane Doe, Reuters' -> 'Jane Doe'), or None if they don't read as names."""
    names = [n for n in _NAME_SPLIT.split(who) if n]
    people = []
    for n in names:
        if looks_like_name(n):
            people.append(n)
        elif people:
            break  # "Jane Doe, Reuters": the rest is an organisation or a role
        else:
            return None
    return " and ".join(people) if people else None


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words (initials and particles like 'van' allowed), no org words."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(w.lower().strip(".") in NEWS_ORG_WORDS for w in words):
        return False
    capital = [w for w in words if w[0].isupper() and not w.isupper() or re.fullmatch(r"[A-Z]\.?", w)]
    return len(capital) >= 2 and all(w in capital or w.lower() in _PARTICLES for w in words)


def parse_edit_stamp(line: str) -> str | None:
    """The outlet of a credit line made of a news organisation and an edit stamp ('NOS NewsAmended').

    Conservative: the name must contain a news word (News, Times, Press, ...) and be
    1-5 capitalised words; anything else returns None.
    """
    text = line.strip()
    for stamp in EDIT_STAMPS:
        if text.endswith(stamp) and len(text) > len(stamp):
            name = text[: -len(stamp)].strip(" -|·•")
            words = name.split()
            if (1 <= len(words) <= 5 and all(w[0].isupper() for w in words)
                    and any(w.lower() in NEWS_ORG_WORDS for w in words)):
                return name
    return None


def is_edit_stamp(line: str) -> bool:
    """A short credit line ending in an edit stamp glued to a name ('NOS NewsAmended', 'CNNUpdated')."""
    text = line.strip()
    return len(text.split()) <= 6 and any(
        text.endswith(s) and len(text) > len(s) and text[-len(s) - 1].isalpha() for s in EDIT_STAMPS)


# --- merging -------------------------------------------------------------------------------


def apply_metadata(article: Article, *sources: TextMeta) -> Article:
    """Fill the article's empty metadata fields from `sources`, strongest first; normalise `published`.

    Fields already set (from the input itself) are never overwritten. A `published`
    value that is not ISO is normalised; one that cannot be read moves to
    `extra["published_raw"]` so that `published` is always ISO-8601 or None.
    """
    for meta in sources:
        for name in ("title", "author", "outlet", "published"):
            if getattr(article, name) in (None, "") and getattr(meta, name):
                setattr(article, name, getattr(meta, name))
    if article.published:
        iso = normalise_date(article.published)
        if iso is None:
            article.extra["published_raw"] = article.published
        article.published = iso
    else:
        article.published = None  # an empty string given as the date means no date, like a missing one
    return article
