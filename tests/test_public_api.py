"""The public surface is deliberate, importing is cheap, and every CLI command has help."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import storylens


def test_all_lists_exactly_the_public_names():
    public = {n for n in dir(storylens) if not n.startswith("_")} - {
        # submodules that Python binds as attributes once imported
        "api", "errors", "models", "nlp", "ingest", "clean", "entities", "claims", "conflicts",
        "timeline", "summarize", "report", "stories", "store", "scale", "web", "cli", "logging", "text",
    }
    assert set(storylens.__all__) - {"__version__"} == public


def test_import_does_no_heavy_work():
    code = (
        "import sys, storylens; "
        "heavy = [m for m in ('spacy', 'torch', 'sentence_transformers', 'trafilatura') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("command", ["brief", "schema", "extract", "ingest", "stories", "cluster", "serve"])
def test_every_command_has_help(command):
    out = subprocess.run([sys.executable, "-m", "storylens", command, "--help"], check=False, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Usage" in out.stdout


def test_errors_are_one_line():
    err = storylens.InputError("a/b.txt", "the file is empty\nsecond line")
    assert str(err) == "a/b.txt: the file is empty second line"
    assert isinstance(err, storylens.StorylensError)


def test_notice_for_a_story_with_no_analysable_source_is_true():
    from storylens.api import _add_notices
    from storylens.models import Article, Story

    german = [Article(id=f"d{i}", raw="t", text="Der Zug entgleiste am Montag.", language="de") for i in range(2)]
    story = Story(articles=german)
    _add_notices(story)
    # It said "Only one source could be analysed" with none analysed (store briefs skip brief()'s check).
    assert not any("Only one source" in n for n in story.notices)
    assert any(n.startswith("No source could be analysed") for n in story.notices)
    one = Story(articles=german[:1] + [Article(id="e", raw="t", text="The train derailed.", language="en")])
    _add_notices(one)
    assert any("Only one source could be analysed" in n for n in one.notices)


def test_untitled_story_title_is_cut_at_a_word_with_an_ellipsis():
    from storylens.api import story_title
    from storylens.models import Article, Story
    from storylens.models.brief import SummarySentence

    long = ("Astronomers said on Tuesday that a survey of distant supernovae refined the measured rate of galactic "
            "expansion — a result that sharpens the tension between two methods.")
    story = Story(articles=[Article(id="a", raw=long, text=long)], summary=[SummarySentence(text=long, sources=["a"])])
    title = story_title(story)
    assert len(title) <= 120 and title.endswith("…")
    assert long.startswith(title[:-1]) and long[len(title) - 1] == " "  # ends on a whole word
    short = "The bridge reopened on Monday."
    story.summary = [SummarySentence(text=short, sources=["a"])]
    assert story_title(story) == short
    # a quotation is not the story's title while a reported sentence is there
    story.summary = [SummarySentence(text="“It was not a real gun,” he said.", sources=["a"]),
                     SummarySentence(text=short, sources=["a"])]
    assert story_title(story) == short


def _derailed(ids: str) -> list:
    """One English sentence per source id, analysed, undated."""
    from storylens.models import Article

    return [Article(id=k, raw="t", text="The train derailed on Monday.", language="en") for k in ids]


def _notices(arts: list) -> list[str]:
    from storylens.api import _add_notices
    from storylens.models import Story

    story = Story(articles=arts)
    _add_notices(story)
    return story.notices


def test_copy_notice_counts_in_plain_english():
    arts = _derailed("abc")
    arts[1].duplicate_of = "a"
    assert any(n.startswith("1 source is a copy of another source's story") for n in _notices(arts))
    arts[2].duplicate_of = "a"
    assert any(n.startswith("2 sources are copies") and "c (copy of a)" in n for n in _notices(arts))


def test_undated_sources_are_named_in_the_notices():
    # QA: an undated oral history's "Monday" was dated against another source's day with no word said
    arts = _derailed("ab")
    assert any(n.startswith("No source gives its date") for n in _notices(arts))
    arts[0].published = "2023-09-12"
    assert any(n.startswith("Undated") and n.endswith(": b") for n in _notices(arts))
    arts[1].published = "2023-09-13"
    assert not any("date" in n for n in _notices(arts))


def test_a_story_with_no_date_reads_a_source_against_the_day_it_names_by_weekday():
    # QA round 19 (Multi-News): "Thursday October 19" in a text that writes 2017 pins its year; the text said it was
    # arrested "Saturday", which the brief could not place
    from storylens.models import Article, Story

    text = ("The banks were robbed on Thursday October 19 and Friday October 20. He was arrested Saturday. A charge "
            "against him was stayed October 23, 2017.")
    arts = [Article(id="a", raw="t", text=text, language="en"), *_derailed("b")]
    notices = _notices(arts)
    assert any(n.startswith("No source gives its date") and "a (read against 2017-10-23)" in n and "b (not read)" in n
               for n in notices)
    assert Story(articles=arts).reading_date("a") == (date(2017, 10, 23), True)
    assert Story(articles=arts).reading_date("b") == (None, True)


def test_independent_sources_are_counted_among_those_analysed():
    # a conflicts-dev brief read "5 sources, 5 independent" with a 404 page among them
    from storylens.api import to_brief
    from storylens.models import Article, Story

    arts = _derailed("abc")
    arts[1].duplicate_of = "a"
    arts.append(Article(id="gone", raw="Sorry, the page you requested was not found.", text=""))
    arts.append(Article(id="de", raw="t", text="Der Zug entgleiste am Montag.", language="de"))
    info = to_brief(Story(articles=arts)).story
    assert (info.n_sources, info.n_independent) == (5, 2)


@pytest.mark.slow
def test_a_source_dated_by_its_photo_caption_is_named_in_the_notices():
    caption = "Photo: Police speak to the media outside the station, Friday, May 2, 2014. (AP Photo/Peter Morrison)"
    a = ("Police questioned the party leader for a third day on Saturday about the 1972 killing of a mother of ten.\n\n"
         f"{caption}\n\nThe leader denied any involvement, his party said in a statement.")
    b = ("The party leader was questioned by police on Saturday about the 1972 killing, officials said.\n\n"
         "He has denied any role in the killing, a statement from his party said.")
    brief = storylens.brief([storylens.Article(id="a", raw=a), storylens.Article(id="b", raw=b, published="2014-05-04")])
    assert any(n.startswith("Dated by a date in a caption or credit line") and "a (2014-05-02)" in n for n in brief.notices)
    assert {s.id: s.published for s in brief.sources} == {"a": "2014-05-02", "b": "2014-05-04"}


def test_an_opinion_piece_is_named_and_left_out_of_the_summary():
    # a NeuS brief summarised a CNN column's views ('the rally ... was smaller than expected') as plain statements
    from storylens.api import analyse, to_brief
    from storylens.report.markdown import render_markdown

    news = ("Fencing around the Capitol installed ahead of the rally on Saturday started coming down on Monday. "
            "Police said about 400 people attended the rally, far fewer than expected. "
            "Officers arrested four people during the event, police said.")
    view = ("The rally was a sad attempt to rewrite the history of the riot, and it deserves our scorn. "
            "Republican leaders should be ashamed of the lies they keep telling about that day.")
    arts = [storylens.Article(id="hill", raw=news, text=news, published="2021-09-20", language="en"),
            storylens.Article(id="cnn", raw=view, text=view, published="2021-09-20", language="en",
                              url="https://www.cnn.com/2021/09/18/opinions/justice-for-j6-rally/index.html")]
    story = analyse(arts)
    assert story.opinions == {"cnn": "its address"}
    brief = to_brief(story)
    assert {s.id: s.opinion for s in brief.sources} == {"hill": False, "cnn": True}
    assert any(n.startswith("Opinion pieces") and "cnn (its address says so)" in n for n in brief.notices)
    assert brief.summary and all("cnn" not in s.sources for s in brief.summary)
    assert "| cnn (opinion) |" in render_markdown(brief)
    # a story told by opinion pieces alone is still summarised
    alone = to_brief(analyse([arts[1]]))
    assert alone.summary and alone.sources[0].opinion


def test_a_source_of_another_story_never_titles_the_brief():
    # QA round 12: an encyclopedia page the strays check named ('"FASD" redirects here ...') titled a brief
    from storylens.api import story_title
    from storylens.models import Article, Story
    from storylens.models.brief import SummarySentence

    lead = "The reality star is pregnant, the paper reported on Wednesday."
    story = Story(articles=[Article(id="a", raw=lead, text=lead),
                            Article(id="w", raw="x", text="x", title='"FASD" redirects here.')],
                  summary=[SummarySentence(text=lead, sources=["a"])])
    story.strays = ["w"]
    assert story_title(story) == lead
    story.articles[0].title = "Snooki is pregnant"
    assert story_title(story) == "Snooki is pregnant"
    story.summary = []
    story.articles[0].title = None
    assert story_title(story) == '"FASD" redirects here.'  # nothing else to go by
