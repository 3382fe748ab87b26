"""The public entry point: paths or articles in, a `Brief` out.

The pipeline runs these stages in order, each a plain function in its own folder:
ingest → clean (+ metadata) → nlp → entities → claims → conflicts → timeline →
summarize → report. Each reads the `Story` that earlier stages filled.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storylens.errors import InputError
from storylens.models import Article, Brief, Entity, Source, Story, StoryInfo
from storylens.models.article import GUESSED_DATES
from storylens.text import ends_mid_sentence, shorten, stops_with_ellipsis, trails_off_throughout

if TYPE_CHECKING:
    from storylens.conflicts.values import Value

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def load(
    paths: Sequence[str | Path], problems: list[InputError] | None = None, allow_private: bool = False
) -> list[Article]:
    """Read every input (files, folders, http(s) URLs) into raw articles.

    Raises InputError for an input named explicitly that cannot be read; files skipped
    inside a folder are appended to `problems` when it is given.
    """
    from storylens.ingest import load_paths
    from storylens.ingest.fetch import is_url, load_url

    out: list[Article] = []
    files: list[str | Path] = []

    def flush() -> None:
        if files:
            out.extend(load_paths(list(files), problems=problems))
            files.clear()

    for p in paths:
        if isinstance(p, str) and is_url(p):
            flush()
            out.extend(load_url(p, allow_private=allow_private))
        else:
            files.append(p)
    flush()
    return out


def prepare(articles: Iterable[Article]) -> list[Article]:
    """Clean text, find metadata and language, and mark syndicated copies."""
    from storylens.clean import clean_article
    from storylens.clean.dedup import mark_duplicates
    from storylens.clean.language import mark_languages

    cleaned = _unique_ids([clean_article(a) if not a.text else a for a in articles])
    return mark_duplicates(mark_languages(cleaned))


def analyse(
    articles: Sequence[Article], progress: Progress | None = None, notices: Sequence[str] = ()
) -> Story:
    """Run the analysis stages on clean articles and return the filled `Story`."""
    from storylens.claims import align_claims
    from storylens.clean.credits import credit_links
    from storylens.clean.genre import opinion_cue
    from storylens.conflicts import detect_conflicts
    from storylens.conflicts.detect import prefetch as prefetch_values
    from storylens.entities import resolve_entities
    from storylens.nlp import annotate_and_embed
    from storylens.summarize import summarize
    from storylens.timeline import build_timeline, consensus_date
    from storylens.timeline.events import prefetch as prefetch_dates

    story = Story(articles=list(articles), notices=list(notices))
    story.opinions = {a.id: cue for a in story.articles if (cue := opinion_cue(a))}
    story.credits, story.origins = credit_links(story.articles)
    timings: dict[str, float] = {}
    done: set[str] = set()  # stages run ahead, in the nlp stage's spare time
    values: dict[int, list[Value]] = {}  # the conflict stage's values, read in that spare time

    def step(name: str, fn: Callable[[], None]) -> None:
        if progress:
            progress(name)
        t0 = time.perf_counter()
        fn()
        timings[name] = time.perf_counter() - t0

    def _nlp() -> None:
        from storylens.nlp.models import warm_up

        warm_up()  # the encoder loads while spaCy parses
        def meanwhile(sentences: list, mentions: list) -> None:
            # while the encoder finishes, on the core spaCy leaves free: the conflict stage's values (parses
            # and reading), the entities (they need no vectors) and the timeline's dates
            partial = Story(articles=story.articles, sentences=sentences, mentions=mentions)
            story.entities = partial.entities = resolve_entities(partial)
            done.add("entities")
            values.update(prefetch_values(partial))
            done.add("values")
            prefetch_dates(partial, consensus_date(story.articles))

        story.sentences, story.mentions, story.embeddings = annotate_and_embed(story.analysed, meanwhile)

    def _entities() -> None:
        if "entities" not in done:
            story.entities = resolve_entities(story)

    def _claims() -> None:
        story.claims = align_claims(story)

    def _conflicts() -> None:
        story.conflicts = detect_conflicts(story, values=values if "values" in done else None)

    def _timeline() -> None:
        story.story_date = consensus_date(story.articles)
        story.timeline = build_timeline(story)

    def _summary() -> None:
        story.summary = summarize(story)

    def _strays() -> None:
        from storylens.stories.strays import strays

        odd = strays(story)
        if odd and len(odd) == len(story.analysed):
            story.notices.append("No two sources share much: they may report different stories.")
            return
        story.strays = odd  # the claims, the summary, the timeline and the brief's entities leave them out
        if len(odd) == 1:
            story.notices.append(f"This source shares little with every other source and may report another story; "
                                 f"the claims, summary, timeline and names leave it out: {odd[0]}")
        elif odd:
            story.notices.append("These sources share little with every other source and may report another story; "
                                 "the claims, summary, timeline and names leave them out: " + ", ".join(odd))

    step("nlp", _nlp)
    step("entities", _entities)
    step("strays", _strays)
    step("claims", _claims)
    step("conflicts", _conflicts)
    step("timeline", _timeline)
    step("summarize", _summary)
    log.debug("stage timings: %s", {k: round(v, 3) for k, v in timings.items()})
    _add_notices(story)
    return story


def _story_entities(story: Story) -> list[Entity]:
    """The entities as the story's own sources name them: a source that may report another story (`Story.strays`)
    adds no names (QA round 39: 60 of a brief's 98 entities came from an encyclopedia page saved beside it). Its
    names stay in its text and in the conflicts, which read every source."""
    strays = set(story.strays)
    if not strays:
        return story.entities
    out = []
    for entity in story.entities:
        kept = [m for m in entity.mentions if m.source not in strays]
        if kept:
            forms = {m.text for m in kept}
            aliases = [a for a in entity.aliases
                       if a in forms or not any(m.text == a for m in entity.mentions)]
            out.append(entity.model_copy(update={"mentions": kept, "aliases": aliases}))
    return out


def to_brief(story: Story) -> Brief:
    """Assemble the published brief from a filled story."""
    analysed = {a.id for a in story.analysed}
    opinions = story.opinions
    sources = [
        Source(
            id=a.id, title=a.title, author=a.author, outlet=a.outlet, published=a.published, url=a.url,
            text=a.text, removed=a.removed, language=a.language, duplicate_of=a.duplicate_of,
            analysed=a.id in analysed, opinion=a.id in opinions, draws_on=sorted(story.credits.get(a.id, {})),
        )
        for a in story.articles
    ]
    info = StoryInfo(
        title=story_title(story),
        date=story.story_date.isoformat() if story.story_date else None,
        n_sources=len(story.articles),
        # sources analysed: a page served in place of an article, or one in a language we cannot read, reports
        # nothing we could check
        n_independent=story.independent_count([a.id for a in story.analysed]),
    )
    return Brief(
        story=info, sources=sources, entities=_story_entities(story), claims=story.claims,
        conflicts=story.conflicts, timeline=story.timeline, summary=story.summary, notices=story.notices,
    )


def brief(
    inputs: Sequence[str | Path | Article] | str | Path,
    progress: Progress | None = None,
    allow_private: bool = False,
) -> Brief:
    """Build the cross-source brief of one story.

    `inputs` are paths (files or folders of .txt/.html/.jsonl/.warc/feeds), http(s)
    URLs, or `Article` objects (with `raw` and/or `text` set). Raises
    `storylens.InputError` when an input cannot be read or nothing usable is left;
    files skipped inside a folder are listed in the brief's notices.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if not inputs:
        raise InputError(None, "no input given: pass paths, URLs or Article objects")
    paths = [i for i in inputs if not isinstance(i, Article)]
    given = [i for i in inputs if isinstance(i, Article)]
    if progress:
        progress("ingest")
    problems: list[InputError] = []
    articles = (load(paths, problems, allow_private) if paths else []) + given
    if progress:
        progress("clean")
    articles = prepare(articles)
    where = ", ".join([str(p) for p in paths] + [f"article {a.id}" for a in given[:5]])
    if not any(a.text.strip() for a in articles):
        raise InputError(where, "no article text found")
    if not Story(articles=articles).analysed:
        # Else an empty brief came out, exit 0, with a notice that "only one source" could be analysed.
        found = ", ".join(f"{a.id} ({a.language})" for a in articles[:5] if a.text.strip())
        raise InputError(where, f"no source in English, the language storylens analyses (found: {found}"
                                f"{', ...' if len(articles) > 5 else ''})")
    notices = [f"Skipped {p}" for p in problems]
    story = analyse(articles, progress, notices)
    return to_brief(story)


_QUOTE_MARKS = ('"', "“", "‘", "'", "«", "„")


def story_title(story: Story) -> str:
    """The headline that best represents the story: the title most central among the sources'."""
    # a reported headline over a columnist's ("Media pundits mocked for ... 'dud' rally"), and a source of this
    # story's over one the strays check names ('"FASD" redirects here', an encyclopedia page, titled a QA brief)
    titled = [a for a in story.articles if a.title]
    titles = [a.title for a in titled if a.id not in story.opinions and a.id not in story.strays] \
        or [a.title for a in titled if a.id not in story.strays] \
        or ([a.title for a in titled] if not story.summary else [])
    if not titles:
        if story.summary:
            # a quotation is someone's words, not what happened: a reported sentence titles better
            told = [s.text for s in story.summary if not s.text.lstrip().startswith(_QUOTE_MARKS)]
            return shorten((told or [story.summary[0].text])[0])
        return "Untitled story"
    if len(titles) <= 2:
        return titles[0]
    from storylens.nlp import embed

    vecs = embed(titles)
    centrality = (vecs @ vecs.T).sum(axis=1)
    return titles[int(centrality.argmax())]


def _unique_ids(articles: list[Article]) -> list[Article]:
    counts: Counter[str] = Counter()
    for a in articles:
        counts[a.id] += 1
        if counts[a.id] > 1:
            a.id = f"{a.id}~{counts[a.id]}"
    return articles


def _why_read(story: Story, source_id: str) -> str:
    """Why an undated source is read against another day than the story's (`Story.reading_date`)."""
    from storylens.timeline.dates import latest_written

    if latest_written(story.article(source_id).text) == story.reading_date(source_id)[0]:
        return "the latest date it writes out"
    # (QA round 23: a page read against the day after the story's photo was said to write that day out)
    return "the day after the photo the story's date comes from"


def _add_notices(story: Story) -> None:
    analysed = {a.id for a in story.analysed}
    skipped = [f"{a.id} ({a.language or 'no text'})" for a in story.articles if a.id not in analysed]
    if skipped:
        story.notices.append("Could not analyse (not in English, or no text): " + ", ".join(skipped))
    n = len(story.analysed)
    if n == 0:
        # A store story of non-English articles reaches here (briefs from the store skip `brief`'s check).
        story.notices.append("No source could be analysed: the brief has no claims, conflicts or timeline.")
    elif n == 1:
        story.notices.append(
            "Only one source could be analysed: nothing can be compared, so no claim is corroborated "
            "and no conflict can be found."
        )
    elif story.independent_count([a.id for a in story.analysed]) >= 2 and story.claims \
            and not any(c.n_independent >= 2 for c in story.claims):
        # QA round 11: a gossip column and a court story about one singer shared no fact, and only the header's
        # "2 sources, 2 independent" spoke of them; QA round 24: three reports of one shooting, each in its own
        # words, were said to be perhaps different stories while the timeline put them on one event
        shared = any(story.independent_count(e.sources) >= 2 for e in story.timeline)
        story.notices.append(
            "No claim is stated by two independent sources in like words, so nothing here is marked corroborated; "
            "the timeline's events that several sources date alike are what they share." if shared else
            "No claim is stated by two independent sources: the sources may report different stories, or different "
            "parts of one, so nothing here corroborates anything.")
    # a feed's or an aggregator's excerpt stops mid-sentence ("... Chair Lina M. Khan. As the case..."): what it
    # leaves out may be what another source is compared against (QA round 11: three such sources, no notice)
    # (not a writer who trails off with "..." throughout: QA round 25's blog post was no excerpt)
    cut = [a.id for a in story.analysed if stops_with_ellipsis(a.text) and not trails_off_throughout(a.text)]
    if cut:
        story.notices.append("Excerpts (the text stops with \"...\", so the rest of the article is not here): "
                             + ", ".join(cut))
    # a text cut off at a word, with no mark at all ("... andrew mason, the former chief executive of groupon, who
    # was": QA round 23, Multi-News test-250, where every source is so cut)
    truncated = [a.id for a in story.analysed if a.id not in cut and ends_mid_sentence(a.text)]
    if truncated:
        story.notices.append("Cut off (the text ends mid-sentence, so the rest of the article is not here): "
                             + ", ".join(truncated))
    undated = [a.id for a in story.analysed if a.published_date is None]
    # (one that writes out a later year is read against the latest day it writes, one of a story with no date against
    # the day it names by weekday: `Story.reading_date`)
    read = {k: story.reading_date(k)[0] for k in undated}
    if n and len(undated) == n and not any(read.values()):
        story.notices.append("No source gives its date: relative days (\"on Monday\", \"yesterday\") cannot be put "
                             "on the calendar, so the timeline holds only dates written out in full.")
    elif n and len(undated) == n:
        story.notices.append("No source gives its date: the relative days (\"on Monday\", \"yesterday\") of one that "
                             "names a day by its weekday and month-day are read against that day and marked "
                             "approximate, the others' not at all: " + ", ".join(
                                 f"{k} (read against {read[k].isoformat()})" if read[k] else f"{k} (not read)"
                                 for k in undated))
    elif undated:
        story.notices.append("Undated (their relative days, such as \"on Monday\", are read against the other "
                             "sources' date and marked approximate): " + ", ".join(
                                 k if read[k] == story.story_date or read[k] is None
                                 else f"{k} (read against {read[k].isoformat()}, {_why_read(story, k)})"
                                 for k in undated))
    # (a caption, a credit or a source line: "SOURCE: ... Cancer, online January 25, 2016" is no photo caption)
    for cue, what in GUESSED_DATES.items():
        dated = [a for a in story.articles if a.extra.get("published_from") == cue]
        if dated:
            story.notices.append(f"Dated by {what} (the page gives no date of its own; its relative days are "
                                 "marked approximate): " + ", ".join(f"{a.id} ({a.published})" for a in dated))
    restamped = [a for a in story.articles if a.extra.get("published_given") and not a.extra.get("published_by")]
    if restamped:
        story.notices.append("Dated by the day in their web address, before the date given with them (read as the day "
                             "they were collected or updated): " + ", ".join(
                                 f"{a.id} ({a.published}, given {a.extra['published_given']})" for a in restamped))
    agreed = [a for a in story.articles if a.extra.get("published_by") == "page and address"]
    if agreed:
        story.notices.append("Dated by their page's own date stamp and web address, which agree, before the date given "
                             "with them (read as the day they were collected): " + ", ".join(
                                 f"{a.id} ({a.published}, given {a.extra['published_given']})" for a in agreed))
    stamped = [a for a in story.articles if a.extra.get("published_by") == "page"]
    if stamped:
        story.notices.append("Dated by their page's own date stamp, before the date given with them (the day in their "
                             "web address, read as a later move of the page): " + ", ".join(
                                 f"{a.id} ({a.published}, given {a.extra['published_given']})" for a in stamped))
    if story.opinions:
        story.notices.append("Opinion pieces (their views are not reporting; the summary leaves them out when other "
                             "sources report the story): " + ", ".join(f"{k} ({why} says so)"
                                                                       for k, why in story.opinions.items()))
    if story.credits:
        story.notices.append("Sources that credit another source's outlet for their report (what both state counts as "
                             "one report): " + ", ".join(f"{k} (credits {', '.join(f'{o} as {n!r}' for o, n in v.items())})"
                                                         for k, v in story.credits.items()))
    if story.origins:
        story.notices.append("Sources that credit one outlet for their report (they relay it, so what they state "
                             "alike counts as one report): " + "; ".join(f"{', '.join(ids)} ({name})"
                                                                        for name, ids in story.origins.items()))
    dup = [a for a in story.articles if a.duplicate_of]
    if dup:
        story.notices.append(
            (f"{len(dup)} sources are copies of another source's story and do not count as independent: "
             if len(dup) > 1 else "1 source is a copy of another source's story and does not count as independent: ")
            + ", ".join(f"{a.id} (copy of {a.duplicate_of})" for a in dup)
        )
