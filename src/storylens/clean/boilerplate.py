"""Boilerplate filter: keep the reporting of a scraped article, cut the page chrome around it.

The text is split into units (lines, see `units.py`), and each unit gets a label from
rules on generic features — a lexicon of web-interface phrases, sentence-final
punctuation, length, bullets, bracketed tags, hashtags, date/byline shapes — then from
its context (what opens a teaser list, what sits before the first or after the last
paragraph of reporting). Finally, junk glued to the end of a kept paragraph (a "See
also ..." teaser, a "Photo: X / AFP" credit) is cut at the sentence boundary.

Decisions:
- Plain text: subheadings, captions and other short lines that are not sentences
  ("Defense cooperation") are not reporting: they are removed, like all chrome, and
  listed in `removed`. A line without final punctuation is kept when it is long (over
  `MAX_HEADING_WORDS` words), since that is prose missing its full stop.
- Text extracted from HTML (`html=True`): the extractor already knows the page
  structure, so the subheadings, list items and table rows it kept stay; the filter
  only cuts what reads as chrome (interface phrases, teaser and credit markers, date
  stamps and bylines, notices, teaser lists, the tail after "Related"/"Comments").
- The lexicon is English: notices (which need English words to be recognised) are only
  looked for in text that reads as English, and the structural rules alone apply to
  other languages.
- Nothing is dropped silently: every unit or piece that is not kept is returned in
  `removed`, verbatim, in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from storylens.clean.lexicon import (
    ATTRIBUTION,
    READER_ADDRESS,
    ascii_quotes,
    is_call_to_action,
    is_line_chrome,
    is_player_chrome,
    looks_english,
    marker_at,
    notice_score,
)
from storylens.clean.metadata import (
    TextMeta,
    is_edit_stamp,
    parse_byline,
    parse_dateline,
    parse_edit_stamp,
    split_headline_run,
    split_leading_date,
    split_titled_stamps,
)
from storylens.clean.units import (
    HIGHLIGHTS,
    INLINE_CREDIT,
    MAX_CREDIT_WORDS,
    MAX_TEASER_WORDS,
    Unit,
    cut_byline_head,
    cut_credit_head,
    cut_glued_tail,
    cut_highlights_head,
    cut_label_head,
    cut_media_head,
    cut_mid_chrome,
    cut_mid_credits,
    cut_player_prompts,
    cut_pronunciations,
    cut_ticker_chips,
    cut_widget_head,
    ends_sentence,
    highlights_end,
    sentence_ends,
    split_units,
)

MAX_HEADING_WORDS = 20
# A title followed by a byline or date may end with a full stop; longer lines are a lead.
MAX_TITLE_WORDS = 25
# Below this share of the reporting before it, what follows a "Related"/"Comments" header is page tail.
TAIL_BODY_RATIO = 0.25

_KEPT = "body"
# A headline that is the item's only text is kept as its text from this many words (a sentence, not a label).
MIN_LONE_WORDS = 8
_TAG_END = re.compile(r"\[\s*[A-Z][A-Za-z ]{1,25}\s*\]\s*$")
_BREADCRUMB_SEP = re.compile(r"\s*(?:»|›|>|&gt;|/|\|)\s*")
_BREADCRUMB = re.compile(r"^(?:home|homepage|start|front page|news)\s*(?:»|›|>|&gt;|/|\|)\s*\S", re.IGNORECASE)
_NAME_AGENCY = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s?/\s?[A-Z][\w&.' -]{1,30}$")
_CREDIT_LINE = re.compile(
    r"^\(?(?:with (?:information|reporting|additional reporting|files) from|(?:additional )?reporting by|editing by"
    r"|edited by|compiled by|writing by|contributing:|contributors?:)", re.IGNORECASE)
# Where the story first ran, at its foot: "Originally published on Live Science." (it stayed in a QA source's text),
# "This story was first reported by cbs4." (a QA claim of round 34)
_FIRST_RAN = re.compile(r"^(?:This (?:article|story|post) (?:was )?)?(?:originally|first) (?:published|appeared|posted|reported) "
                        r"(?:on|in|at|by) [^.!?]{2,60}[.!]?$", re.IGNORECASE)
# ("Nathaniel Popper contributed reporting." (QA round 32); "... contributed to this report, as well as Sun reporters
# Will D'Urso, Ron Sylvester and Tovin Lapan.", "... contributed to this report from Niamey, Niger." (QA round 37))
_CONTRIBUTED = re.compile(r"\bcontributed (?:to this (?:report|story|article)|(?:additional )?reporting)(?: from [^.]{2,40})?"
                          r"(?:,?\s+as\s+(?:well\s+as|did)\s+[^!?]{2,160}?)?\W*$", re.IGNORECASE)
# A correspondent's credit at a story's foot: "Bacon reported from McLean, Va.", "Smith and Jones reported from Kabul."
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
_REPORTED_FROM = re.compile(rf"^{_NAME}(?:(?:,| and| &) {_NAME})* reported from {_NAME}(?:, {_NAME})*\.?$")
# The writer's note at a story's foot: "Linda Stansberry is a staff writer at the Journal. Reach her at 442-1400,
# extension 317, or linda@northcoastjournal.com." (QA round 15 found it as claims): who the writer is, with a way to
# reach them (an e-mail address, a phone number or a handle); without one, "... is a reporter for the Times" may be news.
_WRITER_NOTE = re.compile(rf"^{_NAME} (?:is|was) (?:a|an|the) (?:[\w-]+ ){{0,4}}(?:writer|reporter|editor|"
                          r"correspondent|columnist|journalist|contributor|producer|intern)\b")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\(?\b\d{3}\)?[-. ]\d{3}-\d{4}\b|\b\d{3}-\d{4}\b|(?<!\w)@\w{2,}")
MAX_WRITER_NOTE_WORDS = 60
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
# A picture's label and credit as scraped from the page ("Image copyright Getty Images", "Image caption The
# train ...", "Getty Images Elon Musk"): a label opens the line; an agency name marks a short line that is no sentence.
_PHOTO_LABEL = re.compile(r"(?:image|media|photo|picture) (?:copyright|caption|source|credit)\b|"
                          r"media playback is (?:unsupported|not supported) on your device", re.IGNORECASE)
# A short heading may run into the label ("Mali troop mutiny Image copyright ORTMTV Image caption ..."), written
# as the page writes it (prose would say "the image caption had been changed").
_PAGE_LABEL = re.compile(r"\b(?:Image|Media|Photo|Picture) (?:copyright|caption|source|credit)\b")
MAX_LABEL_LEAD_WORDS = 8
# A caption opening on its share bar ("Facebook Twitter Pinterest Some of the flint arrowheads ... Photograph:
# Kevin Standage"), opening on its credit ("Bill Ingalls/NASA A supermoon behind the Capitol ...") or closing on
# it ("... Photograph: Kevin Standage", "... (Associated Press)", "... (AP Photo/Baba Ahmed)").
_SHARE_BAR_OPEN = re.compile(r"^(?:Facebook|Twitter|Pinterest|Email|WhatsApp|LinkedIn)"
                             r"(?: (?:Facebook|Twitter|Pinterest|Email|WhatsApp|LinkedIn)){1,5} (?=[A-Z\"“])")
_CREDIT_OPEN = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}/[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2} (?=[A-Z])")
_CREDIT_END = re.compile(r"(?:\bPhotograph: [A-Z][^.()]{0,60}|\((?:AP Photo\b[^()]{0,60}|Associated Press|AFP|Reuters)\))"
                         r"\s*$"
                         # a photographer and agency: "(Valerie Macon/Getty Images)", "(RW3/Rachel Worth / WENN)"
                         r"|\([A-Z][^()/]{1,40}/\s?[A-Z][^()]{1,50}\)\s*$")
_AGENCY = re.compile(r"\b(?:Getty Images|Shutterstock|AP Photo|AFP Photo|Alamy|PA Images|PA Wire|EPA-EFE)\b")
MIN_GALLERY_CREDITS = 3
# An embedded video's caption on local-TV sites ("EMBED More News Videos Cosby spends first night in prison:
# Vernon Odom reports ...", or after a player's close button: "CLOSE Ariel Winter is tired of being told what to
# wear. USA TODAY") and a photo caption ending on its share button ("... — Hayne Palmour IV Share Photo").
_VIDEO_EMBED = re.compile(r"^(?:EMBED\b|More (?:News )?Videos\b|CLOSE (?=[A-Z\"“]))")
# (the button may end on its icon, a glyph of the icon font's private range: "... — NIAID Share Photo \uf610")
_SHARE_PHOTO_END = re.compile(r"\bShare (?:Photo|Image)[\s\ue000-\uf8ff]*$")
# A share button's copy of the caption, opening on its icon: "✉ Scanning electron micrograph of ... / NIAID".
_ICON_OPEN = re.compile(r"^[\u2709\ue000-\uf8ff]")
# A newspaper group's photo caption opening on its sales button: "Buy Photo Workers cover up the name ... (Photo:
# Andrew Nelles / The Tennessean)Buy Photo Story Highlights ..." (it had titled a brief).
_BUY_PHOTO_OPEN = re.compile(r"^Buy Photo (?=[A-Z\"“])")
# A gallery's caption opening on its button: "View Images Originally Earth and Mars had identical proportions ..."
# (National Geographic; it reached a QA summary and made "View Images Originally Earth" an organisation).
_VIEW_OPEN = re.compile(r"^View (?:Images|Photos|Gallery|Slideshow|Larger Image) (?=[A-Z\"“])")
# A local station's video caption: "... Kim Tobin reports for the NBC4 News at 5 on Saturday, Aug. 11, 2018.
# (Published Saturday, Aug. 11, 2018)" (it had reached a timeline as an event).
_VIDEO_CAPTION = re.compile(r"\(Published [^()]{4,40}\)\s*$|\breports (?:for|during|on) (?:the )?(?:[A-Z0-9][\w-]* ){1,3}"
                            r"at \d")
# A wire photo's caption: "FILE - In this Aug. 11, 2015 file photo, actress Laverne Cox attends ...", "In this
# photo taken Sept. 3, ...", "This image provided by NASA shows ..." (a summary had quoted one), and an image
# viewer's: "Enlarge Image Close Associated Press A rocket is launched Thursday by militants ..." (a conflict had).
_HASHTAG = re.compile(r"#[^\W\d_]\w*")
_HASHTAG_OPEN = re.compile(r"^#[^\W\d_]\w*")
MAX_CAPTION_WORDS = 60  # longer, the caption runs into the story (text with no paragraph breaks): kept
_WIRE_CAPTION = re.compile(
    r"^(?:Enlarge (?:Image|Photo)\b|(?:FILE\s*[-–—]\s*)?(?:In this (?:[^;:]{0,50}?\s)?(?:photo|picture|image|frame grab|video grab)\b|"
    r"This (?:photo|picture|image|frame grab) (?:provided|released|taken|made available|obtained)\b)"
    r"|FILE\s*[-–—]\s*This (?:[^;:]{0,50}?\s)?(?:photo|picture|image)\b)")
# Where a wire caption ends: its credit ("... (Associated Press)", "(AP Photo/Mark Humphrey, File)"). A page may run
# several captions into one paragraph, longer than any one caption: "FILE - This Sept. 30, 2003, file photo, shows
# ... (Associated Press) FILE - This Sept. 30, 2003, file photo, ..." (a QA summary quoted it).
_WIRE_CREDIT = re.compile(r"\((?:Associated Press|AP|Reuters|AFP|(?:AP|AFP) Photo\b[^()]{0,60})\)")
_TAIL_HEADER = re.compile(
    r"you (?:may|might|will) also|related|latest|more (?:from|on|news|stories)|read next|up next|comments?"
    r"|leave a|share|recommended|most (?:read|popular)|popular|trending|newsletter|sign ?up|subscribe"
    r"|don't miss|see also|read more|also read|editor's pick", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•·▪►▸‣◦■*]\s")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_WH_START = re.compile(r"^(?:what|how|why|who|when|where|which)\b", re.IGNORECASE)
# The speaker of the quotation above, on a line of its own: '"While you were chairman ..."' / "- Steve Carell".
_QUOTE_CREDIT = re.compile(r"^[-–—]\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}$")
# The speaker of the paragraph below, in an oral history or a panel transcript: "JUDD APATOW (stand-up comic,
# writer):", "Jon Stewart (The Daily Show host, 1999-2015):". Removed, the words below read as the previous
# speaker's. (The role in brackets tells it from a box's label: "Related Stories:", "Share This:".)
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][\w.'’\-]*\s+){0,4}[A-Z][\w.'’\-]*\s*\([^()]{2,160}\)\s*:$")
# A speaker's lead-in on a line of its own, over the words it introduces: "She said," (cut as a heading, the words
# below read as the writer's in QA round 37).
_SAYS_LEAD = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|told\s+\S+|wrote|writes|added|explained)\s*[,:]$")
# An embedded Instagram post's foot: "😘 A post shared by ARIEL WINTER (@arielwinter) on May 4, 2017 at 5:57pm PDT"
# (QA round 37).
_POST_SHARED = re.compile(r"\bA (?:post|photo|video) shared by\b[^\n]{0,80}?\bon\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}")
# An embedded tweet, signed at its end: "... victims of "a sex war." pic.twitter.com/jRHOjzUZD7 — Aaron Rupar
# (@atrupar) September 25, 2018" (QA round 39: it stayed in a source's text and made a corroborated claim)
_POST_SIGNED_END = re.compile(r"[—–-]{1,2}\s*[^\n()—–]{1,60}\(@\w{1,15}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$")
_BARE_NUMBER = re.compile(r"^\W*\d+\W*$")
# Every byline has a "by" or "author" part; other lines need not go through the byline (and date) parser.
_BYLINE_HINT = re.compile(r"\b(?:by|author)\b", re.IGNORECASE)
# A blog post's stamp: "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September
# 18, 2013." (it had reached a timeline and a dispute of dates), "Posted on June 2, 2014 by ...", "Filed under: Crime".
_POST_STAMP = re.compile(r"^(?:On behalf of [^\n]{2,80}?\s)?(?:posted|filed)\s+(?:in|on|under|by|at)\b", re.IGNORECASE)
MAX_STAMP_WORDS = 25
_STAMP_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass
class Cleaned:
    """The filter's output: kept paragraphs, removed pieces (verbatim, in order) and metadata found."""

    paragraphs: list[str]
    removed: list[str]
    meta: TextMeta = field(default_factory=TextMeta)
    units: list[Unit] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_text(raw: str, title_hint: str | None = None, *, html: bool = False) -> Cleaned:
    """Filter page chrome out of scraped article text and collect the metadata lines it finds.

    `title_hint` is a title known from elsewhere (HTML metadata): a line repeating it is
    recognised as the headline. `html=True` is for text an HTML extractor produced: its
    headings and list items are kept (see the module docstring).
    """
    meta = TextMeta()
    units = split_units(raw, unwrap=not html)
    if not html:
        units = _split_glued_header(units)
    english = looks_english(raw)
    for unit in units:
        if not unit.label:
            unit.label, unit.reason = _intrinsic(unit.text, english)
    _mark_teaser_lists(units)
    _mark_highlights(units)
    _mark_captions(units)
    if not html:
        _mark_prose(units)
    _mark_header(units, title_hint, html)
    _mark_tail(units)
    _keep_lone_headline(units)
    for unit in units:
        if unit.label == "short":
            unit.label, unit.reason = (_KEPT, "heading or list item kept by the extractor") if html else (
                "heading", "not a sentence: heading, caption or label")
    _collect_meta(units, meta)
    paragraphs, removed = _assemble(units)
    return Cleaned(paragraphs=paragraphs, removed=removed, meta=meta, units=units)


