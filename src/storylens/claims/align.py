"""Sentences from different sources that say the same thing, grouped into claims.

Alignment uses the MiniLM sentence embeddings already in `story.embeddings`.
Pairs of claim sentences from different sources whose pair score (cosine plus word
overlap, below) reaches `ALIGN_THRESHOLD` are merged greedily, most similar first, into
groups that hold at most one sentence per source (a source repeating itself is not
corroboration).

A sentence and its denial are never one claim (`rebuttals`): showing a rebuttal as
corroboration is the error a fact-checker cannot afford.

Measured by `bench/claims.py` on ClaimDiff (claim pairs from different outlets on one
contentious event; figures and the threshold curve in bench/results/claims.md) and by
`bench/alignment.py` on cross-source pairs of whole briefs, labelled by hand (same fact,
part of it, only the same story). Within a story MiniLM's cosine is high for any two
sentences on its topic (0.64-0.77 for different facts about "the water department"),
while the same fact told in other words shares its rarer words: so the pair score adds
`LEXICAL_WEIGHT` × the Jaccard overlap of their content words, and the two settings
were chosen together on the labelled pairs' design half. At 0.70 with 0.5 (0.66 with 0.3
before) 83 % of grouped design pairs state one fact (73 % before) for nearly the same
recall; ClaimDiff groups 2.5 % of the train pairs where one claim weakens the other (5.6 %
before) and 11.4 % of those where it strengthens it (12.0 %); test, held-out: 0.0 % and
11.4 % (2.4 % and 13.7 %). The demo corpus's machine-translated paraphrases (cosine
0.63-0.83) stay grouped.

The similarity matrix is one numpy product over claim sentences; only the pairs above
the threshold are visited in Python, so the cost stays near-linear in practice.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import combinations

import numpy as np
from scipy import sparse

from storylens.claims.details import citable
from storylens.claims.filters import content_words, is_claim, is_denial, is_hedged, is_negated
from storylens.entities.cluster import UnionFind
from storylens.models import Claim, Quote, Sentence, Story
from storylens.text import ANTECEDENT_SENTENCES, dateline_end, in_page_note, without_dateline

ALIGN_THRESHOLD = 0.70
LEXICAL_WEIGHT = 0.5
NUMBER_PENALTY = 0.06
# Content-word Jaccard of two sentences told in the same words (a wire paragraph reworded, or one figure changed):
# there a measure of other values is a discrepancy ("... a depth of 1.2 miles" / "... a depth of 12 miles", 0.6),
# while sentences of a game or a deal give many measures of different things ("205 yards" / "a 73-yard drive").
SAME_WORDING = 0.4


def lexical_overlap(texts: list[str]) -> np.ndarray:
    """Pairwise Jaccard overlap of content words, as one sparse product."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for w in content_words(text):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(1, len(vocab))))
    inter = (x @ x.T).toarray()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def pair_scores(texts: list[str], embeddings: np.ndarray) -> np.ndarray:
    """The alignment score of every pair: MiniLM cosine + `LEXICAL_WEIGHT` × content-word Jaccard, less
    `NUMBER_PENALTY` when both sentences give figures and share none."""
    emb = np.asarray(embeddings)
    return emb @ emb.T + LEXICAL_WEIGHT * lexical_overlap(texts) - NUMBER_PENALTY * other_figures(texts)


def other_figures(texts: list[str]) -> np.ndarray:
    """1 where both sentences give figures and none of one's is the other's: a lump sum of "$316 million" and one
    of "$341.2 million" are a dispute or two facts, and either way no corroboration."""
    from storylens.conflicts.numbers import find_numbers

    ids: dict[float, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for base in {round(n.base, 6) for n in find_numbers(text) if n.base is not None}:
            rows.append(i)
            cols.append(ids.setdefault(base, len(ids)))
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(1, len(ids))))
    has = np.asarray(x.sum(axis=1)).ravel() > 0
    shared = (x @ x.T).toarray() > 0
    return (has[:, None] & has[None, :] & ~shared).astype(np.float32)


