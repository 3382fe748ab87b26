"""A generic lexicon of web-page chrome: the phrases sites put around an article.

These are the words of website interfaces (sharing, comments, cookies, newsletters,
teaser lists), not of any particular story. Every pattern is matched against a line
whose apostrophes and quotes were normalised to ASCII and whose case was folded.
"""

from __future__ import annotations

import re

# A whole line that is nothing but interface text.
_LINE_PHRASES = r"""
advertisements?|ads?|ad feedback|sponsored(?: content| links?)?|promoted(?: content)?|paid (?:post|content)
|(?:advertisement )?(?:story|article) continues? below(?: advertisement)?|continue reading(?: the main story)?
|(?:advertisement )+continue reading the main story|skip (?:to )?(?:main )?content|skip advertisement
|share(?: this| the)?(?: article| story| post| page| video)?|share (?:on|via|to) [\w ]{2,20}|share on more(?: share on more)*
|tweet(?: this)?|e-?mail|print(?: this)?(?: article| page)?|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram
|instagram|youtube|flipboard|pocket|copy link|link copied|play facebook|play twitter|tweet with a location
|(?:leave|post|add|write) a (?:comment|reply)|comments?|\d+ comments?|no comments?(?: yet)?|(?:view|show|hide) comments
|join the (?:conversation|discussion)|be the first to comment|(?:comments are|commenting is) closed
|you (?:may|might|will) also (?:like|be interested in|enjoy)|we recommend|recommended(?: for you)?|read next|up next
|(?:related|recommended|more|latest|top|trending|popular|most read|most popular|editor's picks?|featured)
(?: news| articles?| stories| posts| videos?| reads| content| coverage| topics| links| headlines)?
|more from [\w .'&-]{2,40}|more on (?:this|that)(?: story| topic)?|see all(?: [\w ]{1,30})?|view all|show more|load more
|sign ?up|sign ?in|log ?in|log ?out|register|subscribe(?: now| today)?|newsletter|menu|search|close|back to top
|next(?: article| story)?|previous(?: article| story)?|loading|(?:privacy|cookie)s?(?: (?:&|and) cookies?)? (?:policy|settings|notice)
|privacy|terms (?:of use|of service|and conditions)|all rights reserved|manage (?:cookies|preferences|consent)
|accept(?: all)?(?: cookies)?|reject all|got it|ok|listen(?: to (?:this|the) (?:article|story))?|\d+ min(?:ute)?s? read
|image \d+ of \d+|\d+ of \d+|click to (?:enlarge|expand)|toggle caption|hide caption|enlarge this image|photos?|videos?|watch
|gallery|(?:open|view) gallery|read (?:the )?full (?:article|story)|source: read (?:the )?full (?:article|story)
|article excerpt|now playing|watch now|play video|replay|advertisement -?\s*spot_img(?:spot_img)*|-?\s*advertisement\s*-?(?:spot_img)*
"""
_PHRASE = r"(?:" + "".join(_LINE_PHRASES.split("\n")) + r")"
# One phrase, or several run together ("Advertisement Advertisement", "Share Tweet Email").
LINE_CHROME = re.compile(_PHRASE + r"(?:[\s:.!…|/-]+" + _PHRASE + r")*[\s:.!…-]*", re.IGNORECASE)

# Markers that open a teaser or a credit: the rest of the line (or of the paragraph,
# when it follows the end of a sentence) is not reporting. Regex fragments.
TEASER_MARKERS = [
    "read more", "see also", "also read", "read also", "also see", "related", "recommended", "don't miss",
    "do not miss", "must read", "editor's picks?", "more", "watch", "watch now", "trending", "click here",
    "tap here", "follow us", r"follow @\w+", "download (?:our|the) app", "sign up (?:for|to)",
    "subscribe (?:to|for)", "join (?:us|our)", r"get (?:our|the) [\w ]{0,30}newsletter", "more from",
]
CREDIT_MARKERS = [
    "photos?", "photograph", "images?", "pictures?", "video", "credits?", "caption", "photo credit",
    "image credit", "sources?", "foto", "illustration", "graphic",
]
_CREDIT_RE = re.compile("|".join(CREDIT_MARKERS), re.IGNORECASE)
# Words that are also ordinary sentence openers ("More than 200 ...", "Source code ...",
# "Watch the skies"): they only count with a colon, an ellipsis or written in capitals.
_AMBIGUOUS = re.compile(r"more|watch|related|recommended|trending|more from|" + "|".join(CREDIT_MARKERS), re.IGNORECASE)
_MARKER_RE = re.compile(
    r"(?P<marker>" + "|".join(sorted(TEASER_MARKERS + CREDIT_MARKERS, key=len, reverse=True)) + r")"
    r"(?P<sep>\s*(?::|…|\.\.\.|\||»|>|-)|\s+|$)", re.IGNORECASE)