# --- labels from the unit alone ------------------------------------------------------------


def _tweet_with_signature(text: str) -> bool:
    """A tweet's words and its signature in one paragraph. A signature on a line of its own ("— The Nigerian Senate
    (@NGRSenate) October 9, 2018") stays: extraction benchmarks keep an embedded post's lines as the page's text, and
    the timeline already reads it as no event."""
    m = _POST_SIGNED_END.search(text)
    return m is not None and len(text[:m.start()].split()) >= 5


def _intrinsic(text: str, english: bool = True) -> tuple[str, str]:
    """(label, reason) from the unit's own features; notices are only looked for in English text."""
    words = text.split()
    if not re.search(r"[^\W_]", text):
        return "chrome", "no letters or digits (a rule or ornament)"
    if is_line_chrome(text):
        return "chrome", "web interface phrase"
    if is_player_chrome(text):
        return "chrome", "video player or gallery controls"
    marker = marker_at(text)
    if marker:
        if marker[0] == "credit":
            return "credit", "photo/source credit"
        rest = ascii_quotes(text)[len(marker[1]):].strip(" :.…|»>-")
        return "teaser", "teaser header" if not rest else "teaser link"
    if _TAG_END.search(text) and not ends_sentence(_TAG_END.sub("", text)):
        return "teaser", "headline with a [TAG]"
    hashtags = sum(1 for w in words if w.startswith("#") and len(w) > 1) if "#" in text else 0
    if hashtags >= 2 and hashtags >= 0.5 * len(words):
        return "chrome", "hashtags"
    if hashtags and _HASHTAG_OPEN.match(text) and len(_HASHTAG.findall(text)) >= 3 and len(words) <= MAX_CAPTION_WORDS:
        # an embedded post's text: "#breaking A horror film come to life in #lancaster after ... supermarket.#lasd
        # detectives ..."; prose may open on one ("#MeToo posts spread ..."), not on one of three
        return "chrome", "social media post"
    if (_POST_SHARED.search(text) or _tweet_with_signature(text)) and len(words) <= MAX_CAPTION_WORDS:
        return "chrome", "embedded social media post"
    if _BREADCRUMB.match(ascii_quotes(text)):
        return "chrome", "breadcrumb"
    # A bare number (a list or table cell) is never a date stamp; skip the costly date parser.
    stamp = None if _BARE_NUMBER.match(text) else parse_dateline(text)
    if stamp is not None:
        return "date", "date stamp"
    if _BYLINE_HINT.search(text) and parse_byline(text) is not None:
        return "byline", "byline"
    if _POST_STAMP.match(text) and len(words) <= MAX_STAMP_WORDS and _STAMP_YEAR.search(text):
        return "credit", "post stamp"  # with its year: "Posted in the town square on Monday, ..." is a report
    if (is_edit_stamp(text) or _NAME_AGENCY.match(text) or _CREDIT_LINE.match(text) or _REPORTED_FROM.match(text)
            or _FIRST_RAN.match(text)
            or (len(words) <= MAX_TEASER_WORDS and _CONTRIBUTED.search(text))):
        return "credit", "credit line"
    if len(words) <= MAX_WRITER_NOTE_WORDS and _WRITER_NOTE.match(text) and _CONTACT.search(text):
        return "credit", "the writer's note"
    if _COPYRIGHT.match(text):
        return "chrome", "copyright line"
    if _VIDEO_EMBED.match(text) or (_VIDEO_CAPTION.search(text) and len(words) <= MAX_CAPTION_WORDS):
        return "credit", "embedded video caption"
    if _SHARE_PHOTO_END.search(text) or _BUY_PHOTO_OPEN.match(text) or (
            _VIEW_OPEN.match(text) and len(words) <= MAX_CAPTION_WORDS) or (
            _WIRE_CAPTION.match(text) and len(words) <= MAX_CAPTION_WORDS) or _wire_captions(text):
        return "credit", "photo caption"
    if _ICON_OPEN.match(text):
        return "credit", "a share button's copy of a caption"
    # (a long paragraph the label only opens is a story run into it: `cut_media_head` takes the label off)
    if len(_AGENCY.findall(text)) >= MIN_GALLERY_CREDITS and len(_AGENCY.findall(text)) * 8 >= len(words):
        # a gallery's credits run into one line: "See the Most Memorable On-Screen Couples Columbia Pictures/Getty
        # Images Silver Screen Collection/Archive Photos/Getty Images ... 1 of 30 Close" (QA round 34)
        return "credit", "photo gallery credits"
    if (_PHOTO_LABEL.match(text) and not (len(words) > MAX_CAPTION_WORDS and cut_media_head(text)[1])) or (
            _AGENCY.search(text) and len(words) <= MAX_CREDIT_WORDS and not ends_sentence(text)):
        return "credit", "photo credit or caption"
    if len(words) <= MAX_CAPTION_WORDS and (
            _SHARE_BAR_OPEN.match(text) or _CREDIT_END.search(text) or _CREDIT_OPEN.match(text)
            or ((label := _PAGE_LABEL.search(text)) and len(text[:label.start()].split()) <= MAX_LABEL_LEAD_WORDS)):
        return "credit", "photo caption"
    if english and len(words) <= MAX_CAPTION_WORDS and _ERROR_PAGE.search(text):
        return "notice", "error page"
    if english and len(words) <= MAX_NOTICE_WORDS and _WEB_ARCHIVE.search(text) \
            and len({m.group().lower()[:5] for m in _ARCHIVE_WORK.finditer(text)}) >= 2:  # news of the archive has one
        return "notice", "web archive notice"
    strong, weak = notice_score(text) if english else (0, 0)
    if strong and not ATTRIBUTION.search(text) and (
        (strong + weak >= 2 and READER_ADDRESS.search(text) and len(words) <= 120) or strong + weak >= 4
    ):
        return "notice", "website notice (cookies, consent, newsletter)"
    if english and is_call_to_action(text):
        return "notice", "call to action (follow, contact, subscribe, share)"
    if len(words) > MAX_HEADING_WORDS or ends_sentence(INLINE_CREDIT.sub("", text) if text.endswith(")") else text):
        return _KEPT, ""
    return "short", ""


