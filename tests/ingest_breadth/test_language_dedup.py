"""Language detection and near-duplicate marking."""

from __future__ import annotations

from breadth_helpers import eval_pages

from storylens.clean.dedup import mark_duplicates
from storylens.clean.language import detect_language, mark_languages
from storylens.models import Article


def test_languages() -> None:
    assert detect_language("The council approved the new budget on Tuesday after a long debate.") == "en"
    assert detect_language("Le conseil municipal a approuvé mardi le nouveau budget après un long débat.") == "fr"
    assert detect_language("O conselho aprovou o novo orçamento na terça-feira depois de um longo debate.") == "pt"
    assert detect_language("市議会は火曜日、長い議論の末に新しい予算を承認した。") == "ja"
    assert detect_language("ok") is None


def test_mark_languages_overrides_template_default() -> None:
    art = Article(id="a", raw="", text="Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt beschlossen.",
                  language="en")
    mark_languages([art])
    assert art.language == "de"


def _reprint(text: str, outlet: str) -> str:
    words = text.split()
    words[len(words) // 3] = "reportedly"  # a light edit
    return f"{outlet} staff and wire reports.\n\n" + " ".join(words) + f"\n\nCopyright {outlet}. All rights reserved."


def test_reprints_point_at_the_earliest_copy() -> None:
    golds = [g for _, _, _, g in eval_pages(6) if len(g) > 1500][:3]
    original = Article(id="wire", raw="", text=golds[0], published="2023-09-12")
    early_copy = Article(id="copy-a", raw="", text=_reprint(golds[0], "Daily A"), published="2023-09-11")
    late_copy = Article(id="copy-b", raw="", text=_reprint(golds[0], "Daily B"), published="2023-09-13")
    half = Article(id="excerpt", raw="", text=golds[0][: len(golds[0]) // 2], published="2023-09-14")
    others = [Article(id=f"other{i}", raw="", text=g, published="2023-09-12") for i, g in enumerate(golds[1:])]
    arts = mark_duplicates([original, early_copy, late_copy, half, *others])
    dup = {a.id: a.duplicate_of for a in arts}
    assert dup["copy-a"] is None  # earliest published copy is the root
    assert dup["wire"] == dup["copy-b"] == dup["excerpt"] == "copy-a"
    assert all(dup[o.id] is None for o in others)


def test_ties_go_to_input_order_and_short_texts_are_left_alone() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    a, b = Article(id="a", raw="", text=text), Article(id="b", raw="", text=text)
    c, d = Article(id="c", raw="", text="Breaking news."), Article(id="d", raw="", text="Breaking news.")
    mark_duplicates([a, b, c, d])
    assert (a.duplicate_of, b.duplicate_of, c.duplicate_of, d.duplicate_of) == (None, "a", None, None)


def test_a_story_quoting_a_short_post_whole_is_no_copy_of_it() -> None:
    # a QA brief labelled a 392-word news story "copy of" the 96-word Instagram post it quotes whole
    golds = [g for _, _, _, g in eval_pages(6) if len(g) > 1500][:2]
    post = " ".join(golds[0].split()[:90])
    story = " ".join(golds[1].split()[:150]) + f'\n\nIn the post, he wrote: "{post}"\n\n' + \
        " ".join(golds[1].split()[150:300])
    arts = mark_duplicates([Article(id="post", raw="", text=post, published="2023-09-11"),
                            Article(id="story", raw="", text=story, published="2023-09-12")])
    assert [a.duplicate_of for a in arts] == [None, None]
    # the same post reprinted with a few words around it is a copy
    reprint = Article(id="reprint", raw="", text=f"Posted on Monday:\n\n{post}\n\nShare this.", published="2023-09-12")
    arts = mark_duplicates([Article(id="post", raw="", text=post, published="2023-09-11"), reprint])
    assert arts[1].duplicate_of == "post"
