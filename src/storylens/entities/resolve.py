"""The entities stage: NER mentions of all sources merged into entities, plus missed mentions.

Steps: clean each NER span (spans.py) → add "Long Name (ACR)" definitions →
cluster distinct spellings and resolve lone surnames (cluster.py) → search every
article for the known names NER missed (scan.py) → pick a canonical name and type
per entity and order entities by salience.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict

from storylens.entities.cluster import Key, assign, bare_name, dominant, reads_as_place
from storylens.entities.gazetteer import AP_STATES
from storylens.entities.gazetteer import key as place_key
from storylens.entities.nicknames import DIMINUTIVES
from storylens.entities.normalize import is_acronym, is_title, name_key, split_words
from storylens.entities.places import known_place
from storylens.entities.scan import acronym_definitions, lower_case_words, scan_article
from storylens.entities.spans import (
    Span,
    clean_mention,
    context_votes,
    couple_surnames,
    extend_person,
    is_institution,
    is_ship,
    known_names,
    list_votes,
    mend_cut_names,
    name_an_institution,
    storm_words,
)
from storylens.models import Entity, EntityMention, Story


def resolve_entities(story: Story) -> list[Entity]:
    """Cluster the story's NER mentions into entities, ids "e1", "e2", ... by salience."""
    texts = {a.id: a.text for a in story.analysed}
    lower = lower_case_words(texts.values())
    spans = _clean_spans(story, texts, lower)
    assigned, parts = assign(spans)
    # Which single name parts the story uses alone: only those may be searched for
    # as a first name; a last name is always searched for (Western "Smith").
    used_alone = {name_key(s.text) for s in spans if len(name_key(s.text)) == 1}
    surnames = {k[-1] for s, _ in assigned if len(k := name_key(s.text)) >= 2}
    caps = {name_key(s.text) for s in spans if s.text.isupper()}
    indexes = _article_indexes(list(texts), assigned, parts, surnames, used_alone)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        covered[s.source].append((s.start, s.end))
    found: list[tuple[Span, Key]] = []
    for source, text in texts.items():
        found += scan_article(source, text, covered[source], indexes[source], lower, caps)
    return _build(story, assigned + found)


def entity_ids_by_sentence(story: Story, entities: list[Entity]) -> dict[int, set[str]]:
    """Sentence index (into `story.sentences`) → ids of the entities mentioned in it."""
    starts: dict[str, list[int]] = defaultdict(list)
    indices: dict[str, list[int]] = defaultdict(list)
    for s in sorted(story.sentences, key=lambda s: (s.source, s.start)):
        starts[s.source].append(s.start)
        indices[s.source].append(s.index)
    out: dict[int, set[str]] = defaultdict(set)
    for e in entities:
        for m in e.mentions:
            pos = bisect_right(starts.get(m.source, []), m.start) - 1
            if pos >= 0:
                out[indices[m.source][pos]].add(e.id)
    return dict(out)


def _clean_spans(story: Story, texts: dict[str, str], lower: set[str]) -> list[Span]:
    by_source: dict[str, list[Span]] = defaultdict(list)
    for m in story.mentions:
        text = texts.get(m.source)
        if text is None:
            continue
        span = clean_mention(m, text, lower)
        if span is not None:
            by_source[m.source].append(span)
    known = known_names(s for spans in by_source.values() for s in spans)
    full = [split_words(s.text) for spans in by_source.values() for s in spans if s.label == "PERSON"]
    given = {w[0].lower() for w in full if len(w) >= 2} | set(DIMINUTIVES)
    surnames = {w[-1].lower() for w in full if len(w) >= 2}
    out: list[Span] = []
    for source, text in texts.items():
        spans = mend_cut_names(sorted(by_source.get(source, []), key=lambda s: s.start), text, known)
        # In text order, each span may grow up to its neighbours but never into them.
        for i, s in enumerate(spans):
            if s.label == "PERSON":
                floor = spans[i - 1].end if i else 0
                ceiling = spans[i + 1].start if i + 1 < len(spans) else len(text)
                name_an_institution(s, text, ceiling)
                if s.label == "PERSON":
                    extend_person(s, text, floor, ceiling, lower)
        for s in spans:
            context_votes(s, text)
        list_votes(spans, text)
        couple_surnames(spans, text, given, surnames)
        spans += acronym_definitions(source, text, [(s.start, s.end) for s in spans])
        out += spans
    drop_leading_roles(out, texts, lower)
    return drop_shouted(out, texts)