# A credit or byline line is no headline: "/ Source: TODAY By A. Pawlowski" titled a QA brief (round 12).
_CREDIT_OR_BYLINE = re.compile(r"^\W*(?:source|credit|updated|posted|published)\s*:|^\s*[Bb]y\s+[A-Z]|^\s*/")


def _wire_captions(text: str) -> bool:
    """Wire captions run into one paragraph, each ending on its credit."""
    ends = [m.end() for m in _WIRE_CREDIT.finditer(text)]
    pieces = [p.strip() for a, b in zip([0, *ends], [*ends, len(text)], strict=True) if (p := text[a:b]).strip()]
    return len(pieces) >= 2 and all(_WIRE_CAPTION.match(p) and len(p.split()) <= MAX_CAPTION_WORDS for p in pieces)


def _split_glued_header(units: list[Unit]) -> list[Unit]:
    """Split a date stamp or a 'headline 4:12 PM Section' run glued to the first paragraph."""
    if not units:
        return units
    first = units[0]
    pieces: list[tuple[str, str]] | None = None
    lead = split_leading_date(first.text)
    if lead:
        stamp, _iso, rest = lead
        pieces = [("date", stamp), ("", rest)]
    else:
        run = split_headline_run(first.text) or split_titled_stamps(first.text)
        if run:
            pieces = [(label if label != "body" else "", piece) for label, piece in run]
    if not pieces:
        return units
    split = [Unit(raw=piece, text=piece, block=first.block, label=label,
                  reason={"date": "date stamp", "title": "headline", "chrome": "section label"}.get(label, ""))
             for label, piece in pieces]
    return split + units[1:]


