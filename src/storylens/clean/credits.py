"""Sources that credit another source of the story: "..., according to the Berkshire Eagle".

An aggregator's rewrite of a local paper's scoop repeats the paper's facts in its own words, so
text overlap (`clean.dedup`) does not see a copy; but the rewrite says where it got them. A source
that credits the outlet of another source ("according to X", "X reported", "told X", "(via X)")
draws on that source, and the two count as one report for what they both state.

An outlet is known by the names a source carries: its `outlet` field, its web address
("berkshireeagle.com"), a wire agency's dateline tag ("(Reuters) -") and a reporter's contact
address in its text or in what cleaning removed ("Reach Bob Dunn at bdunn@berkshireeagle.com").
A credited name matches when one of its spellings is one of those names: the whole name without
spaces ("The New York Times" -> "newyorktimes"), its first words ("Fox News Digital" credits Fox
News), its initials ("WSJ" for "wsj.com"), or the initials of all but its last word and that word
("nytimes", "latimes").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from storylens.models import Article

# One capitalised name of up to six words ("the Berkshire Eagle", "The Wall Street Journal", "NBC News").
# A full stop stays inside a word only ("U.S."), so a name never runs on into the next sentence.
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_NAME = rf"({_WORD}(?:\s+(?:of|&|{_WORD})){{0,5}})"
_THE = r"(?:the\s+)?"
# What crediting an outlet looks like. "X said" is no credit (police, officials and companies say things).
_CREDITS = [re.compile(p) for p in (
    r"\b[Aa]ccording to " r"(?:(?:a|an|the) (?:report|story|article|interview|piece|post)s? (?:in|by|from|with|on) )?" + _THE + _NAME,
    _NAME + r",? (?:which |who )?(?:first |originally |earlier |previously |also )?(?:reported|reports)\b",
    r"\b(?:first |originally )?reported (?:earlier |first )?(?:by|in) " + _THE + _NAME,
    r"\b(?:told|tells?|in an interview with|speaking to|speaking with|spoke to|spoke with) " + _THE + _NAME,
    r"\b(?:via|h/t|hat tip to|citing) " + _THE + _NAME,
)]
# A wire story's dateline tag ("SEOUL, South Korea (AP) --", "(Reuters) -").
_WIRE_TAG = re.compile(r"\((AP|Reuters|AFP|Bloomberg|UPI|CNN|Xinhua|dpa|ANSA|Kyodo|Yonhap|EFE)\)\s*[-—–]")
# A reporter's contact address: "Reach Bob Dunn at bdunn@berkshireeagle.com", "Contact ... at ...@...".
_CONTACT = re.compile(r"\b(?:[Rr]each|[Cc]ontact|[Ee]-?mail|[Ww]rite to)\b[^\n]{0,80}?@([a-z0-9-]+)\.(?:com|org|net|co\.uk|com\.au|ca)\b")
# A wire story's contributor line: "Associated Press writers Rukmini Callimachi and Michelle Faul in Dakar, Senegal,
# contributed to this report." (a QA brief of round 18 counted a rewrite crediting "the Associated Press news agency"
# as independent of the AP story it drew on: the story carried no dateline tag, only this line)
_CONTRIBUTORS = re.compile(r"^(?:The )?(Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|CNN|UPI)\s+"
                           r"(?:staff\s+)?(?:writers?|reporters?|correspondents?)\b.{0,200}?\bcontributed\b")
# Names two outlets share so widely that they name no one source ("News", "Press").
_TOO_SHORT = 3
_ALIASES = {"ap": "associatedpress", "apnews": "associatedpress", "afp": "agencefrancepresse"}


def _key(name: str) -> str:
    # an aggregator's label after the name goes: "New York Times (News)", "CNN (Online News)"
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip())
    key = re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name.lower()))
    return _ALIASES.get(key, key)


def spellings(name: str) -> set[str]:
    """The keys a credited name may match: the name without spaces, its first words without spaces, its
    initials, and the initials of all but its last word followed by that word ("Los Angeles Times" ->
    "losangelestimes", "losangeles", "lat", "latimes")."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"^[Tt]he\s+", "", name)) if w.lower() not in ("of", "and")]
    out = {_key(name)}
    # and the same of the name cut after each word from the second on: "Fox News Digital" is Fox News
    for n in range(2, len(words)):
        out.add(_key(" ".join(words[:n])))
    if len(words) >= 2:
        out.add("".join(w[0] for w in words).lower())
        out.add("".join(w[0] for w in words[:-1]).lower() + words[-1].lower())
    return {k for k in out if len(k) >= _TOO_SHORT}


