"""Snippets of markup (feed descriptions, pasted paragraphs) keep their text.

trafilatura looks for a page's main block and often discards a one-paragraph fragment
whole; `extract_html` then falls back to the fragment's own blocks.
"""

from __future__ import annotations

from storylens.clean.html import extract_html, is_fragment
from storylens.ingest.feeds import parse_feed

SENTENCE = ("The council met on Tuesday to discuss the budget for the coming year, and members agreed "
            "to publish the full figures next week after a review by the finance office.")


def test_a_one_paragraph_fragment_keeps_its_text() -> None:
    assert extract_html(f"<p>{SENTENCE}</p>").text == SENTENCE


def test_bare_text_and_line_breaks_keep_their_text() -> None:
    assert extract_html(SENTENCE).text == SENTENCE
    other = SENTENCE.replace("council", "board")
    assert extract_html(f"<div>{SENTENCE}<br>{other}</div>").text == f"{SENTENCE}\n\n{other}"


def test_fragment_fallback_leaves_out_scripts_and_bare_links() -> None:
    text = extract_html(f"<p>{SENTENCE}</p><script>alert(1)</script><p><a href='/x'>More news</a></p>").text
    assert text == SENTENCE


def test_a_whole_page_of_links_is_still_no_article() -> None:
    page = "<html><body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></body></html>"
    assert not is_fragment(page)
    assert extract_html(page).text == ""


def test_feed_items_with_a_one_paragraph_description_are_read() -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
      <item><title>Budget</title><link>https://example.org/a</link>
        <description>&lt;p&gt;{SENTENCE}&lt;/p&gt;</description></item>
      <item><title>Plain</title><link>https://example.org/b</link><description>{SENTENCE}</description></item>
    </channel></rss>""".encode()
    from storylens.clean import clean_article

    articles = [clean_article(a) for a in parse_feed(feed, "desk.rss")]
    assert [a.text for a in articles] == [SENTENCE, SENTENCE]


def test_a_doctype_led_snippet_with_no_body_gives_no_text_rather_than_an_error() -> None:
    # Found by tests/fuzz: lxml asserts on '<!DOCTYPE><script>' instead of raising a parser error.
    assert extract_html("<!DOCTYPE><script>").text == ""