# --- labels from context -------------------------------------------------------------------


def _mark_teaser_lists(units: list[Unit]) -> None:
    """Headlines listed right after a teaser header ("Don't miss...", "Related") in the same block."""
    for i, unit in enumerate(units):
        if not _is_list_header(unit):
            continue
        for nxt in units[i + 1:]:
            if nxt.block != unit.block:
                break
            if nxt.label == _KEPT and len(nxt.text.split()) > 15 and ends_sentence(nxt.text):
                break
            if nxt.label in (_KEPT, "short"):
                nxt.label, nxt.reason = "teaser", "listed under a teaser header"


# What a site serves in place of an article: "Sorry, the page you requested was not found.", "Page not found",
# "404", "We've detected that JavaScript is disabled in your browser."
_ERROR_PAGE = re.compile(
    r"\b(?:page|article|story|content)\s+(?:you\s+(?:requested|are looking for|were looking for)\s+)?"
    r"(?:was|is|could|can)\s*(?:not|n't|no longer)\s+(?:be\s+)?(?:found|available)\b"
    r"|\bpage not found\b|^\W*(?:error\s+)?404\b|\bjavascript is (?:disabled|turned off)\b", re.IGNORECASE)
# A web archive's note on its own crawl, saved with the page it archived ("These crawls are part of an effort to
# archive pages as they are created ... Then the Internet Archive hopes ... Crawls of supported "No More 404" sites."):
# a Multi-News story of two sources had one as its second source (QA round 12).
_WEB_ARCHIVE = re.compile(r"\b(?:Internet Archive|Wayback Machine|archive\.org)\b", re.IGNORECASE)
# ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day,
# these data are added to the Wayback Machine after an embargo period.": the whole of seven Multi-News sources, which
# titled a QA brief of round 28)
# ("WARCZone is a collection of outsider-uploaded WARCs, which are contributed to the Internet Archive but may or may
# not be ingested into the Wayback Machine. ...": a QA source of round 31, counted as an independent source)
_ARCHIVE_WORK = re.compile(r"\bcrawl(?:s|ed|ing|er)?\b|\bbroken links?\b|\bNo More 404\b|\barchived? (?:the )?pages\b"
                           r"|\bembargo period\b|\bWARC(?:s|Zone)?\b|\bingested into\b", re.IGNORECASE)