def marker_at(text: str, pos: int = 0) -> tuple[str, str] | None:
    """The teaser/credit marker opening `text` at `pos`, as (kind, marker), if it counts as one.

    kind is "teaser" or "credit". Ambiguous words count only when followed by a colon or
    ellipsis or written in capitals (READ MORE, WATCH:), so that "More than 200 people"
    or "Source code was leaked" are never taken for chrome.
    """
    # Only a short window is normalised: this runs at every sentence end of long paragraphs.
    window = ascii_quotes(text[pos:pos + 120])
    m = _MARKER_RE.match(window)
    if not m:
        return None
    marker = m.group("marker")
    low = marker.lower()
    strong_sep = bool(re.match(r"\s*(?::|…|\.\.\.|\||»)", m.group("sep")))
    if _AMBIGUOUS.fullmatch(low) and not (strong_sep or (marker.isupper() and len(marker) > 2)):
        return None
    if not strong_sep and not m.group("sep").strip() and m.end() < len(window) and not marker[0].isupper():
        return None  # a lower-case "read more about it" inside a sentence
    kind = "credit" if _CREDIT_RE.fullmatch(low) else "teaser"
    return kind, marker


# Sentences that talk to the reader about the website itself: cookies, consent,
# newsletters, embedded social posts. Strong features name the site's machinery; weak
# ones ("sign up", "subscribers", "accept") also occur in business and tech reporting.
_STRONG = (
    r"\bcookies?\b", r"\bconsent(?:ed|s)?\b", r"\bunsubscribe\b", r"\bnewsletters?\b", r"\bprivacy\b",
    r"\bsocial media (?:elements?|cookies|content|posts?)\b", r"\bthis (?:content|post|video|website|site|page|embed|element)\b",
    r"\bour (?:website|site|privacy|partners|newsletters?|terms|app|use of)\b",
    r"\b(?:javascript|your browser|ad ?blocker|pop-?ups?)\b", r"\bopt[- ]?(?:out|in)\b",
    r"\bterms (?:of|and) (?:use|service|conditions)\b", r"\ball rights reserved\b", r"©|\bcopyright (?:©\s*)?\d{4}\b",
    r"\bpersonal (?:data|information)\b", r"\blive ?blog\b", r"\bemail address\b",
)
_WEAK = (
    r"\bsign[- ]?(?:up|in)\b", r"\bsubscri(?:be|ption|ber)s?\b", r"\b(?:third|3rd)[- ]part(?:y|ies)\b",
    r"\badverts?\b|\badvertis(?:ing|ers?|ements?)\b", r"\bmore info\b", r"\bread more\b", r"\baccept\b",
    r"\bpreferences\b", r"\blog in\b", r"\bregist(?:er|ration)\b",
)
STRONG_NOTICE = [re.compile(p, re.IGNORECASE) for p in _STRONG]
WEAK_NOTICE = [re.compile(p, re.IGNORECASE) for p in _WEAK]
READER_ADDRESS = re.compile(r"\b(?:you|your|you're|you've|yours|we|we'll|we're|we've|our|us)\b", re.IGNORECASE)
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|announced|reported|stated|added)\b", re.IGNORECASE)

# Short labels news sites print before a headline or above the body (section names).
SECTIONS = frozenset(["abroad", "world", "national", "international", "domestic", "local", "politics", "business", "economy", "finance", "markets", "money", "tech", "technology", "science", "health", "sport", "sports", "opinion", "culture", "entertainment", "lifestyle", "travel", "breaking", "europe", "asia", "africa", "americas", "us", "uk", "middle-east", "news", "latest", "live", "analysis", "explainer", "video", "media"])

# Words that mark an edit/update stamp glued to a credit line ("<Outlet>Updated").
EDIT_STAMPS = ("Amended", "Updated", "Edited", "Modified", "Corrected", "Changed")
# Words that make a capitalised name clearly a news organisation rather than a person.
NEWS_ORG_WORDS = frozenset(["news", "nieuws", "times", "post", "press", "radio", "tv", "television", "agency", "herald", "journal", "tribune", "daily", "gazette", "telegraph", "express", "broadcasting", "media", "chronicle", "observer", "guardian", "independent", "reuters", "wire", "report", "reporter"])

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "})


def ascii_quotes(text: str) -> str:
    """Curly quotes and apostrophes as ASCII, non-breaking spaces as spaces (same length)."""
    return text.translate(_QUOTES)


def is_line_chrome(line: str) -> bool:
    """True when the whole line is interface text (share buttons, 'Leave a Comment', ...)."""
    core = ascii_quotes(line).strip().strip("-–—•·*|»›>#").strip()
    # Interface text is short; the word cap also keeps the repeated-phrase regex cheap.
    return bool(core) and len(core.split()) <= 15 and LINE_CHROME.fullmatch(core) is not None


def notice_score(paragraph: str) -> tuple[int, int]:
    """(strong, weak) counts of distinct website-notice features in a paragraph; (0, 0) for prose."""
    text = ascii_quotes(paragraph)
    return (sum(1 for f in STRONG_NOTICE if f.search(text)), sum(1 for f in WEAK_NOTICE if f.search(text)))
