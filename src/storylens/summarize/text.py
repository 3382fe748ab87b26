"""Surface checks on single sentences: content words, numbers, and whether a sentence can stand alone."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from storylens.text import PAGE_NOTE, POINTER

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
# Openers that point back to a sentence the reader of an extract has not seen.
_DANGLING = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|this|that|these|those|but|and|or|so|also|however|still|yet|"
    r"meanwhile|instead|then|such|both|another|the latter|the former|in addition|in return|"
    r"additionally|moreover|furthermore|as a result|in response|that's|it's|"
    # a step in a sequence the sentence before began ("First, Keiwan Ratliff fooled David Garrard ...", "Again, the
    # Jaguars couldn't come up with the play": QA round 35)
    r"(?:first|again|next|finally|likewise|similarly|otherwise|nonetheless|nevertheless|besides|even so|by then|"
    r"after that|since then)(?=,)|"
    # An ordinal or "the other/same" standing alone as the subject ("The first was in April 2019.")
    # names something from the sentence before.
    r"the (?:first|second|third|last|latest|other|same|previous|next)(?: one)? "
    r"(?:was|is|were|are|had|has|came|comes|will|would|took|takes))\b",
    re.IGNORECASE,
)
# Page furniture that trafilatura-style cleaning can leave behind in any outlet's text.
_FURNITURE = re.compile(
    r"https?://|www\.|@\w|\bclick\b|\bsubscribe\b|\bnewsletter\b|\bcookies?\b|\badvertisement\b|"
    r"\bsign up\b|\bread more\b|\bcaption\b|\bcopyright\b|©|\bemail us\b|\bfollow us\b",
    re.IGNORECASE,
)
# The writer speaking of the article itself ("Here's a look at what's happening, and why, ahead of the deadline",
# "This story has been updated"): no fact of the story.
_META = re.compile(
    r"^\W*(?:here['’]s|here\s+is|here\s+are)\s+(?:a\s+(?:look|closer look|rundown|breakdown|guide|timeline)|what|how|why|"
    r"everything|the\s+latest|more)\b|^\W*this\s+(?:story|article|post|report)\s+(?:has\s+been|was|is\s+being)\s+"
    r"(?:updated|corrected|published|edited)\b|^\W*(?:read on|scroll down)\b|\b(?:what|everything) you need to know\b"
    # the reporter's unanswered request: "Team Britney didn't comment on the video." (QA round 25), "... could not be
    # reached for comment", "declined to comment": nothing the story's people did
    r"|^[^,;]{0,60}\b(?:did\s+not|didn['’]t|declined\s+to|would\s+not|wouldn['’]t|could\s+not\s+immediately|did\s+not\s+"
    r"immediately)\s+(?:immediately\s+)?(?:comment|respond|return\s+(?:a\s+)?(?:calls?|messages?|requests?))\b[^,;]{0,60}"
    r"[.!]?$|\b(?:could\s*not|couldn['’]t|can\s*not)\s+(?:immediately\s+)?be\s+reached\b",
    re.IGNORECASE,
)
_END = re.compile(r"[.!]['\"’”)]*$")
# A sentence ending on a bare pointer ("... confirmed this.") needs the one before it.
_POINTS_BACK = re.compile(r"\b(?:this|that|these|those|it|so)[.!]$", re.IGNORECASE)
_QUOTES = "\"“”"
# A demonstrative standing for a noun of the sentence before, near the start: "Bids for that are currently around the
# $11,000 mark.", "Some of those were hurt." (a QA summary quoted the first; what "that" is, it did not say).
_POINTS_BACK_EARLY = re.compile(r"^\W*(?:[\w'’-]+ ){1,3}(?:for|of|about|with|on|to|from|by|like) (?:that|this|these|those)"
                                r"(?= (?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b|[.,;!])",
                                re.IGNORECASE)
# "I", "we", "my", "our" as words of a speaker ("Our Lady", "My Fair Lady": a name follows)
# (and "me" in lower case: "Getting fired from the talk show was the real turning point for me." titled a QA brief of
# an oral history; not "us", the country's name in an article written in lower case: test-250 lost 0.03 ROUGE-1)
_FIRST_PERSON = re.compile(r"\b(?:I(?:['’](?:m|ve|d|ll))?|[Ww]e(?:['’](?:re|ve|d|ll))?|[Mm]y|[Oo]ur|me)\b(?!\s+[A-Z])")
# A pronoun as the only speaker, after a quotation or reported speech: '"It is toxic," he said.', 'All the victims
# were out of surgery, he said.' (a QA summary: who "he" is, the summary does not say)
_PRONOUN_SPEAKER = re.compile(r"(?:[\"”’']\s*(?:,\s*)?|,\s+)(?:he|she|they)\s+(?:said|says|added|adds|"
                              r"told [\w ]{0,40}|wrote|explained|noted|continued|insisted)\s*[.!]$")
_SAID = re.compile(r"\b(?:said|says|told|tells|asked|wrote|added|according to)\b", re.IGNORECASE)
# A pronoun as the subject right after a short opening phrase: "In a statement, it said the coup was a setback"
# (a QA summary of round 18: "it" was a regional bloc named six sentences before), "On Thursday, they agreed ...".
_PRONOUN_AFTER_OPENER = re.compile(r"^\W*(?:[\w'’-]+ ){1,5}[\w'’-]+, (?:he|she|it|they) [a-z]+\b(?!,)")

MIN_WORDS = 6
MAX_WORDS = 60


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    # A crude plural/possessive fold is enough for overlap: "officials" ~ "official".
    t = token.lower().replace("’", "'")
    t = t.removesuffix("'s")
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def content_words(text: str) -> frozenset[str]:
    """Lower-cased, lightly normalised words that are not stop words."""
    return frozenset(
        n for w in words(text) if (n := _norm(w)) and n not in STOP_WORDS and (len(n) > 2 or n.isdigit())
    )


def numbers(text: str) -> frozenset[str]:
    """Numbers written with digits, normalised ("1,000" -> "1000")."""
    return frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(text))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's content words found in the other (containment)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets: shared words over their mean size."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


# A figure that names one fact: an amount of money, a share, a count in millions, a number with decimals or of
# five digits or more ("5%", "$99.99", "3.8", "40 million"); not a year or a small count ("2008", "12 people").
_FIGURE = re.compile(r"(?<![\w.])([$€£])?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(%|percent\b|per cent\b|million\b|billion\b|"
                     r"trillion\b))?", re.IGNORECASE)
# Two sentences giving the same figures tell one fact when they share a word besides them (not a reporting verb).
_REPORTING = frozenset({"said", "say", "says", "told", "tell", "reported", "report", "according", "added"})


def figures(text: str) -> frozenset[str]:
    out = set()
    for m in _FIGURE.finditer(text):
        cur, num, unit = m.group(1) or "", m.group(2).replace(",", ""), (m.group(3) or "").lower()
        unit = "%" if unit in ("percent", "per cent") else unit
        if cur or unit or "." in num or len(num) >= 5:
            out.add(f"{cur}{num}{unit}")
    return frozenset(out)


def same_figures(a: str, b: str, words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Two sentences telling one fact in other words: the figures of one are all the other's ("Inflation rose 5%
    in the 12 months ending in May" / "The consumer price index rose 5% in May ..."; a QA summary told it twice)
    and they share some words besides."""
    fa, fb = figures(a), figures(b)
    shared = {w for w in words_a & words_b if not w[0].isdigit() and w not in _REPORTING}
    return bool(fa and fb and (fa <= fb or fb <= fa) and shared)