MAX_NOTICE_WORDS = 200


def _mark_highlights(units: list[Unit]) -> None:
    """A page's highlights box ("Story highlights Hamas' Cabinet headquarters is destroyed, Hamas TV reports",
    then a line per point, none of them a sentence with its full stop): the page's teaser of the story, not its
    reporting (a brief had been titled by it). A box run into the story's own text (a page flattened into one
    paragraph) is cut at the story's dateline when the paragraph is assembled (`cut_highlights_head`); one with
    sentences after it and no dateline stays: all of a CNN story had been cut as its highlights (QA round 14)."""
    for i, unit in enumerate(units):
        if unit.label not in (_KEPT, "short") and _HIGHLIGHTS_INSIDE.search(unit.text):
            _mark_glued_highlights(units[i + 1:])
            return
        if HIGHLIGHTS.match(unit.text) and not ends_sentence(unit.text):
            if highlights_end(unit.text) is not None or sentence_ends(unit.text) >= 2:
                return
            for point in units[i:]:
                if ends_sentence(point.text) or point.label not in (_KEPT, "short"):
                    break
                point.label, point.reason = "teaser", "story highlights"
            return


# A highlights box whose label ends a caption ("... (Photo: Andrew Nelles / The Tennessean)Buy Photo Story Highlights
# Confederate Memorial Hall opened 1935 ..."), its points one short sentence each ("Vanderbilt first sought to change
# the name in 2002."): a QA brief was titled by one and its summary opened on two.
_HIGHLIGHTS_INSIDE = re.compile(r"\bStory Highlights\b(?=[^\n]{0,200}$)", re.IGNORECASE)
MAX_POINTS, MAX_POINT_WORDS = 4, 25