def drop_shouted(spans: list[Span], texts: dict[str, str]) -> list[Span]:
    """Names NER found in a passage written all in capitals ("RCMP MAKE ARRESTS IN BC POLYGAMOUS COMMUNITY ...
    TWO MEN, WINSTON BLACKMORE AND ...") are kept only when the story also writes them in normal case: there the
    model cannot tell names from words ("RCMP MAKE", "MEN", "WINSTON")."""
    def shouted(s: Span) -> bool:
        text = texts[s.source]
        around = text[max(0, s.start - 40) : s.start] + text[s.end : s.end + 40]
        return sum(c.isalpha() for c in around) >= 20 and not any(c.islower() for c in around) \
            and not any(c.islower() for c in s.text)
    loud = [shouted(s) for s in spans]
    known = {name_key(s.text) for s, is_loud in zip(spans, loud, strict=True) if not is_loud}
    return [s for s, is_loud in zip(spans, loud, strict=True) if not is_loud or name_key(s.text) in known]


def drop_leading_roles(spans: list[Span], texts: dict[str, str], lower: set[str]) -> None:
    """A person's full name known on its own, with a role NER took in before it ("Owner Arte Moreno",
    "Attorney-General Wally Oppal", "RB Joique Bell" beside "Arte Moreno", ...): the span keeps the known name,
    so the two are one person. A role is a word the story also writes in lower case, a title, or a short code in
    capitals, or a compound with a lower-case part ("Super-agent"); a given name is none of these ("Stephen
    Humphrey Bogart" is not "Humphrey Bogart", "Clarissa Dickson Wright" not "Dickson Wright")."""
    people = {s.text for s in spans if s.label == "PERSON" and len(s.text.split()) >= 2}
    for s in spans:
        words = s.text.split(maxsplit=1)
        if (s.label == "PERSON" and len(words) == 2 and len(words[1].split()) >= 2 and words[1] in people
                and _role(words[0], lower)):
            s.start = s.end - len(words[1])
            s.text = texts[s.source][s.start : s.end]


def _role(word: str, lower: set[str]) -> bool:
    parts = word.split("-")
    return ((word.isupper() and len(word) <= 3) or all(p.lower() in lower or is_title(p) for p in parts)
            or any(p[:1].islower() for p in parts[1:]))


def _article_indexes(
    sources: list[str],
    assigned: list[tuple[Span, Key]],
    parts: dict[str, set[Key]],
    surnames: set[str],
    used_alone: set[Key],
) -> dict[str, dict[Key, Key]]:
    """Per article, name key → cluster as that article reads it: the article's own
    resolutions first, then the name parts of the people it names (or of the one person
    in the story with that part), then names that mean one thing story-wide. A first
    name counts as a part only when the story uses it alone ("Ri" for a Korean name;
    never "Tomas")."""
    roots_of: dict[Key, Counter[Key]] = defaultdict(Counter)
    local: dict[str, dict[Key, Counter[Key]]] = defaultdict(lambda: defaultdict(Counter))
    weight: Counter[Key] = Counter()
    present: dict[str, Counter[Key]] = defaultdict(Counter)
    for s, root in assigned:
        key = name_key(s.text)
        roots_of[key][root] += 1
        weight[root] += 1
        local[s.source][key][root] += 1
        present[s.source][root] += 1
    story_wide = {k: next(iter(c)) for k, c in roots_of.items() if len(c) == 1}
    searchable = {p: roots for p, roots in parts.items() if p in surnames or (p,) in used_alone}
    indexes: dict[str, dict[Key, Key]] = {}
    for source in sources:
        index = dict(story_wide)
        here_count = present[source]
        for part, roots in searchable.items():
            here = [r for r in roots if here_count[r]]
            if here:
                index[(part,)] = max(here, key=lambda r: (here_count[r], weight[r], r))
            elif len(roots) == 1:
                index[(part,)] = next(iter(roots))
        for key, c in local[source].items():
            index[key] = c.most_common(1)[0][0]
        indexes[source] = index
    return indexes


