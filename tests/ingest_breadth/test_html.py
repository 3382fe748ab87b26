"""HTML extraction: real eval pages against their ground truth, and structural pruning on built pages."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from breadth_helpers import article_page

from storylens.clean.html import MAX_HTML_CHARS, extract_html
from storylens.errors import ParseError

LONG = ("The council approved the new budget on Tuesday after a debate that lasted more than six hours, "
        "with members arguing over funding for schools, roads and the city's ageing water network.")


def f1(pred: str, gold: str) -> float:
    p, g = Counter(re.findall(r"\w+", pred)), Counter(re.findall(r"\w+", gold))
    tp = sum((p & g).values())
    return 2 * tp / (sum(p.values()) + sum(g.values())) if tp else 0.0


def test_eval_pages_match_ground_truth(pages: list[tuple[str, str, str, str]]) -> None:
    scores = [f1(extract_html(html, url).text, gold) for _, html, url, gold in pages]
    assert min(scores) > 0.6
    assert sum(scores) / len(scores) > 0.9


def test_metadata_and_paragraphs(pages: list[tuple[str, str, str, str]]) -> None:
    _, html, url, _ = pages[1]
    ex = extract_html(html, url)
    assert ex.title and ex.published and re.match(r"\d{4}-\d{2}-\d{2}", ex.published)
    assert "\n\n" in ex.text  # paragraph structure kept
    assert ex.url == url


def test_furniture_is_pruned_and_listed_in_removed() -> None:
    related = "".join(f"<li><a href='/s{i}'>Another story headline number {i}</a></li>" for i in range(4))
    extra = (f"<p>Read more: <a href='/x'>Mayor resigns after the budget vote collapses</a></p>"
             f"<p>{LONG} Officials said the plan would be reviewed in spring.</p><ul>{related}</ul>"
             "<h2>Comments</h2>")
    html = article_page("Council passes the city budget", [LONG, LONG.replace("Tuesday", "Monday")], extra)
    ex = extract_html(html, "https://news.example/budget")
    assert ex.text.startswith("The council approved")
    assert "Read more" not in ex.text and "Another story headline" not in ex.text
    assert "Comments" not in ex.text
    assert any("Read more" in r for r in ex.removed)
    assert any("Another story headline number 2" in r for r in ex.removed)
    assert "reviewed in spring" in ex.text


def test_page_without_article_gives_empty_text() -> None:
    links = "".join(f"<li><a href='/c{i}'>Section {i}</a></li>" for i in range(30))
    ex = extract_html(f"<html><head><title>Index</title></head><body><ul>{links}</ul></body></html>")
    assert len(ex.text) < 200


def test_binary_content_is_refused() -> None:
    with pytest.raises(ParseError, match="binary"):
        extract_html("\x00\x01\x02\x03PK\x03\x04" + "\x00" * 500)


def test_oversized_blob_is_refused() -> None:
    with pytest.raises(ParseError, match="too large"):
        extract_html("<html><body><p>" + "a" * (MAX_HTML_CHARS + 1) + "</p></body></html>")


def test_declared_language_is_reduced_to_iso_639_1() -> None:
    html = article_page("Budget", [LONG, LONG]).replace("<html>", '<html lang="en-GB">')
    assert extract_html(html).language == "en"
