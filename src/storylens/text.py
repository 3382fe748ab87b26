"""Small text helpers shared by the pipeline and its front ends."""

from __future__ import annotations

import re

# How many sentences back the person a pronoun stands for may be named ("He has 189 rushing yards", "..., she said"):
# read by the conflict stage (whose figure it is) and the claims stage (whose words they are).
ANTECEDENT_SENTENCES = 3


def shorten(text: str, width: int = 120) -> str:
    """`text` on one line, whole when it fits, else cut at a word boundary with "…".

    For titles made from a sentence or a first line: a title cut mid-word read as the whole headline.
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    if not text[width - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:—–-") + "…"


_ELLIPSIS_END = re.compile(r"""(?:\.\s?\.\s?\.|…)["'”’»)\]]*$""")


# A full stop and the excerpt's mark after it: the sentence is whole ("... remain to be resolved, the people said....",
# the main caveat of a WSJ excerpt, was dropped with the cut-off ones).
_WHOLE_THEN_ELLIPSIS = re.compile(r"""[\w"'”’)\]]\.(?:\.\.\.|…)["'”’»)\]]*$""")


def ends_in_ellipsis(text: str) -> bool:
    """Cut off with "..." or "…": a feed or roundup excerpt's end ("... who received the Moderna or Johnson..."),
    which no summary or claim should quote as a statement. A sentence ended by its full stop before the mark
    ("... the people said....") is whole."""
    text = text.rstrip()
    return bool(_ELLIPSIS_END.search(text)) and not _WHOLE_THEN_ELLIPSIS.search(text)


# The last line of a text cut off at a word: long enough to be a sentence, ending on a word or a comma.
_CUT_AT_WORD = re.compile(r"(?:^|\n)(?P<last>[^\n]*[\w,])\Z")
CUT_MIN_WORDS = 8


_LAST_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")


def ends_mid_sentence(text: str) -> bool:
    """The text's last line ends on a sentence cut off at a word (a truncated dataset record, a feed's fixed-length
    excerpt): no end mark, no "...", at least `CUT_MIN_WORDS` words after the last sentence's end (a heading, a
    sign-off or a hashtag after a whole sentence is shorter: "... for over 10 yrs. # basta", QA round 25)."""
    m = _CUT_AT_WORD.search(text.rstrip())
    if m is None:
        return False
    tail = _LAST_SENTENCE_END.split(m["last"])[-1]
    return len(tail.split()) >= CUT_MIN_WORDS


_ELLIPSES = re.compile(r"\.\s?\.\s?\.|…")


def trails_off_throughout(text: str) -> bool:
    """The writer's "..." style: four or more in the text (a blog post's "... ok, so, the Sox have the high offer
    ..."), so one at its end cuts nothing off."""
    return len(_ELLIPSES.findall(text)) >= 4


def stops_with_ellipsis(text: str) -> bool:
    """The text ends on "..." or "…", after a whole sentence or not: an excerpt of a longer article."""
    return bool(_ELLIPSIS_END.search(text.rstrip()))


# The page's note on its own versions, read by the claims, timeline and summary stages: an earlier version corrected,
# an update, a longer version of a printed review (QA round 23: "The year was wrong in an earlier version of this
# story.", "This is an expanded version of the review that ran in the Dec. 7 issue of TIME magazine."): no claim.
PAGE_NOTE = re.compile(
    r"\b(?:an? |the )?(?:earlier|previous|prior|original) version of this (?:story|article|report|post|review)\b"
    r"|\bthis (?:story|article|report|post) (?:has been|was) (?:updated|corrected|amended|changed)\b"
    r"|\ban? (?:expanded|longer|shorter|edited) version of (?:the|a|this) (?:review|story|article|report|column)\b"
    # a disclosure of the page's own ownership ("Murdoch also sits on the board of News Corp., which owns MarketWatch,
    # the publisher of this report.", QA round 27)
    r"|\b(?:publisher|owner|parent company|parent) of this (?:report|story|article|site|website|newspaper|publication|"
    r"page|post|newsletter)\b|\b(?:owns|owner of) (?:this|our) (?:site|website|newspaper|publication|station)\b",
    re.IGNORECASE)


# A paragraph an editor's note opens ("CORRECTION (March 18, 11:30 a.m.): An earlier version of this article ...",
# "Clarification: ...", "( editor's note: term changed to ... )"): all its sentences tell the page's history, the
# later ones too ("Metron joined earlier; a search based on its Bayesian calculations ...": QA round 40 listed them
# as claims).
_NOTE_OPENS = re.compile(r"\W{0,3}(?:corrections?|clarifications?|editor['’]?s['’]? note|note to (?:our )?readers)\b"
                         r"[^:\n]{0,40}:", re.IGNORECASE)


def in_page_note(text: str, start: int, sentence: str = "") -> bool:
    """The sentence at `start` of an article's `text` is part of the page's note on its versions: the note opens its
    paragraph or the sentence itself, or a sentence before it in the paragraph is such a note (`PAGE_NOTE`)."""
    para = text.rfind("\n", 0, start) + 1
    return bool(_NOTE_OPENS.match(text, para) or _NOTE_OPENS.match(sentence) or PAGE_NOTE.search(text, para, start))