def numbers_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sentences give numbers and neither set contains the other: likely different figures."""
    return bool(a and b and not (a <= b or b <= a))


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def acceptable(text: str) -> bool:
    """A weaker test for short stories: a real sentence, even if it leans on its neighbours."""
    stripped = text.strip()
    n = word_count(stripped)
    return MIN_WORDS <= n <= 2 * MAX_WORDS and not stripped.endswith("?") and not _FURNITURE.search(stripped) \
        and not _META.search(stripped) and not POINTER.search(stripped) and not PAGE_NOTE.search(stripped)


# An excerpt's trailing "...", or no end punctuation at all (closing quotes and brackets aside; "…" and
# "[…]" are no end punctuation).
_CUT_OFF = re.compile(r"(?:\.\.\.|[^.!?'\"’”)\]\s]['\"’”)\]]*)$")


def cut_off(text: str) -> bool:
    """Ends mid-sentence: a truncated article's last words, or a feed or roundup excerpt's "...".

    Such a sentence is an exact span, but a summary that quotes it reads as broken.
    """
    return bool(_CUT_OFF.search(text.strip()))


def dangling(text: str) -> bool:
    """Opens on a reference back ("He said...", "This...") or ends on a bare pointer ("... confirmed this."),
    is a piece of a quotation over several sentences (its opening '“I couldn’t take it any more.', whose speaker
    a later sentence names, or its end 'We have to fund the government and pay our bills.”') or a quotation
    whose only speaker is a pronoun ('"It is toxic," he said.') or no one at all: whose words they are, the summary
    would not say."""
    stripped = text.strip()
    return leans_back(stripped) or unspoken(stripped)


def leans_back(text: str) -> bool:
    """Needs the sentence before to be understood: opens on a reference back, ends on a bare pointer, or gives a
    pronoun as its only speaker."""
    stripped = text.strip()
    return bool(_DANGLING.match(stripped) or _POINTS_BACK.search(stripped) or _POINTS_BACK_EARLY.match(stripped)
                or _PRONOUN_SPEAKER.search(stripped) or _PRONOUN_AFTER_OPENER.match(stripped)
                or _ASIDE.match(stripped))


# A sentence wholly in brackets is the writer's aside to the one before: "(This study has yet to be peer-reviewed.)",
# "(Carl Sagan placed us at about a 0.7 in 1973)." (both in a QA summary of round 31, read as news of their own).
_ASIDE = re.compile(r"\([^()]+\)[.!?]?$")


def unspoken(text: str) -> bool:
    """A piece of a quotation, or a whole one, that does not say whose words it gives (the paragraph around it may:
    `quotation_speaker`)."""
    stripped = text.strip()
    return quotation_piece(stripped) or bare_quotation(stripped)


def bare_quotation(text: str) -> bool:
    """Only a quotation, no word outside it: the speaker is named in another sentence ('"We may be talking about
    Officer Hernandez as a survivor."', a union leader's hypothetical, read alone in a QA summary as news that the
    officer who died may have survived)."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "\"“":
        return False
    outside = re.sub(r"[\"“][^\"“”]*[\"”]", " ", stripped)
    return re.search(r"[A-Za-z]", outside) is None