def other_measures(texts: list[str]) -> np.ndarray:
    """Pairs where both sentences give a measure of one kind (miles, dollars, percent) and each a value the other
    does not ("... and had a depth of 1.2 miles" / "... with a depth of 12 miles": a QA brief showed them as one
    corroborated claim); never one claim when they are also told in the same words (`SAME_WORDING`). Bare counts
    are left to the scores (a count of another thing is common)."""
    from storylens.conflicts.numbers import find_numbers

    by_dimension: dict[str, dict[int, list[tuple[float, float]]]] = {}
    for i, text in enumerate(texts):
        for n in find_numbers(text):
            if n.base is not None and n.dimension != "count":
                by_dimension.setdefault(n.dimension, {}).setdefault(i, []).append((n.low, n.high))

    def lacks(mine: list[tuple[float, float]], theirs: list[tuple[float, float]]) -> bool:
        # a value none of theirs can be ("about 37 mph" can be "approximately 60 kilometers per hour")
        return any(all(hi < lo2 or hi2 < lo for lo2, hi2 in theirs) for lo, hi in mine)

    out = np.zeros((len(texts), len(texts)), dtype=bool)
    for values in by_dimension.values():
        holders = sorted(values)
        for k, a in enumerate(holders):
            for b in holders[k + 1:]:
                if lacks(values[a], values[b]) and lacks(values[b], values[a]):
                    out[a, b] = out[b, a] = True
    return out


def rebuttals(texts: list[str]) -> np.ndarray:
    """Pairs that may never be one claim: one sentence denies or rebuts, the other negates nothing.

    "Trump said the search engine is biased" / "Google denied any political bias" score as
    alike as paraphrases, yet showing them as one corroborated claim turns a rebuttal into
    support. Two denials ("Google denied any bias" / "Google pushed back and denied ranking
    results") stay groupable, and so does a denial beside any other negation, which is often
    the same denial in other words ("Google said its results are not biased").
    """
    denial = np.array([is_denial(t) for t in texts], dtype=bool)
    negated = np.array([is_negated(t) for t in texts], dtype=bool)
    one_way = denial[:, None] & ~negated[None, :]
    return one_way | one_way.T


def _quote(story: Story, s: Sentence) -> Quote:
    """The sentence as an exact span of its article, without a wire dateline ("SAN FRANCISCO (AP) — "), as the summary
    quotes it (QA round 26: a claim kept it where the summary's copy of the same sentence had not)."""
    start = s.start + dateline_end(s.text)
    return Quote(source=s.source, start=start, end=s.end, quote=story.article(s.source).text[start:s.end])


def _groups(story: Story, idx: list[int], sims: np.ndarray, blocked: np.ndarray) -> list[list[int]]:
    """Greedy single-pass merge of above-threshold cross-source pairs (indices into `idx`).

    No group ever holds a `blocked` pair, even through a third sentence close to both.
    """
    sources = np.array([story.sentences[i].source for i in idx])
    cross = sources[:, None] != sources[None, :]
    upper = np.triu(np.ones_like(cross, dtype=bool), k=1)
    rows, cols = np.nonzero((sims >= ALIGN_THRESHOLD) & cross & upper & ~blocked)
    order = np.argsort(-sims[rows, cols], kind="stable")
    group_of = list(range(len(idx)))
    members: dict[int, list[int]] = {k: [k] for k in range(len(idx))}
    for k in order:
        a, b = group_of[rows[k]], group_of[cols[k]]
        if a == b:
            continue
        if {sources[m] for m in members[a]} & {sources[m] for m in members[b]}:
            continue
        if blocked[np.ix_(members[a], members[b])].any():
            continue
        # a newcomer must be close to most of the group, not just to one member (no chaining)
        block = sims[np.ix_(members[a], members[b])]
        if block.mean() < ALIGN_THRESHOLD - 0.06:
            continue
        for m in members[b]:
            group_of[m] = a
        members[a].extend(members.pop(b))
    return list(members.values())