def _build(story: Story, assigned: list[tuple[Span, Key]]) -> list[Entity]:
    order = {a.id: i for i, a in enumerate(story.articles)}
    clusters: dict[Key, list[Span]] = defaultdict(list)
    seen: set[tuple[str, int, int]] = set()
    for s, root in assigned:
        if (s.source, s.start, s.end) in seen:
            continue
        seen.add((s.source, s.start, s.end))
        clusters[root].append(s)
    ranked = []
    for spans in clusters.values():
        spans.sort(key=lambda s: (order[s.source], s.start))
        votes: Counter[str] = Counter()
        for s in spans:
            votes.update(s.votes)
        sources = {s.source for s in spans}
        salience = (-len(sources), -len(spans), order[spans[0].source], spans[0].start)
        ranked.append((salience, spans, entity_type(spans, votes)))
    ranked.sort(key=lambda r: r[0])
    entities = []
    for i, (_, spans, label) in enumerate(ranked, start=1):
        written = [full_form(s) for s in spans]
        forms = Counter(written)
        name = canonical_name(written, [s.source for s in spans])
        aliases = sorted((f for f in forms if f != name), key=lambda f: (-forms[f], f))
        mentions = [EntityMention(source=s.source, start=s.start, end=s.end, text=s.text) for s in spans]
        entities.append(Entity(id=f"e{i}", name=name, type=label, aliases=aliases, mentions=mentions))
    return entities


def full_form(span: Span) -> str:
    """The name a span stands for: its text, with the surname a couple shares ("Bill" of "Bill and Melinda
    Gates" is "Bill Gates")."""
    return f"{span.text} {span.family}" if span.family else span.text


# Platforms and firms news names bare, as a subject or with "on", which the small NER model often takes for a
# person ("Twitter said", "Pfizer and Moderna"): always the organisation.
WELL_KNOWN_ORGS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "snapchat", "linkedin", "reddit",
    "telegram", "google", "apple", "amazon", "microsoft", "netflix", "spotify", "uber", "airbnb", "pfizer",
    "moderna", "astrazeneca", "biontech", "novavax",
})


def entity_type(spans: list[Span], votes: Counter[str]) -> str:
    """The voted label, except a place no sentence reads as one: a name NER calls GPE in most mentions and ORG
    in some ("Netflix said", "Netflix's subscribers"), never written "in X" or "X county", that is no known
    place, is the organisation. A real place gets the benefit of the doubt ("Britain said ..."); and a known
    place that a sentence reads as one ("in Bamako") is a place whatever NER voted."""
    label = dominant(votes)
    if label != "ORG" and all(s.text.lower().strip(".’'") in WELL_KNOWN_ORGS for s in spans):
        return "ORG"
    if label != "ORG" and any(s.company for s in spans):
        return "ORG"  # "Homrich, a company contracted by the department": NER's PERSON was its guess
    if any(is_ship(s.text) for s in spans):
        return "PRODUCT"  # "INS Tabar" and its bare "Tabar", tagged GPE: the ship
    if label in ("WORK_OF_ART", "PRODUCT") and any(is_institution(s.text) for s in spans):
        return "ORG"  # "Morningside Recovery" (a work of art to NER) is the "Morningside Recovery Center" of others
    unplaced = not any(reads_as_place(s) for s in spans)
    if label == "GPE" and votes["ORG"] > 0 and unplaced and not any(known_place(s.text) for s in spans):
        return "ORG"
    if label in ("ORG", "PERSON") and not unplaced and all(known_place(s.text) for s in spans):
        return "GPE"  # a known place some sentence reads as one ("in Bamako"): NER's ORG/PERSON was its slip
    return label


def canonical_name(forms: list[str], sources: list[str] | None = None) -> str:
    """The most complete, then most widely written (by sources, then by mentions), well-formed spelling among a
    cluster's surface forms (`sources`: each form's source). One article repeating its misspelling ("Barak Obama"
    four times) does not outvote the others' "Barack Obama" (a QA brief named him so)."""
    counts = Counter(forms)
    writers = Counter(f for f, _ in set(zip(forms, sources or range(len(forms)), strict=True)))
    first = {f: i for i, f in reversed(list(enumerate(forms)))}

    def score(f: str) -> tuple:
        n_tokens = len(name_key(f))
        shouting = n_tokens > 1 and f.isupper()  # "NEW ZEALAND" in a headline
        acronym = is_acronym(f)
        # "House Intelligence Committee" over "House intelligence committee", whichever is more frequent (small
        # words are lower case in names too: "Orange Is the New Black", "Arthur de Soultrait")
        lower = sum(w[0].islower() and len(w) > 3 for w in f.split())
        # "Tesla" over "Tesla Inc.", "INS Tabar" over "Tabar", "Hurricane Henri" over "Henri"
        plain = bare_name(f) is None or is_ship(f) or storm_words(f) > 0
        spelt = place_key(f) not in AP_STATES  # "California" over "Calif."
        return (not shouting, not acronym, plain, spelt, n_tokens, -lower, writers[f], counts[f], -first[f])

    return max(counts, key=score)
