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
|(?:leave|post|add|write) a (?:comment|reply)|comments?|\d+ comments?|[\d.,]+ ?[km]? shares?|no comments?(?: yet)?|(?:view|show|hide) comments
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
|article excerpt|now playing|watch now|play video|replay|by|(?:text|font) size|(?:order )?reprints?(?: (?:&|and) permissions)?
|(?:an error (?:has )?occurred|something went wrong)(?:[,.] please try again(?: later)?)?|please try again(?: later)?|advertisement -?\s*spot_img(?:spot_img)*|-?\s*advertisement\s*-?(?:spot_img)*
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


_CAPS_LABEL = re.compile(r"[A-Z]{3,}(?:\s+[A-Z]{3,})?\s*:")


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
    # (a label in capitals between the marker and its colon counts as the colon: "Related UPDATE: Producer ...")
    strong_sep = bool(re.match(r"\s*(?::|…|\.\.\.|\||»)", m.group("sep"))) or bool(_CAPS_LABEL.match(window, m.end()))
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
    r"\blocation (?:information|history)\b",  # an embedded tweet's interstitial ("add location information to ...")
    r"\b(?:you are|you're) (?:being )?redirected\b",  # "Please wait while you are redirected...or Click Here"
)
_WEAK = (
    r"\bsign[- ]?(?:up|in)\b", r"\bsubscri(?:be|ption|ber)s?\b", r"\b(?:third|3rd)[- ]part(?:y|ies)\b",
    r"\badverts?\b|\badvertis(?:ing|ers?|ements?)\b", r"\bmore info\b", r"\bread more\b", r"\baccept\b",
    r"\bpreferences\b", r"\blog in\b", r"\bregist(?:er|ration)\b", r"\blearn more\b",
    r"\b(?:is|are) (?:disabled|not supported|out of date)\b",  # "JavaScript is disabled in your browser"
    r"\bclick here\b",
)
STRONG_NOTICE = [re.compile(p, re.IGNORECASE) for p in _STRONG]
WEAK_NOTICE = [re.compile(p, re.IGNORECASE) for p in _WEAK]
# One pass to rule out the common case (no strong feature at all) before the per-feature counts.
# A leading \b defeats the regex engine's fast scan of an alternation, a look-behind does not.
# Same features as _STRONG, each alternative written to start with a look-behind or a literal.
_ANY_STRONG = re.compile(
    "(?<!\\w)(?:" + "|".join(p.replace(r"\b", "", 1) for p in _STRONG if p.startswith(r"\b"))
    + r"|copyright (?:©\s*)?\d{4}\b)|©", re.IGNORECASE)
# A notice is a few sentences; a longer paragraph that mentions cookies or privacy is reporting.
MAX_NOTICE_CHARS = 2000
READER_ADDRESS = re.compile(r"\b(?:you|your|you're|you've|yours|we|we'll|we're|we've|our|us)\b", re.IGNORECASE)
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|announced|reported|stated|added)\b", re.IGNORECASE)

# Short labels news sites print before a headline or above the body (section names).
SECTIONS = frozenset(["abroad", "world", "national", "international", "domestic", "local", "politics", "business", "economy", "finance", "markets", "money", "tech", "technology", "science", "health", "sport", "sports", "opinion", "culture", "entertainment", "lifestyle", "travel", "breaking", "europe", "asia", "africa", "americas", "us", "uk", "middle-east", "news", "latest", "live", "analysis", "explainer", "video", "media"])

# Words that mark an edit/update stamp glued to a credit line ("<Outlet>Updated").
EDIT_STAMPS = ("Amended", "Updated", "Edited", "Modified", "Corrected", "Changed")
# Words that make a capitalised name clearly a news organisation rather than a person.
NEWS_ORG_WORDS = frozenset(["news", "nieuws", "times", "post", "press", "radio", "tv", "television", "agency", "herald", "journal", "tribune", "daily", "gazette", "telegraph", "express", "broadcasting", "media", "chronicle", "observer", "guardian", "independent", "reuters", "wire", "report", "reporter"])