POINT_REPEATED = 0.6  # share of a point's words the story repeats after it


def _mark_glued_highlights(after: list[Unit]) -> None:
    """Mark the short one-sentence paragraphs after such a label whose words the story repeats (a point sums up the
    story; a short paragraph of the story itself after a caption says something new)."""
    for k, point in enumerate(after[:MAX_POINTS]):
        if point.label not in (_KEPT, "short") or len(point.text.split()) > MAX_POINT_WORDS \
                or sentence_ends(point.text) > 0:
            return
        words = _point_words(point.text)
        rest = set().union(*(_point_words(u.text) for u in after[k + 1:]))
        if not words or len(words & rest) < POINT_REPEATED * len(words):
            return
        point.label, point.reason = "teaser", "story highlights"


def _point_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]{4,}", text)}


def _is_list_header(unit: Unit) -> bool:
    """A line that is only a header of links ("You may also like", "Don't miss...", "Related news")."""
    if unit.reason == "teaser header":
        return True
    return unit.reason == "web interface phrase" and bool(_TAIL_HEADER.search(ascii_quotes(unit.text)))


def _mark_captions(units: list[Unit]) -> None:
    """A line directly above a credit line in the same block is a caption."""
    for prev, unit in pairwise(units):
        if unit.label == "credit" and prev.block == unit.block and prev.label in ("short", _KEPT):
            prev.label, prev.reason = "caption", "caption above a credit line"


