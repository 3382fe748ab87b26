"""Which sentences state something (claims) and which hedge it.

Cheap text rules, because they run on every sentence of every article: a claim is
a complete declarative sentence of some length; headings, captions, list items,
questions and fragments are not claims.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storylens.text import PAGE_NOTE, POINTER, ends_in_ellipsis

MIN_WORDS = 6
MIN_CONTENT_WORDS = 3
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_END = re.compile(r"""[.!;:]["'”’»)\]]*$""")
_FUNCTION = frozenset(["a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "not", "no", "so", "if", "than", "then", "there", "here", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "about", "into", "over", "after", "before"])
# Hedge cues: attribution and modality that keep a statement from being a plain assertion.
_HEDGE = re.compile(
    # ("more likely", "less likely than": a comparison of chances found, no hedge: QA round 34, a study's "Younger
    # patients ... were also more likely ... to get more aggressive treatments")
    r"\b(?:reportedly|allegedly|apparently|supposedly|purportedly|presumably|possibly|probably|"
    r"(?<!\bmore )(?<!\bless )(?<!\bmost )(?<!\bleast )(?<!\bas )(?<!\btimes as )likely|"
    r"it is (?:believed|thought|said|understood|rumou?red|expected)|is (?:said|believed|thought|reported|rumou?red)"
    r" to|are (?:said|believed|thought|reported|rumou?red) to|according to|sources? (?:say|said|says)|"
    r"might|rumou?red|unconfirmed|assumptions?|estimated?|speculat\w*|seem(?:s|ed)?|appears? to|seemingly|"
    # a possibility stated as such ("It is possible that the murder took place due to ...", QA round 29)
    r"(?:possible|conceivable|probable|likely|unlikely) that)\b|"
    # "this may be": the modal after "this", which the month's guard of `_MAY` lets by ("this May" is the month)
    r"\bthis may (?:be|have|not|well|also|mean|seem|prove|explain|help|reflect|signal)\b|"
    # "would"/"could" qualify a statement, but not when negated ("would not confirm", "could not strike a deal",
    # a refusal or failure reported as fact, like "couldn't"), closing a clause ("did the best we could"), telling
    # what was perceived ("Kim could be seen smiling") or a later fact of a narrative ("she would later become").
    r"\b(?:would|could)\b(?!\s+(?:not|never|later|go on|be (?:seen|heard))\b)(?![\s\"“”'’]*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)
# The modal "may", in lower case only: "in May" and "Theresa May" qualify nothing. Text written all in lower case
# (Multi-News test-250) writes the month so too: after a preposition or an article, or before a day or a year ("a
# may misdemeanor theft conviction", "in may 2011") it is the month.
_MAY = re.compile(r"(?<!\bin )(?<!\bon )(?<!\bsince )(?<!\blast )(?<!\bthis )(?<!\bnext )(?<!\bof )(?<!\buntil )"
                  r"(?<!\bby )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\bfrom )(?<!\bthrough )(?<!\bduring )(?<!\ba )"
                  r"(?<!\bthe )\bmay\b(?!\s+\d)")


def content_words(text: str) -> set[str]:
    """Lower-cased words that carry meaning (used for lexical overlap)."""
    return {w.lower().strip("'’") for w in _WORDS.findall(text) if w.lower() not in _FUNCTION and len(w) > 2}


_INTERVIEW_QUESTION = re.compile(r"^Q[.:]\s")
# A statement that ends by quoting a question ("... before taking his own life on Wednesday, asking: “What the hell is
# wrong with us?”": QA round 24 lost a source's lead): six words of its own before the quotation.
_QUOTED_QUESTION = re.compile(r"^[^\"“”]*?(?:\b\w+\W+){6}[^\"“”]*[\"“][^\"“”]+\?\s*[\"”]\s*$")


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def is_claim(text: str) -> bool:
    """True for a complete declarative sentence; False for questions, headings and fragments."""
    t = text.strip()
    words = _WORDS.findall(t)
    if len(words) < MIN_WORDS or len(content_words(t)) < MIN_CONTENT_WORDS:
        return False
    quoted_question = _QUOTED_QUESTION.search(t)
    if (t.endswith("?") and not quoted_question) or "\n" in t or _INTERVIEW_QUESTION.match(t):
        return False  # an interviewer's "Q. Senate Democrats say they will reject ..." asks; it claims nothing
    if not (_END.search(t) or quoted_question):
        return False  # headings, captions and list items carry no final punctuation
    if ends_in_ellipsis(t):
        return False  # an excerpt cut off with "..." ("This is textbook anti-Semitism, and we will ... until...")
    if PAGE_NOTE.search(t):
        return False  # the page's note on its versions ("The year was wrong in an earlier version of this story.")
    if POINTER.search(t):
        return False  # a pointer to the page's own media ("You can see the cold open below, via NBC:")
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) < 0.7


# Modals that qualify nothing: a wish ("may we find ways to honour him", "may he rest in peace": "may" before its
# subject) and an ability in a clause of time or degree ("before she could finish", "as fast as he could").
_NOT_HEDGING = re.compile(r"\bmay(?=\s+(?:we|god|he|she|they|you|i|his|her|their|our)\b)|"
                          # others' guess the sentence corrects ("was not fueled by propane or natural gas, as some had
                          # speculated": QA round 37 marked the denial hedged)
                          r"\bas\s+(?:some|many|others|critics|observers|officials|reports)?\s*(?:had\s+|have\s+|has\s+)?"
                          r"(?:speculated|suggested|feared|assumed|rumou?red)\b|"
                          r"\b(?:before|until|till|as soon as|so that|as \w+ as|than)\s+(?:\w+\s+){0,2}could\b|"
                          # a wish is no doubt ("I would like to take a moment to congratulate ...", QA round 13)
                          r"\bwould(?=\s+(?:like|love|prefer)\s+(?:[\w'’-]+\s+){0,3}?to\b)|"
                          # the question put to a speaker, not the speaker's doubt ("Asked if it might be her, she
                          # replied: 'Well, not me.'", QA round 24)
                          r"\basked (?:if|whether)\b[^,;:]{0,80}|"
                          # what an embedded question asks ("a discussion of how he could fund such a bid", QA round
                          # 27): the statement around it is not qualified
                          r"\b(?:how|whether)\s+(?:[\w'’-]+\s+){1,3}(?:could|would|might|can)\b|"
                          # what may follow from a thing the sentence names ("asked regulators on Thursday ..., a
                          # move that could help protect children", QA round 30): the statement itself is plain
                          r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+(?:that|which)\s+(?:could|would|might)\b|"
                          # a standard followed, not a source cited ("triple wrapped, according to european union
                          # norms", QA round 22; "according to plan")
                          r"\baccording to (?:[\w-]+\s+){0,3}(?:norms?|rules?|regulations?|guidelines?|laws?|"
                          r"protocols?|plans?|schedules?|procedures?|standards?|traditions?|customs?|instructions?)\b",
                          re.IGNORECASE)
# "would" of a habit, told with how often ("where I would fly twice a month", "Woodward would move a flower pot ...
# whenever he needed to meet Felt"): a past fact, not a hedge
_HABIT = re.compile(r"\b(?:every|each|twice|whenever|usually|often|always|sometimes|regularly)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def is_hedged(text: str) -> bool:
    """True when the sentence attributes or qualifies its statement ("reportedly", "would", "may")."""
    text = _NOT_HEDGING.sub(" ", text)
    if _HABIT.search(text):
        text = re.sub(r"\bwould\b", " ", text, flags=re.IGNORECASE)
    return bool(_HEDGE.search(text) or _MAY.search(text))


# A denial or rebuttal as a speech act: the speaker says someone else's statement is false.
# Only explicit forms: a bare "not" is too often a paraphrase ("had not left since 2019" =
# "his first trip since 2019"), and "dismiss the case", "pushed back the launch", "was denied
# bail", "denied the request" or "territorial disputes" deny no statement.
_OBJECT = (r"(?:the|these|those|that|this|any|all|such|his|her|their|its)?\s*(?:[\w’'-]+\s+){0,2}?"
           r"(?:claims?|allegations?|accusations?|assertions?|reports?|suggestions?|notion|idea|charges?|"
           r"characteri[sz]ations?|accounts?|premise|arguments?|figures|findings|conclusions?|versions?|"
           r"statements?|narratives?|assessments?|descriptions?)")
# What is denied when "denied" is a refusal, not a rebuttal ("denied Texas' request", "was denied bail").
_GRANTED = (r"(?:requests?|motions?|appeals?|applications?|petitions?|bids?|bail|entry|access|permission|"
            r"visas?|permits?|licen[cs]es?|asylum|parole|clemency|funding|services?|rights|benefits|coverage|"
            r"a hearing)\b")
_DENIAL = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bbe )"
    r"\bden(?:y|ies|ied|ying)\b(?!\s+(?:him|her|them|us|me)\b)(?!\s+(?:[\w’'-]+\s+){0,2}?" + _GRANTED + r")|"
    r"\bdenials?\s+(?:of|that)\b|"
    r"\b(?:reject|disput|contest|dismiss)(?:e|es|ed|s|ing)?\s+" + _OBJECT + r"\b|"
    r"\b(?:disput|contest)(?:e|es|ed|s|ing)\s+that\b|"
    r"\b(?:refut|rebutt?)(?:e|es|ed|s|ing|al)?\b|"
    r"\bpush(?:ed|es|ing)?\s+back\b(?!\s+(?:the|its|their|his|her|a|an|until|to|by|from|\d))|"
    r"\bno evidence\b|\bfalsely\b|\b(?:not true|untrue|baseless|unfounded)\b|"
    r"\bcontradict(?:s|ed|ing)?\b|"
    # doubt stated outright: "I am skeptical about their value to customers" doubts the claim it resembles
    r"\b(?:skeptical|sceptical|unconvinced|doubtful)\b|(?<!no )(?<!little )\bdoubts?\s+(?:that|whether|about)\b|"
    r"\b(?:questioned|questions|questioning)\s+whether\b|\bcasts?\s+doubt\b|"
    # not knowing: "It was not immediately clear where they would be taken" confirms no destination
    r"\bunclear\b|\bnot\s+(?:immediately\s+|yet\s+|entirely\s+)?(?:clear|known)\b|\bunknown\s+(?:where|whether|when|"
    r"how|why|what|who|if)\b|"
    # not telling: "T-Mobile and BlackBerry haven't said when the Q10 will be available" gives no date (a QA brief
    # counted it for the group saying "in June for $99.99")
    r"\b(?:(?:has|have|had|did|does|do|would|will)(?:\s+not|n[’']t)\s+(?:yet\s+)?|declined\s+to\s+|refused\s+to\s+)"
    r"(?:say|said|disclose[d]?|announce[d]?|reveal(?:ed)?|specif(?:y|ied)|confirm(?:ed)?|give|given|provide[d]?)\s+"
    r"(?:(?:exactly|publicly)\s+)?(?:when|where|what|how|whether|who|why|if)\b|\bno\s+word\s+(?:yet\s+)?on\s+(?:when|whether|"
    r"how|what|where)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|nothing|neither|nobody|without|unlikely)\b|n[’']t\b",
                       re.IGNORECASE)


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def is_denial(text: str) -> bool:
    """True when the sentence denies or rebuts a statement ("Google denied any bias", "no evidence of fraud")."""
    return bool(_DENIAL.search(text))


def is_negated(text: str) -> bool:
    """True when the sentence negates anything at all (a denial, "not", "never", "no", "n't")."""
    return bool(_NEGATION.search(text)) or is_denial(text)