def unattributed_first_person(text: str) -> bool:
    """Speaks as "I" or "we" outside any quotation, with no one said to say it: the middle of a quotation
    ('I ask that you continue to pray for my family as we remember Martin.') or the writer's own voice ('In all
    honesty, we didn't search too hard.'), neither of which a summary of the story can quote as a fact."""
    if any(q in text for q in _QUOTES) or _SAID.search(text):
        return False
    for m in _FIRST_PERSON.finditer(text):
        before = text[:m.start()].split()
        if m.group() != "I" or not (before and before[-1][:1].isupper() and before[-1][-1].isalpha()):
            return True  # not "World War I", "King Charles I"
    return False


def orphan_quote_open(text: str) -> bool:
    """Opens a quotation it does not close ('“It won’t be difficult for me.', whose speaker a later sentence
    names): a curly opening quote with no closing one after it, or a single straight quote mark at the start."""
    if "“" in text:
        return "”" not in text[text.rindex("“"):]
    return text.count('"') == 1 and text.lstrip().startswith('"')


def quotation_piece(text: str) -> bool:
    """A piece of a quotation that runs over several sentences: its opening, its end, or its middle (speaking
    as 'I' or 'we' with no one said to say it). Shown alone, the words have no speaker."""
    stripped = text.strip()
    return orphan_quote_open(stripped) or orphan_quote_end(stripped) or unattributed_first_person(stripped)


def inside_quotation(text: str, start: int) -> bool:
    """Whether the sentence at `start` of an article's `text` lies inside a quotation its paragraph opened before it
    and closes after it: the middle of someone's words ('" she was terminated from the program. This was one of the
    terms of her probation. So we will seek jail time, " said frank mateljan', whose middle sentence has no quotation
    mark at all and read in a QA summary as the story's own fact). A mark the paragraph never closes proves
    nothing (a stray one, or a quotation running on over paragraphs, whose speaker is named before)."""
    para = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    before, after = text[para:start], text[start : end if end >= 0 else len(text)]
    if "“" in before or "”" in before:
        return before.count("“") > before.count("”") and "”" in after
    return before.count('"') % 2 == 1 and '"' in after