def align_claims(story: Story) -> list[Claim]:
    """Group claim sentences across sources into claims, corroborated first.

    Fills `story.claim_sentences` (claim id -> sentence indices) as a side effect.
    """
    story.claim_sentences = {}
    if not story.sentences or story.embeddings is None:
        return []
    idx = _claim_sentences(story)
    if not idx:
        return []
    texts = [story.sentences[i].text for i in idx]
    sims = pair_scores(texts, np.asarray(story.embeddings)[idx])
    said_by = speakers(story)
    # two values of one measure in sentences told in the same words are a discrepancy, not a second report
    alike = lexical_overlap(texts) >= SAME_WORDING
    blocked = rebuttals(texts) | (other_measures(texts) & alike) \
        | other_speakers([said_by.get(i, frozenset()) for i in idx]) | other_quotations(texts)
    # Salience: how much of the rest of the story talks about this sentence.
    salience = np.clip(sims, 0, None).mean(axis=1)
    entity_at = _entity_index(story)
    # figures, days and months only: a claim's sources name its people in words of their own ("the Russian
    # president", "American sources") more often than a summary's quoted sentence leaves room for
    stated = citable(story, names=False)
    built: list[tuple[tuple[int, float], Claim, list[int]]] = []
    for rep, group in _split_unstated(_groups(story, idx, sims, blocked), idx, texts, sims, salience, story, stated):
        sents = [story.sentences[idx[m]] for m in group]
        sources = sorted({s.source for s in sents})
        n_ind = _independent(story, sents)
        ents = sorted({e for s in sents for e in entity_at.get(s.index, ())})
        claim = Claim(
            id="", text=without_dateline(story.sentences[idx[rep]].text),
            status="corroborated" if n_ind >= 2 else "single_source", sources=sources,
            hedged=all(is_hedged(s.text) for s in sents), evidence=[_quote(story, s) for s in sents],
            n_independent=n_ind, entities=ents,
        )
        built.append(((n_ind if n_ind >= 2 else 0, float(salience[group].max())), claim,
                      sorted(s.index for s in sents)))
    built.sort(key=lambda t: (-t[0][0], -t[0][1]))
    claims = []
    for k, (_, claim, sent_idx) in enumerate(built, start=1):
        claim.id = f"c{k}"
        story.claim_sentences[claim.id] = sent_idx
        claims.append(claim)
    return claims


def _split_unstated(groups: list[list[int]], idx: list[int], texts: list[str], sims: np.ndarray,
                    salience: np.ndarray, story: Story, stated: Callable[[int, int], bool]) -> list[tuple[int, list[int]]]:
    """Each group as (shown member, the members that state its words' details), and each member that does not as a
    claim of its own. A claim is listed with every source of its group, so a reader takes each to state its figures,
    days and names: "... available for T-Mobile consumer customers in June for $99" stood with five sources that
    say neither June nor $99, and "recovered 12 AK 47 guns" with eleven that say seven (QA round 14)."""
    out: list[tuple[int, list[int]]] = []
    for group in groups:
        # told in a reported sentence when there is one: a column's words are its author's view
        told = [m for m in group if story.sentences[idx[m]].source not in story.opinions] or group
        rep = _shown(told, group, texts, sims, salience,
                     lambda m, o: stated(idx[m], idx[o]))
        kept = [m for m in group if m == rep or stated(idx[rep], idx[m])]
        out.append((rep, kept))
        out.extend((m, [m]) for m in group if m not in kept)
    return out