_QUOTES = (("‘", "'"), ("’", "'"), ("‛", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("\u00a0", " "))


def ascii_quotes(text: str) -> str:
    """Curly quotes and apostrophes as ASCII, non-breaking spaces as spaces (same length)."""
    # str.replace is far faster than str.translate with a table, and most lines need nothing.
    if text.isascii():
        return text
    for curly, plain in _QUOTES:
        if curly in text:
            text = text.replace(curly, plain)
    return text


def is_line_chrome(line: str) -> bool:
    """True when the whole line is interface text (share buttons, 'Leave a Comment', ...)."""
    core = ascii_quotes(line).strip().strip("-–—•·*|»›>#").strip()
    # Interface text is short; the word cap also keeps the repeated-phrase regex cheap.
    return bool(core) and len(core.split()) <= 15 and LINE_CHROME.fullmatch(core) is not None


# The chrome of an embedded video player or photo gallery, flattened into one line by a scraper:
# "Embed <clip title> 1:04 autoplay autoplay Copy this code to your website or blog",
# "1 of 26 Full Screen Autoplay Close Skip Ad × ... View Photos ... Buy Photo Wait 1 second to continue."
# Strong features are the player's own controls; weak ones also occur in prose (a clock time, "full screen").
_PLAYER_STRONG = [re.compile(p, re.IGNORECASE) for p in (
    r"\bautoplay\b", r"\bcopy this code to your (?:website|site|blog)\b", r"\bskip ad\b",
    r"\bwait \d+ seconds? to continue\b",
    # CNN's video rail, one line per clip: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 03:04"
    r"(?-i:\bJUST WATCHED\b)", r"(?-i:\bMUST WATCH\b)", r"\bReplay More Videos\b",
    # a newspaper's player: "Video Loading Video Unavailable Click to play Tap to play The video will start in 8
    # Cancel Play now" (a conflicts-dev source read in QA round 32; "Cancel" became an entity)
    r"\bvideo (?:loading|unavailable)\b", r"\b(?:click|tap) to play\b", r"\bthe video will start in \d+\b",
    # a gallery's controls run into its captions: "... Image 1 of / 47 Caption Close ... 1 / 47 Back to Gallery" (an
    # SFGate page of QA round 42; its credit "Attorney General's Office" became an entity)
    r"\bimage \d+ of\s*/?\s*\d+\b", r"\bcaption close\b", r"\bback to gallery\b",
)]
_PLAYER_WEAK = [re.compile(p, re.IGNORECASE) for p in (
    r"^embed\b", r"\b\d{1,2}:\d{2}\b", r"\bfull ?screen\b", r"\bview photos\b", r"\bbuy photo\b",
    r"^\d+ of \d+\b",
)]
_ANY_PLAYER = re.compile("|".join(f.pattern for f in _PLAYER_STRONG), re.IGNORECASE)
# Player chrome has two strong features, or one and this many features in all: fewer are a story about
# autoplay told with a time of day ("... at 4:30 users can turn off autoplay in full screen mode").
PLAYER_MIN_FEATURES = 4


def is_player_chrome(line: str) -> bool:
    """True when a line is an embedded video player's or gallery's controls (see _PLAYER_STRONG)."""
    if not _ANY_PLAYER.search(line):  # the common case, in one pass
        return False
    text = line.strip()
    strong = sum(1 for f in _PLAYER_STRONG if f.search(text))
    return strong >= 2 or strong + sum(1 for f in _PLAYER_WEAK if f.search(text)) >= PLAYER_MIN_FEATURES


def notice_score(paragraph: str) -> tuple[int, int]:
    """(strong, weak) counts of distinct website-notice features in a paragraph; (0, 0) for prose."""
    if len(paragraph) > MAX_NOTICE_CHARS or not _ANY_STRONG.search(paragraph):
        return 0, 0
    text = ascii_quotes(paragraph)
    return (sum(1 for f in STRONG_NOTICE if f.search(text)), sum(1 for f in WEAK_NOTICE if f.search(text)))


# The commonest English function words: in English prose they are about a third of all words,
# in other languages (even with English names and loanwords mixed in) a few percent at most.
_ENGLISH_FUNCTION_WORDS = frozenset([
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "by", "at",
    "be", "this", "are", "from", "or", "have", "an", "not", "but", "has", "had", "were", "which", "their",
    "they", "his", "her", "its", "will", "would", "been", "who", "said", "he", "she", "we", "you", "our",
])
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_MIN_SHARE = 0.12
_LANGUAGE_SAMPLE_CHARS = 20_000


def looks_english(text: str) -> bool:
    """True when the text reads as English (the lexicon's language), judged on its opening part.

    English-specific rules (website notices, reader address) only apply to English text;
    in another language they would misfire or never fire, and structural rules suffice.
    """
    words = _LATIN_WORD.findall(text[:_LANGUAGE_SAMPLE_CHARS].lower())
    if not words:
        return False
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= ENGLISH_MIN_SHARE * len(words)


# Calls to action addressed to the reader: follow/contact/subscribe lines that close many
# articles ("Follow us on Twitter @x", "Write to <reporter> at name@site.com", "Get <magazine>
# delivered ... Click here"). An opener alone is not enough ("Follow-up talks", "Get ready"):
# the line must also point somewhere (a URL, an address, a handle, a social network) or
# name the site's machinery (subscriptions, newsletters, sharing).
_CTA_OPENER = re.compile(
    # (after a box's label: "Politics Alerts: Get email alerts on breaking news", "More from WSJ.D: And make sure to
    # visit WSJ.D ...", or a conjunction: "And like us on Facebook to get our news right in your feed:")
    r"^\W{0,3}(?:(?:[A-Z][\w&]*\s+){0,3}(?:Alerts?|Newsletters?|Updates)\s*:\s*|More from [^:]{2,30}:\s*)?"
    r"(?:(?:and|also|please|plus|so),?\s+)?"
    # ("like" only as the page's own request: "Like us on Facebook", not "Like other high-end BlackBerrys, the Curve
    # 8900 has ... access to ... Facebook", a feature QA round 24 found cut)
    r"(?:follow|like(?=\s+(?:us|our|this|the page)\b)|email|e-mail|write to|reach|contact|listen to|get|subscribe|sign up|join"
    r"|download|click|make sure to visit"
    r"|tap|check out|don't forget|be sure to|want more|share|find us|connect with|remember,? you can"
    r"|for (?:the )?(?:latest|more|breaking|top)\b[^.]{0,60}?\b(?:follow|like|subscribe|sign up|visit|check out|download))\b",
    re.IGNORECASE)
_CTA_SELF_EVIDENT = re.compile(
    r"^\W{0,3}(?:if you (?:enjoyed|liked|like|enjoy|appreciate|value)\b[^.]{0,40}\b(?:article|story|post|content|journalism|reporting)"
    r"|(?:like|enjoy(?:ed)?|love) (?:this|our) (?:story|article|post|content)\b"
    # a prompt to report the page's own errors: "See a mistake? Report a typo here."
    r"|(?:see|spot|spotted|found|notice|noticed) (?:a|an) (?:mistake|typo|error)\b[^.?]{0,30}\?|report a typo\b"
    # a tip line ("Have a tip we should know? tips@mediaite.com", "Submit your Newswire tips here.": QA round 24)
    r"|(?:have|got) a (?:news )?tip\b[^.?]{0,40}\?|submit (?:your|a) (?:[\w-]+ ){0,2}tips?\b"
    # a station's or site's sign-off: "Stay with WBAL NewsRadio 1090 AM for developments in this story.", "That's all
    # for today's trending, do check back tomorrow for more!" (QA round 16); a report that residents were told to
    # stay tuned does not open so, and the writer's "let's stay tuned and see" points nowhere
    r"|(?:that's all for [^.!?]{0,40}?,?\s+)?(?:(?:do|please|so) )?(?:stay (?:with|tuned to) [^.!?]{2,60}?|stay tuned"
    r"|check back(?: [\w ]{0,20}?)?|keep checking(?: [^.!?]{0,40}?)?) for (?:the latest|updates?|developments|more"
    r"|further (?:updates|developments|details))\b"
    # a forum prompt, the writer's contact line, a fundraising appeal (QA round 17: 'Discuss this topic in the ReelViews
    # Forums.', 'Ty Burr can be reached at tburr@globe.com.', 'If everyone reading this right now would donate
    # something, our fundraiser would be done in a few days.')
    r"|discuss (?:this|the) (?:topic|story|article|review|post)\b|(?:[A-Z][\w.'-]+ ){1,4}(?:can|may) be (?:reached|contacted|"
    r"e-?mailed) (?:at|via|by)\b|if (?:everyone|everybody|every reader|you) (?:reading this )?(?:[\w ]{0,20})?"
    r"(?:would|could|will) (?:donate|give|chip in)\b|(?:please,? )?donate (?:now|today|here|and)\b)",
    re.IGNORECASE)
_CTA_TARGET = re.compile(
    r"https?://|\bwww\.|[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|\b(?:facebook|twitter|instagram|youtube|linkedin|tiktok"
    r"|whatsapp|telegram|snapchat|pinterest|flipboard)\b|\b(?:click|tap) here\b|\bnewsletters?\b|\bsubscri(?:be|ption|ber)s?\b"
    r"|\bshare (?:it|this)\b|\bpodcasts?\b|\bapps? store\b|\byour inbox\b"
    r"|\bdigital edition\b|\bnewsagents?\b|\bitunes\b|\b(?:e-?mail|news|breaking news) alerts\b|\b(?:rss|xml) feeds?\b"
    # a paper's trial offer ("Sign up today for a free 30 day free trial of unlimited digital access.": QA round 35)
    r"|\bfree trial\b|\b(?:unlimited|digital) access\b",
    re.IGNORECASE)
MAX_CTA_WORDS = 80
# A question the page puts to its readers ("Did you feel the earthquake?", "Did any Patch readers feel it?", "What
# do you think? ...") and its prompt to answer ("Tell us in the comments."): no reporting, and no quotation.
_ASKS_READERS = re.compile(
    r"^\W{0,3}(?:(?:did|have|do|are|were|would|will|could) (?:any )?(?:you|[\w ]{0,20}\breaders)\b|what do you think\b"
    r"|how do you feel\b)[^\"]{0,150}\?[!?]*(?:\s+(?:tell|let) us\b[^\"]{0,80})?\s*$", re.IGNORECASE)
_ANSWER_PROMPT = re.compile(r"^\W{0,3}(?:tell|let) us (?:know )?(?:[\w ]{0,30}?)in the comments\b|"
                            r"\bsound off (?:below|in the comments)\b", re.IGNORECASE)
MAX_PROMPT_WORDS = 30
# A link to another page set in brackets, on a line of its own ("[Related: Trump emerges from 'very good' meeting]",
# "[Trump shows Kim a video of North Korea lit up: Watch]"), and a pointer to the page's own video ("Watch police
# detain some of the protesters here.", "See the video above."): no reporting.
_LINK_LINE = re.compile(
    r"^\s*\[\s*(?:related|see also|read more|more|watch|video|photos?|listen)\s*:[^\]]{3,200}\]\s*$"
    r"|^\s*\[[^\]]{3,200}:\s*(?:watch|video|photos?|listen|read more)\s*\]\s*$"
    r"|^\W{0,3}(?:watch|see|view|listen to|read)\b[^.\"“”]{0,100}\b(?:here|above|below)\s*[.:!]?\s*$"
    # a pointer to more elsewhere ("Visit the U.S. National Cancer Institute for more on colon cancer.": QA round 34)
    r"|^\W{0,3}(?:visit|go to)\b[^\"“”]{2,80}?\bfor more(?: information)? (?:on|about)\b[^\"“”]{2,80}$"
    # a magazine's link line in brackets or not (QA round 23, TIME pages: "(See the top 10 movies of 2009.)", "See
    # pictures of crime in Middle America.", "See the latest news about movies at Techland.com."; a question in
    # brackets may be the writer's aside: "(I know, radical statement, right?)")
    r"|^\s*\(\s*(?:see|read|watch|view|listen to)\b[^()\"“”]{3,200}\)\s*$"
    # a link under a label in capitals, every word of its title capitalised ("COURT DOCUMENTS: Britney Spears' Dad To
    # Conservatorship Judge: I Want More Money!": QA round 25)
    r"|^\s*(?-i:[A-Z][A-Z0-9&'’ -]{2,30}):\s+(?-i:(?:[A-Z0-9$][\w$'’.,:&-]*\s+){2,}[A-Z0-9$][\w$'’.,&-]*)[!?]?\s*$"
    r"|^\W{0,3}see (?:the latest|more|pictures|photos|videos?|our|all)\b(?:[^.\"“”]|\.(?=\w)){0,80}[.!]?\s*$"
    # a related article's box ending on its link: "Recommended Related to Health A-Z Aspergillosis Important It is
    # possible that the main title of the report ... Read the Aspergillosis article > >" (QA round 41)
    r"|^\W{0,3}(?:recommended|related)\b[^\"“”]{0,400}\bread the [^.\"“”>]{1,60}\b(?:article|story)\s*(?:>\s*){1,2}$",
    re.IGNORECASE)
# A comment section's rules ("You share in the USA TODAY community, so please keep your comments smart and civil.":
# QA round 23). (An editor's note on the story's versions is part of the article, as extraction benchmarks keep it; it
# is no claim: `text.PAGE_NOTE`.)
_COMMENT_RULES = re.compile(r"^\W{0,3}you share in the [^.]{0,40}\bcommunity\b|\bkeep your comments\b|\breport abuse\b",
                            re.IGNORECASE)
MAX_COMMENT_RULES_WORDS = 60


def is_call_to_action(line: str) -> bool:
    """True for a short line asking the reader to follow, contact, subscribe or share, or to answer the page's
    question, a link line, or a comment section's rules (English)."""
    text = ascii_quotes(line)
    if _LINK_LINE.match(text):
        return True
    if _COMMENT_RULES.search(text) and len(text.split()) <= MAX_COMMENT_RULES_WORDS:
        return True
    if (_ASKS_READERS.match(text) or _ANSWER_PROMPT.search(text)) and len(text.split()) <= MAX_PROMPT_WORDS:
        return not ATTRIBUTION.search(text)
    # The anchored openers first: they rule out almost every line at once.
    if not (_CTA_SELF_EVIDENT.match(text) or (_CTA_OPENER.match(text) and _CTA_TARGET.search(text))):
        return False
    return len(text.split()) <= MAX_CTA_WORDS and not ATTRIBUTION.search(text)