# A sentence that ends by handing over to a quotation or a list (part of `POINTER`).
LEAD_IN = (r"(?:\b(?:said|says|say|told|tells|added|adds|replied|replies|wrote|writes|stated|states|explained|asked|"
           r"tweeted|declared|noted|continued|warned|recalled|posted|answered|insisted|concluded|reported|read|reads|"
           r"follows?|following|below)\b[^.!?:]{0,40}|^[^.!?]{0,80}"
           # what comes next, named by a demonstrative ("... Washington awoke to this startling news:", QA round 30)
           r"|\b(?:this|these|the following)\s+(?:[\w'’-]+\s+){0,3}?(?:news|statement|message|words|note|"
           r"announcement|questions?|details|list|headline|letter|e-?mail|post|tweet)):[\"'”’)\]]*\s*$")


# A pointer to what the page shows, read by the claims and summary stages: "You can see the cold open below",
# "Watch the video above." (page furniture); "prices fell below $50" is no pointer.
POINTER = re.compile(
    r"\b(?:see|watch|view|listen to|read|check out|take a look at)\b[^.!?]{0,60}?\b(?:below|above)\s*(?:[,:;.]|via\b|$)"
    # what the page shows next ("Here's the official email T-Mobile sent to its business customers.", "Official PR
    # text follows below.", "register for updates at the link below": QA round 11 found them as claims and summary)
    r"|^\W*(?:here(?:['’]s| is| are)|below (?:is|are))\s+(?:the|a|an|his|her|their|its|our)\b"
    r"|\b(?:follows?|listed|linked|shown|embedded|included)\s+below(?![-\w])|\b(?:at|via) the links? below\b"
    # a link or a gallery of the page ("For the full story, check out this link.", "Find more of her Tweets in the
    # gallery at the top of the story.": QA round 15 found both as claims)
    r"|\b(?:check out|click|follow|see|read)\s+(?:this|the)\s+link\b|\bin the (?:photo )?gallery (?:above|below|at the "
    r"(?:top|bottom))\b"
    # a sentence that only introduces what comes after it: a speaker's lead-in ("..., she said:", "the statement
    # read:") or a short one ("Here is how they describe the device:"); a statement that opens a list says something
    # ("Radio-Info.com reported on Friday that 98 advertisers have told Premiere ... to avoid ... programs with content
    # "deemed to be offensive or controversial":", QA round 24)
    rf"|{LEAD_IN}"
    # a wire photo's caption run into the text ("In this friday, dec. 21, 2012 image made from video, north korean
    # leader kim jong un speaks at a banquet", a QA summary's sentence in round 21)
    r"|^\W*(?:file\W+)?in this (?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|march|april|may|"
    r"june|july|aug|sept?|oct|nov|dec|january|february|august|september|october|november|december|\d{1,4}(?:st|nd|rd|th)?|"
    r"file|undated|combination|aerial|handout|pool|still)\W*\s+){0,6}(?:photo|image|picture|photograph|video|frame grab|"
    r"handout)s?\b",
    re.IGNORECASE,
)


# The outlet in brackets that opens a story with no city before it: "(CNN) — ", "( cnn ) " (a flattened, lower-cased
# page), "(Reuters) - ".
OUTLET_TAG = re.compile(r"\((?:\s*(?i:cnn|ap|reuters|afp|upi|bloomberg)\s*|[A-Z]{2,6})\)\s*(?:(?:--|[-–—])\s*)?(?=\w)")
# A wire dateline opening a story's first sentence: "WASHINGTON (AP) — ", "SCHERTZ, Texas - ", "PLANTATION, Fla.
# (WSVN) -- ", "LONDON, Sept 12 (Reuters) - "; that outlet tag alone (a QA brief was titled "( cnn ) a 2-year-old
# boy died ..."); or an interview's answer marker ("A. Mr. Boehner has ...").
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’]{2,}(?:\s+[A-Z][A-Z.'’]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\))?\s*(?:--|—|–|-)\s*(?=[\"“‘'A-Z])"
    r"|^A[.:]\s+(?=[\"“]|[A-Z][a-z])|^\s*" + OUTLET_TAG.pattern
    # the same in a lower-cased page, its first letter capitalised again: "Peshawar, pakistan ( ap ) — pakistanis ..."
    + r"|^[A-Z][\w.'’-]*(?:,?\s+[\w.'’-]+){0,3}\s*\(\s*(?i:cnn|ap|reuters|afp|upi)\s*\)\s*(?:--|[-–—])\s*(?=[\w\"“])")


def without_dateline(sentence: str) -> str:
    """The sentence after its leading dateline, if any (`dateline_end`)."""
    return sentence[dateline_end(sentence):]


def dateline_end(sentence: str) -> int:
    """Where the text after a leading dateline (or answer marker) starts ("SCHERTZ, Texas - The sheriff says ..."
    -> 17), else 0."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0
