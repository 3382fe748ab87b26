"""Opinion pieces: a page that says it gives its author's views, not reporting.

A fact-checker reads a columnist's "the rally was a dud" as a view, not as a fact a second
outlet confirms. Pages say what they are in their address (".../opinions/...", "/op-ed/",
"/opinion-the-second-amendment..."), in a label before the headline ("Opinion: ...",
"OP-ED | ..."), or in the disclaimer under the text ("The views expressed in this commentary
are solely those of the author"). Read from what the article keeps (its url, title and text,
and the pieces cleaning removed), so an article reloaded from the store reads the same.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from storylens.models import Article

# A path part naming an opinion section, or a slug that opens with the label ("opinion-the-second-amendment...").
_OPINION_PATH = re.compile(r"/(?:opinions?|commentary|op-?eds?|editorials?|columnists?|perspectives?)(?:/|$)"
                           r"|/(?:opinion|op-?ed)-(?!polls?-)"
                           # a slug that ends on the label before the page id: ".../israels-new-government-opinion-1600369"
                           r"|-(?:opinion|op-?ed)-\d+(?:$|[/?#.])", re.IGNORECASE)
_OPINION_LABEL = re.compile(r"^\s*(?:opinion|op-?ed|commentary|editorial|column|letters?|perspective)\s*[:|–—-]\s+\S",
                            re.IGNORECASE)
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) expressed (?:(?:in this (?:commentary|article|column|piece|post|essay)|here) )?are (?:solely )?"
    r"(?:those of the (?:author|writer)s?|(?:his|her|their|the author['’]s|the writer['’]s) own)", re.IGNORECASE)


def opinion_cue(article: Article) -> str:
    """Why the article reads as an opinion piece ("its address", "its headline", "its disclaimer"), or ""."""
    if article.url and _OPINION_PATH.search(urlsplit(article.url).path):
        return "its address"
    if article.title and _OPINION_LABEL.match(article.title):
        return "its headline"
    if any(_DISCLAIMER.search(t) for t in (article.text, *article.removed)):
        return "its disclaimer"
    return ""