def _mark_prose(units: list[Unit]) -> None:
    """Short lines that are reporting after all: list items, attributed quotes, prose without a full stop.

    - items right after a paragraph ending with a colon ("... the best defense:"), the
      items of a numbered list inside the article ("1. Ditch the diet"), a speaker's label
      over a paragraph ("JUDD APATOW (stand-up comic, writer, director):") and the credit
      line under a quotation ("- Steve Carell");
    - inside the article (before its last sentence, not bulleted): lines quoting someone
      ('"...," he said'), and after the first line (the headline's place) sentence-case
      lines of ten or more words that do not open like a heading ("What ...", "How ..."), and
      lines of six or more words cut off at a comma, which no headline ends on ("A magnitude 4.6
      earthquake struck Northern California on Thursday morning," had been cut as the headline's
      place when a date stamp came first);
    - and when nothing at all ends like a sentence (a page of bullet points), every line of
      eight or more words.
    """
    body = [i for i, u in enumerate(units) if u.label == _KEPT]
    last = body[-1] if body else len(units)
    numbered = sum(1 for u in units if u.label == "short" and _NUMBERED.match(u.text)) >= 2
    started = False
    after_colon = False
    for i, unit in enumerate(units):
        words = unit.text.split()
        if unit.label == "short":
            capitals = sum(1 for w in words if w[:1].isupper()) / max(len(words), 1)
            # Past the last sentence, or bulleted without a full stop, a line is a teaser headline.
            inside = i < last and not _BULLET.match(unit.text)
            speaker = ((_SPEAKER_LABEL.match(unit.text.strip()) or _SAYS_LEAD.match(unit.text.strip()))
                       and i + 1 < len(units) and units[i + 1].label == _KEPT) or (
                _QUOTE_CREDIT.match(unit.text.strip()) and i > 0 and units[i - 1].label == _KEPT
                and units[i - 1].text.rstrip().endswith(('"', "”")))
            if (after_colon or speaker or (inside and numbered and _NUMBERED.match(unit.text))
                    or (inside and len(words) >= 6 and ATTRIBUTION.search(unit.text))
                    or (inside and started and len(words) >= 10 and capitals < 0.5
                        and not _WH_START.match(unit.text))
                    or (inside and len(words) >= 6 and unit.text.rstrip().endswith(","))
                    or (not body and len(words) >= 8)):
                unit.label, unit.reason = _KEPT, "prose without a full stop"
                continue
        if unit.label == "short":
            started = True
        if unit.label == _KEPT:
            started = True
            after_colon = unit.text.rstrip().endswith(":")
        elif unit.label != "short" or not after_colon:
            after_colon = False


def _first_body(units: list[Unit]) -> int:
    return next((i for i, u in enumerate(units) if u.label == _KEPT), len(units))


# A document's section label heads a part, it is no title ("Abstract" above a paper's summary).
_SECTION_LABEL = re.compile(r"(?:abstract|summary|introduction|overview|background|highlights|key points|contents|"
                            r"table of contents|methods|results|conclusions?|discussion)[:.]?", re.IGNORECASE)


def _mark_header(units: list[Unit], title_hint: str | None, html: bool = False) -> None:
    """Title and kickers before the first paragraph of reporting; repeated headlines anywhere.

    In HTML mode only lines repeating the known title go: the extractor has already taken
    the headline and kicker off, so short lines at the top are the article's own.
    """
    crumb = next((u for u in units if u.reason == "breadcrumb"), None)
    hints = {_key(title_hint)} if title_hint else set()
    if crumb:
        hints.add(_key(_BREADCRUMB_SEP.split(crumb.text)[-1]))
    hints.discard("")
    has_title = any(u.label == "title" for u in units)
    start = _first_body(units)
    for i, unit in enumerate(units):
        if unit.label in ("short", _KEPT) and _key(unit.text) in hints:
            if unit.label == _KEPT and not has_title and _is_lead_sentence(unit.text):
                continue  # a title given as the lead's copy (a feed's, a corpus's): the lead is the article's text
            unit.label, unit.reason = ("chrome", "repeated headline") if has_title else ("title", "headline")
            has_title = True
        elif i < start and unit.label == "short" and not html:
            # A line with no capital letter ("gungate") is a tag or kicker: headlines are capitalised; one ending
            # in a separator ("CHRISTCHURCH, New Zealand |") is a cut dateline or breadcrumb.
            if not has_title and any(c.isupper() for c in unit.text) and not unit.text.rstrip().endswith(
                    ("|", "•", "·", "»", "›")) and not _DECORATED.search(unit.text) \
                    and not _SECTION_LABEL.fullmatch(unit.text.strip()) and not _CREDIT_OR_BYLINE.search(unit.text):
                unit.label, unit.reason, has_title = "title", "headline", True
            else:
                unit.label, unit.reason = "heading", "kicker or caption above the article"
    start = _first_body(units)
    if not html and not has_title and start < len(units) and _is_titled_lead(units, start):
        units[start].label, units[start].reason = "title", "headline above the byline"
        has_title = True
    title = next((_key(u.text) for u in units if u.label == "title"), None)
    for unit in units:
        if unit.label in ("short", _KEPT) and title and _key(unit.text) == title:
            unit.label, unit.reason = "chrome", "repeated headline"


# A headline is seldom a sentence this long with a full stop: a title that repeats one copies the article's lead
# (ECB+ gives its older articles' first sentence as their title; QA round 18 found every such lead cut as a headline).
MIN_LEAD_TITLE_WORDS = 12