def _shown(told: list[int], group: list[int], texts: list[str], sims: np.ndarray, salience: np.ndarray,
           states: Callable[[int, int], bool] | None = None) -> int:
    """The member whose words the claim is shown in: the one whose figures, days and names the most other members
    state (`claims.details`), then the one whose content words the other members state most of, on average (a detail only one
    source gives must not read as confirmed by every source listed; QA round 11), then the one closest to the rest
    of the group (the most talked-about of two)."""
    words = {m: content_words(texts[m]) for m in group}

    def stating(m: int) -> int:
        return sum(states(m, o) for o in group if o != m) if states else 0

    def covered(m: int) -> float:
        # the share of its words a member states, on average over the others: the union would favour a member that
        # adds its own fact to what every other says ("FIRE crews from Tiverton and Cullompton were this morning
        # called in to help fight a major blaze", shown for four sources naming neither town; QA round 19)
        others = [o for o in group if o != m]
        return round(sum(len(words[m] & words[o]) for o in others) / max(1, len(words[m])) / max(1, len(others)), 2)

    if len(group) > 2:
        return max(told, key=lambda m: (stating(m), not _OUTLET_SAYS.search(texts[m]), covered(m),
                                        float(sims[m, group].sum())))
    return max(told, key=lambda m: (stating(m), not _OUTLET_SAYS.search(texts[m]), covered(m), float(salience[m])))


# A sentence that ends by crediting one outlet ("The Saints have placed Bush (knee) on injured reserve, the Baton Rouge
# Advocate reports.") shown for nine sources credits them all to that outlet (QA round 27): told plainly if a member can.
_OUTLET_SAYS = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,5}(?:reports|reported|writes|wrote)[\s.\"”]*$")


# Words a sentence needs before two sources printing it word for word are taken for one wire copy, not two
# reports ("Police said the man was arrested." may well be written twice).
COPY_MIN_WORDS = 12


# Words in a row two sentences must share to be one wire paragraph however each opens ("After hitting her, the suspect
# sideswiped a parked vehicle before leaving the parking lot and heading west on American Boulevard." / "The car then
# sideswiped a parked vehicle before leaving ...": QA round 22 showed it corroborated by the two).
COPY_RUN_WORDS = 10


def _independent(story: Story, sents: list[Sentence]) -> int:
    """Independent sources among the claim's sentences: reprints of one story count once (`Story.reports`: a
    source crediting another's outlet joins it), and so do sources that print the claim's long sentence word for
    word (a wire paragraph two outlets ran) or share a long run of its words (the paragraph re-opened)."""
    report_of = story.reports({s.source for s in sents})  # copies, and sources crediting another's outlet
    roots = [report_of[s.source] for s in sents]
    reports = UnionFind(roots)
    first_with: dict[str, str] = {}  # long sentence -> the first root that prints it
    # (a speaker's words quoted alike by two outlets are no copy: both heard or read the speaker, QA round 24's
    # '"I'm very pleased to be doing what I'm doing as Secretary of State."' had been "one report")
    own = [_QUOTED.sub(" ", s.text) for s in sents]
    for text, root in zip(own, roots, strict=True):
        words = text.lower().split()
        if len(words) >= COPY_MIN_WORDS:
            reports.union(root, first_with.setdefault(" ".join(words), root))
    tokens = [_WORD.findall(text.lower()) for text in own]
    for i, j in combinations(range(len(sents)), 2):
        if roots[i] != roots[j] and min(len(tokens[i]), len(tokens[j])) >= COPY_RUN_WORDS \
                and reports.find(roots[i]) != reports.find(roots[j]) and _shared_run(tokens[i], tokens[j]) >= COPY_RUN_WORDS:
            reports.union(roots[i], roots[j])
    return len({reports.find(r) for r in roots})


