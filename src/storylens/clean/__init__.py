"""Clean stage: raw content → clean text, the `removed` junk, and metadata.

`clean_article` works on both kinds of raw input:
- HTML (`raw_format == "html"`): `clean.html.extract_html` finds the main text and the
  page metadata; the boilerplate filter then runs on that text, because extractors
  let some chrome through (share prompts, teaser lists, credits);
- plain text scraped with its page chrome: the boilerplate filter alone.

Text that was tokenised and joined with spaces ("4. 6", "a. m.", "U. S.") gets its spaces taken out first
(`clean.spacing`). Metadata precedence: the input's own fields (JSONL) > HTML metadata > lines of the text, but a
date given up to a month after the one in the page's address is read as a later stamp: the address's day wins.
`article.text` is the clean text, one paragraph per block, blocks separated by a blank
line; `article.removed` lists every piece cut from the text, verbatim, in order.
"""

from __future__ import annotations

import re
from datetime import date

from storylens.clean.boilerplate import Cleaned, clean_text
from storylens.clean.metadata import (
    TextMeta,
    apply_metadata,
    caption_date,
    parse_dateline,
    post_date,
    text_stamp_date,
    url_date,
)
from storylens.clean.spacing import repair_spacing
from storylens.models import Article
from storylens.text import without_dateline

# A dateline's place before a date: "INDONESIA, ", "JAKARTA, Indonesia, ".
_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?,)?\s+(?=\S)")
# How many days after the address's date a given date may fall and still be read as a later stamp on that page.
_LATER_GIVEN_DAYS = 30


def _days_after(earlier: str, later: str) -> int:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0


def clean_article(article: Article) -> Article:
    """Fill `text`, `removed` and the metadata an article's raw content gives. Returns the same object."""
    html_meta = TextMeta()
    source = article.raw
    # a title given as a time stamp ("16 September 2013 Last updated at 12: 42 GMT"), or as a dateline: a place in
    # capitals and a date ("INDONESIA, July 2, 2013", an ECB+ page's in QA round 28)
    stamp = parse_dateline(_DATELINE_PLACE.sub("", article.title)) if article.title else None
    if stamp is not None:
        # the page's date, not its headline, which the text then gives
        article.title = None
        if not article.published and stamp[0]:
            article.published = stamp[0]
    if article.raw_format == "html":
        from storylens.clean.html import extract_html

        extract = extract_html(article.raw, article.url)
        source = extract.text or ""
        html_meta = TextMeta(title=extract.title, author=extract.author, outlet=extract.outlet,
                             published=extract.published)
        article.removed.extend(extract.removed)
        article.url = article.url or extract.url
        article.language = article.language or extract.language
    cleaned: Cleaned = clean_text(repair_spacing(source), title_hint=article.title or html_meta.title,
                                  html=article.raw_format == "html")
    article.text = cleaned.text
    article.removed.extend(cleaned.removed)
    apply_metadata(article, html_meta, cleaned.meta)
    address = url_date(article.url)  # ".../2021/10/04/what-we-know/": the page's own address
    if not article.published:
        article.published = address
    elif address and _days_after(address, article.published) in range(1, _LATER_GIVEN_DAYS + 1):
        # a date given days after the one in the page's address is when it was collected or updated (a NeuS event's
        # date, the day after CNN's ".../2021/09/29/..." page): the page was written on its address's day, and its
        # "yesterday" and "on Wednesday" are read against it (QA round 27)
        article.extra["published_given"] = article.published
        article.published = address
    elif address and (page := cleaned.meta.published or html_meta.published) and article.published[:10] == address[:10] \
            and page[:10] < address[:10]:
        # a date given that is only its page's address's day is later than the page's own stamp ("Published: July 29,
        # 2004" on a Washington Post page at ".../2012/05/31/...", a site move: a QA source of round 33 was read as
        # of 2012): the page's stamp is when it was written
        article.extra["published_given"] = article.published
        article.extra["published_by"] = "page"
        article.published = page
    elif address and (page := cleaned.meta.published or html_meta.published) and page[:10] == address[:10] \
            and page[:10] < article.published[:10]:
        # the page's own stamp and its address agree on a day before the one given, however long before
        # ("PUBLISHED FEBRUARY 23, 2021:" at ".../factchecks/2021/feb/23/...", given with a July event: QA round 45
        # read its February vote as July news): the day given is when it was collected
        article.extra["published_given"] = article.published
        article.extra["published_by"] = "page and address"
        article.published = page
    if not article.published:
        dated = caption_date(article.removed, text=article.text)
        if dated:
            # a page with no date of its own is dated by its photo captions (the brief's notices say so): without
            # any date, no "on Monday" or "last week" of the story can be placed
            article.published = dated
            article.extra["published_from"] = "caption"
    if not article.published:
        dated = post_date([article.text, *article.removed])
        if dated:
            article.published = dated  # marked like a caption's date: a guess, its relative days approximate
            article.extra["published_from"] = "post"
    if not article.published:
        dated = text_stamp_date(article.text)
        if dated:
            article.published = dated  # (a stamp run into the text may be a neighbouring video's: approximate too)
            article.extra["published_from"] = "stamp"
    if article.title:
        article.title = _GLUED_DATE.sub("", repair_spacing(article.title)) or article.title
        # a wire's live page titled by its first line: "WASHINGTON (AP) — The Latest on the probe ... (all times
        # local):" (a QA brief of round 36 was titled so)
        article.title = _TIMES_LOCAL.sub("", without_dateline(article.title)).strip() or article.title
    return article


# A page's date run into the end of its headline by a scrape: "... IN RICHMOND HILL, QUEENS DA SAYSSEPTEMBER 19, 2013"
# (a month glued to the word before it, then a day and a year, at the very end).
_GLUED_DATE = re.compile(r"(?<=[A-Za-z])(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
                         r"DECEMBER|January|February|March|April|June|July|August|September|October|November|December)"
                         r" \d{1,2}, \d{4}\s*$")


_TIMES_LOCAL = re.compile(r"\s*\(all times [A-Za-z ]{2,20}\)\s*:?\s*$", re.IGNORECASE)


__all__ = ["clean_article", "clean_text"]