def _is_lead_sentence(text: str) -> bool:
    return len(text.split()) >= MIN_LEAD_TITLE_WORDS and text.rstrip().endswith(".")


def _keep_lone_headline(units: list[Unit]) -> None:
    """A one-sentence item whose title repeats its only sentence (wire briefs, feed items): that sentence is
    the article, not a headline above nothing."""
    if any(u.label == _KEPT for u in units):
        return
    lone = [u for u in units if u.label in ("title", "chrome") and u.reason in ("headline", "repeated headline")]
    if len(lone) == 1 and len(lone[0].text.split()) >= MIN_LONE_WORDS and ends_sentence(lone[0].text):
        lone[0].label, lone[0].reason = _KEPT, "the only sentence, repeated as the title"


def _is_titled_lead(units: list[Unit], i: int) -> bool:
    """A short first sentence directly followed by a byline or date stamp is the headline."""
    if len(units[i].text.split()) > MAX_TITLE_WORDS:
        return False
    following = [u for u in units[i + 1:] if u.label not in ("chrome", "credit", "notice")][:2]
    return any(u.label in ("byline", "date") for u in following)


def _mark_tail(units: list[Unit]) -> None:
    """Cut everything after a tail header ('You may also like', 'Comments') when little reporting follows."""
    words = [len(u.text.split()) if u.label == _KEPT else 0 for u in units]
    total = sum(words)
    before = 0
    for i, unit in enumerate(units):
        before += words[i]
        if before and _is_list_header(unit):
            after = total - before
            if after < TAIL_BODY_RATIO * before:
                for nxt in units[i + 1:]:
                    if nxt.label in (_KEPT, "short"):
                        nxt.label, nxt.reason = "chrome", "after the end of the article"
                return


# A line set off by rows of asterisks or hashes ("*** Join it LIVE here ! ***") is a promo, not a headline.
_DECORATED = re.compile(r"^\s*[*#=~_]{2,}|[*#=~_]{2,}\s*$")


def _key(text: str | None) -> str:
    return re.sub(r"\W+", " ", ascii_quotes(text or "")).strip().lower()


# --- metadata and output -------------------------------------------------------------------


def _collect_meta(units: list[Unit], meta: TextMeta) -> None:
    for unit in units:
        if unit.label == "title" and meta.title is None:
            # A headline's full stop is layout, not part of the title ("?" and "!" are kept), and so is a list's
            # bullet before a wire's highlight taken for it ("* Top investigator put on leave ...": QA round 42)
            meta.title = re.sub(r"(?<!\.)\.$", "", re.sub(r"^[*•▪·]\s+", "", unit.text.strip()))
        elif unit.label == "byline":
            parsed = parse_byline(unit.text)
            if parsed:
                meta.author = meta.author or parsed[0]
                meta.published = meta.published or parsed[1]
        elif unit.label == "date":
            stamp = parse_dateline(unit.text) or _leading_stamp(unit.text)
            if stamp and stamp[0]:
                if stamp[1]:
                    meta.updated = meta.updated or stamp[0]
                else:
                    meta.published = meta.published or stamp[0]
        elif unit.label == "credit" and meta.outlet is None:
            meta.outlet = parse_edit_stamp(unit.text)
    meta.published = meta.published or meta.updated


def _leading_stamp(text: str) -> tuple[str, bool] | None:
    lead = split_leading_date(text + " X")
    return (lead[1], False) if lead else None


def _assemble(units: list[Unit]) -> tuple[list[str], list[str]]:
    paragraphs: list[str] = []
    removed: list[str] = []
    for unit in units:
        if unit.label != _KEPT:
            removed.append(unit.raw)
            continue
        kept, widget = cut_widget_head(unit.text)
        if widget:
            removed.append(widget)
            # a gallery repeats the lead it sits under: "<lead> ... BACK TO SLIDE <lead> <more>"
            again = next((p for p in paragraphs if len(p.split()) >= 8 and kept.startswith(p + " ")), None)
            if again:
                kept = kept[len(again):].strip()
                removed.append(again)  # every word of the page is kept or listed as removed
        kept, highlights = cut_highlights_head(kept)
        kept, credit = cut_credit_head(kept)
        kept, byline = cut_byline_head(kept)
        kept, label = cut_label_head(kept)
        kept, media = cut_media_head(kept)
        removed.extend(piece for piece in (highlights, credit, byline, label, media) if piece)
        kept, cut = cut_glued_tail(kept)
        kept, chips = cut_ticker_chips(kept)
        kept, guides = cut_pronunciations(kept)
        kept, prompts = cut_player_prompts(kept)
        kept, markers = cut_mid_chrome(kept)
        kept, credits = cut_mid_credits(kept)
        if kept:
            paragraphs.append(kept)
        removed.extend(chips + guides + prompts + markers + credits)
        if cut:
            removed.append(cut)
    return paragraphs, removed