def outlet_names(article: Article) -> set[str]:
    """Keys naming the outlet that published the article (see the module's docstring)."""
    names: set[str] = set()
    if article.outlet:
        names.add(_key(article.outlet))
    if article.url:
        host = (urlsplit(article.url).hostname or "").removeprefix("www.")
        parts = host.split(".")
        if len(parts) >= 2:
            # the label before the public suffix: "nytimes" of nytimes.com, "bbc" of bbc.co.uk
            names.add(_key(parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net") else parts[-2]))
    head = article.text[:300]
    names |= {_key(m) for m in _WIRE_TAG.findall(head)}
    for text in (article.text, *article.removed):
        names |= {m.lower() for m in _CONTACT.findall(text)}
    names |= {_key(m) for text in article.removed for m in _CONTRIBUTORS.findall(text)}
    return {n for n in names if len(n) >= _TOO_SHORT}


def credited_names(text: str) -> list[str]:
    """The names a text credits for what it reports, as written."""
    out = []
    for pattern in _CREDITS:
        for m in pattern.finditer(text):
            name = re.sub(r"['’]s$", "", m.group(1)).rstrip(".")
            out.append(name)
    return out


# Words and names that make a credited name a news outlet's ("the New York Post", "People.com", "TMZ"): two sources
# crediting one such outlet that is not among them relay its report; two citing the police or the CDC do not.
_OUTLET_NAMES = frozenset({"cnn", "bbc", "nbc", "abc", "cbs", "fox", "msnbc", "reuters", "ap", "afp", "bloomberg",
                           "tmz", "politico", "axios", "variety", "people", "deadline", "newsday", "npr", "pbs",
                           "cnbc", "espn", "usa", "vice", "vox", "slate", "salon", "buzzfeed", "huffpost", "gawker",
                           "radar", "radaronline", "peoplecom", "usweekly", "eonline", "mailonline", "skynews"})


def _outlet_like(name: str) -> bool:
    from storylens.clean.lexicon import NEWS_ORG_WORDS

    words = [w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+", name)]
    return _key(name) in _OUTLET_NAMES or any(w in NEWS_ORG_WORDS or w in _OUTLET_NAMES for w in words) \
        or name.lower().endswith((".com", ".co.uk"))


def credit_links(articles: Sequence[Article]) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """`credited_sources` and `shared_origins` of the articles, their outlets read once."""
    names = {a.id: outlet_names(a) for a in articles}
    return _credited(articles, names), _shared(articles, names)


def shared_origins(articles: Sequence[Article]) -> dict[str, list[str]]:
    """A news outlet that is not among the sources -> the sources (two or more) that credit it for their report:
    rewrites of one outlet's scoop ("According to the New York Post and People.com ..." / "Sources tell the New
    York Post that ...": a QA brief counted them independent). Sources of one outlet are left out, as above."""
    return _shared(articles, {a.id: outlet_names(a) for a in articles})


def credited_sources(articles: Sequence[Article]) -> dict[str, dict[str, str]]:
    """Source id -> {id of a source whose outlet it credits: the name as it credits it}."""
    return _credited(articles, {a.id: outlet_names(a) for a in articles})


def _shared(articles: Sequence[Article], names: dict[str, set[str]]) -> dict[str, list[str]]:
    ours = set().union(*names.values()) if names else set()
    crediting: dict[str, dict[str, str]] = {}  # outlet key -> {source id: the name as written}
    for a in articles:
        for name in credited_names(a.text):
            key = _key(name)
            if len(key) >= _TOO_SHORT and _outlet_like(name) and not spellings(name) & ours:
                crediting.setdefault(key, {}).setdefault(a.id, name)
    out = {}
    for by in crediting.values():
        ids = sorted(by)
        if len(ids) >= 2 and not any(names[x] & names[y] for i, x in enumerate(ids) for y in ids[i + 1:]):
            out[next(iter(by.values()))] = ids
    return out


def _credited(articles: Sequence[Article], names: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for a in articles:
        for name in credited_names(a.text):
            keys = spellings(name)
            for b in articles:
                if b.id != a.id and keys & names[b.id] and not (names[a.id] & names[b.id]):
                    out.setdefault(a.id, {}).setdefault(b.id, name)
    return out