_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _shared_run(a: list[str], b: list[str]) -> int:
    """The longest run of words the two token lists share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


_LEADING_LABEL = re.compile(r"^\W*\w+(?:\s\w+)?\s*:\s+")
_ASIDE = re.compile(r"\([^()]*\)")


def _repeat_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", _ASIDE.sub(" ", _LEADING_LABEL.sub("", text)).lower()))


def _claim_sentences(story: Story) -> list[int]:
    """Indices of the claim sentences, each sentence once per source: a page that repeats its lede (or a
    pull quote) states one claim, not two single-source claims with the same words, also when one copy carries a
    label or an aside the other lacks ("Summary: During his keynote ..." / "During his keynote ...", "... EYP
    Mission Critical Facilities Inc. (EYP MCF), a ..." / "... Inc., a ...": QA round 13). None from `Story.strays`."""
    chosen: dict[tuple[str, str], int] = {}
    strays = set(story.strays)  # sources that may report another story: their sentences claim nothing of this one
    texts = {a.id: a.text for a in story.articles}
    for s in story.sentences:
        key = (s.source, _repeat_key(s.text))
        # (a clipped clause has no end mark of its own: it is read as the sentence it would be with one)
        if is_claim(s.text + "." if s.clipped else s.text) and s.source not in strays \
                and not in_page_note(texts.get(s.source, ""), s.start, s.text):
            first = chosen.setdefault(key, s.index)
            if first != s.index and _LEADING_LABEL.match(story.sentences[first].text) \
                    and not _LEADING_LABEL.match(s.text):
                chosen[key] = s.index  # the copy in the body, not the one under a label
    return sorted(chosen.values())


# A speech verb right beside a person's name makes that person the sentence's speaker: "..., said Dr. David
# Weinberg", "Hendren said", "according to Pittsfield Lt. Michael Maddalena".
_SPEECH = (r"(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|explained|explains|pointed out|points out|"
           r"stated|states|announced|announces|confirmed|confirms|argued|argues|claimed|claims|insisted|insists|warned|"
           r"warns|stressed|stresses|emphasi[sz]ed|asserted|declared|revealed|acknowledged|admitted|recalled|recalls)")
_SAID_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)(?:\s+(?:[A-Z][a-z]{{0,4}}\.|[A-Z][\w'’-]+)){{0,3}}\s*$")
# "..., she said.", "she added": the words of the person named just before.
_PRONOUN_SAID = re.compile(rf"\b(?:he|she)\s+{_SPEECH}\b|\b{_SPEECH}\s+(?:he|she)\b")
_CLAUSE_END = re.compile(r"^(?:\s*$|['’]?\s*[,.;:!?”\"(]|\s+(?:who|of|at|in)\b)")
_SAID_AFTER = re.compile(rf"^(?:['’]s?)?,?\s+(?:\w+\s+){{0,1}}{_SPEECH}\b")


def speakers(story: Story) -> dict[int, frozenset[str]]:
    """Sentence index -> ids of the people it quotes or reports: a PERSON entity beside a speech verb, or for "...,
    she said" the person its article named last in the few sentences before."""
    sentence_at = _sentence_finder(story)
    texts = {a.id: a.text for a in story.articles}
    out: dict[int, set[str]] = {}
    named: dict[int, list[tuple[int, str]]] = {}  # sentence -> (start, person id) of the people it names
    for ent in story.entities or []:
        if getattr(ent, "type", "") != "PERSON":
            continue
        for m in ent.mentions:
            sent = sentence_at(m.source, m.start)
            if sent is None:
                continue
            text = texts[m.source]
            named.setdefault(sent.index, []).append((m.start, ent.id))
            after = text[m.end:min(sent.end, m.end + 30)]
            # (after the verb the name must end the clause: in "Authorities said Ortiz probably died" Ortiz is whom
            # the words are about)
            if _SAID_BEFORE.search(text[max(sent.start, m.start - 60):m.start]) and _CLAUSE_END.match(after) \
                    or _SAID_AFTER.match(after):
                out.setdefault(sent.index, set()).add(ent.id)
    for sent in story.sentences:
        if sent.index not in out and _PRONOUN_SAID.search(sent.text):
            before = [p for i in range(max(0, sent.index - ANTECEDENT_SENTENCES), sent.index)
                      if story.sentences[i].source == sent.source for p in named.get(i, ())]
            if before:
                out[sent.index] = {max(before)[1]}
    return {i: frozenset(v) for i, v in out.items()}


def other_speakers(speakers: list[frozenset[str]]) -> np.ndarray:
    """Pairs that may never be one claim: both sentences give the words of named people, and none the same ("...,
    said Dr. David Weinberg" / "..., Hendren said": QA round 11 found such pairs corroborating each other)."""
    n = len(speakers)
    out = np.zeros((n, n), dtype=bool)
    named = [k for k in range(n) if speakers[k]]
    for a in named:
        for b in named:
            if a < b and not speakers[a] & speakers[b]:
                out[a, b] = out[b, a] = True
    return out


# A quotation of five words or more, and the share of the shorter one's content words two must share to be one.
_QUOTATION = re.compile(r"[\"“]([^\"“”]{20,})[\"”]|^\s*[\"“]([^\"“”]{20,})$")  # (one opening a sentence may close in a later one)
# ... and the share of a sentence's content words its quotations must hold for the sentence to be them: "Graber
# purchased this ring ... and left it with the nursing staff, leaving behind only a signed note: "It's not much ..."
# tells what Graber did, as another source's quotation of him does (bench/alignment.py labels them one fact).
QUOTED_SHARE = 0.5
MIN_QUOTATION_WORDS = 5
SAME_QUOTATION = 0.5


def other_quotations(texts: list[str]) -> np.ndarray:
    """Pairs that may never be one claim: both sentences quote someone's words, and not the same words ('"We were
    grateful for the win," Tony Dungy said' / '"It's been a long fight back," Dungy said': QA round 35 found each
    quotation corroborated by another; '"Like I did with my first ... shot, I'm about to get my booster shot' /
    '"I'm glad to share that ... I received a booster vaccination," McConnell said': QA round 38). A paraphrase
    may still be one claim with a quotation."""
    quoted: list[set[str] | None] = []
    for text in texts:
        spans = [q for m in _QUOTATION.finditer(text) if len((q := m.group(1) or m.group(2)).split()) >= MIN_QUOTATION_WORDS]
        words = set().union(*(content_words(q) for q in spans)) if spans else set()
        quoted.append(words if words and len(words) >= QUOTED_SHARE * len(content_words(text)) else None)
    out = np.zeros((len(texts), len(texts)), dtype=bool)
    # (a paraphrase stays free, with or without its speaker: blocking those cost bench/alignment.py 6 of half 0's 37
    # right pairs, SAME and PART, for one wrong pair)
    for a, b in itertools.combinations([k for k, words in enumerate(quoted) if words], 2):
        wa, wb = quoted[a] or set(), quoted[b] or set()
        if len(wa & wb) < SAME_QUOTATION * min(len(wa), len(wb)):
            out[a, b] = out[b, a] = True
    return out


def _sentence_finder(story: Story) -> Callable[[str, int], Sentence | None]:
    """(source, character offset) -> the sentence of that source holding it, found by bisection."""
    starts: dict[str, list[int]] = {}
    by_source: dict[str, list[Sentence]] = {}
    for sent in story.sentences:
        by_source.setdefault(sent.source, []).append(sent)
        starts.setdefault(sent.source, []).append(sent.start)

    def find(source: str, offset: int) -> Sentence | None:
        k = bisect_right(starts.get(source, []), offset) - 1
        if k < 0 or offset >= by_source[source][k].end:
            return None
        return by_source[source][k]

    return find


def _entity_index(story: Story) -> dict[int, set[str]]:
    """Sentence index -> ids of the entities mentioned in it (whatever the entities stage found)."""
    sentence_at = _sentence_finder(story)
    out: dict[int, set[str]] = {}
    for ent in story.entities or []:
        for m in getattr(ent, "mentions", []):
            sent = sentence_at(m.source, m.start)
            if sent is not None:
                out.setdefault(sent.index, set()).add(ent.id)
    return out