_SAYS = r"(?:said|says|added|adds|wrote|writes|explained|noted|continued|insisted|told [^,.;:\"“”]{1,40}?)"
# Who speaks, right after a quotation's closing mark ('," said frank mateljan, a spokesman', '," Smith said') or right
# before its opening one ('Smith said: "').
_SPEAKER_AFTER = re.compile(rf"\s*,?\s*(?:{_SAYS}\s+(?P<a>[^,.;:\"“”()]{{2,60}}?)(?=\s*[,.;:(]|\s+(?:on|in|at|after|"
                            rf"when|who|as|before)\b|\s*$)|(?P<b>[^,.;:\"“”()]{{2,60}}?)(?:,[^,.;:\"“”]{{2,60}},)?\s+{_SAYS}\b)")
_SPEAKER_BEFORE = re.compile(rf"(?P<c>[A-Za-z][^,.;:\"“”()]{{1,60}}?)\s+{_SAYS}\s*[:,]?\s*$")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|one|this|that|who)$", re.IGNORECASE)
# A speaker known only as someone's ("my mother-in-law", "his lawyer"): a QA summary printed '— my mother-in-law, quoted'
_POSSESSIVE = re.compile(r"^(?:my|our|his|her|their|your|its)$", re.IGNORECASE)
MAX_SPEAKER_WORDS = 6


def quotation_speaker(text: str, start: int, end: int) -> str | None:
    """Who speaks the quotation the sentence at `start`-`end` of an article's `text` belongs to: the one it lies
    inside (`inside_quotation`), else the first it opens or holds. As the paragraph names them: after the closing
    mark ('So we will seek jail time," said frank mateljan, a spokesman' -> 'frank mateljan') or before the opening
    one ('The mayor said: "'); None when there is no quotation, or the paragraph names no one, or only a pronoun
    ("he said")."""
    para = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    if inside_quotation(text, start):
        curly = "“" in text[para:start] or "”" in text[para:start]
        opener = text.rfind("“" if curly else '"', para, start)
        close = text.find("”" if curly else '"', start, stop)  # the first mark after its start closes it
    else:
        first = min((i for i in (text.find('"', start, end), text.find("“", start, end)) if i >= 0), default=-1)
        if first < 0:
            return None
        opener = first
        close = text.find("”" if text[first] == "“" else '"', first + 1, stop)
    found = None
    if close >= 0:
        m = _SPEAKER_AFTER.match(text, close + 1, min(stop, close + 160))
        found = m and (m["a"] or m["b"])
    if not found and opener >= 0:
        m = _SPEAKER_BEFORE.search(text, max(para, opener - 120), opener)
        found = m and m["c"]
    if not found:
        return None
    who = " ".join(found.split())
    words = who.split()
    # (nor a phrase holding a pronoun or a figure: '... and more." In 2011 she told the Guardian ...' gave a QA
    # summary of round 32 the speaker "In 2011 she")
    if not words or len(words) > MAX_SPEAKER_WORDS or any(_PRONOUN.match(w) for w in words) \
            or _POSSESSIVE.match(words[0]) or any(ch.isdigit() for ch in who):
        return None
    return who


def orphan_quote_end(text: str) -> bool:
    """Closes a quotation it never opened: a curly closing quote with no opening one before it, or a single
    straight quote mark at the end."""
    if "”" in text:
        return "“" not in text[:text.index("”")]
    return text.count('"') == 1 and text.rstrip().endswith('"')


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def standalone(text: str) -> bool:
    """Whether a sentence can be quoted in a summary without its neighbours.

    Rejects fragments (headings, captions), questions, over-long run-ons, page furniture,
    sentences that open on a reference back ("He said...", "This..."), and bare quotations.
    """
    n = word_count(text)
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    stripped = text.strip()
    if not _END.search(stripped) or stripped.endswith("?"):
        return False
    if _FURNITURE.search(stripped) or _META.search(stripped) or POINTER.search(stripped) or _DANGLING.match(stripped) \
            or _POINTS_BACK.search(stripped) or PAGE_NOTE.search(stripped):
        return False
    if not stripped[0].isupper() and not stripped[0].isdigit():
        return False
    # A sentence that is mostly a quotation says little without its speaker's context.
    quoted = sum(len(m) for m in re.findall(r"[\"“][^\"“”]*[\"”]", stripped))
    return not (stripped[0] in _QUOTES or quoted > 0.6 * len(stripped))
