"""Opinion pieces: a page that says it gives its author's views, not reporting.

A fact-checker reads a columnist's "the rally was a dud" as a view, not as a fact a second
outlet confirms. Pages say what they are in their address (".../opinions/...", "/op-ed/",
"/opinion-the-second-amendment..."), in a label before the headline ("Opinion: ...",
"OP-ED | ..."), or in the disclaimer under the text ("The views expressed in this commentary
are solely those of the author"), and a review in its rating ("* * (out of four)", "Running time:" with
"Rating: PG-13"). Read from what the article keeps (its url, title and text,
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


# A review's verdict or its box of credits: a star rating ("* * (out of four)", "3 out of 5 stars", "★★★"), a letter
# grade on a line of its own ("Grade: C+"), a film's rating and running time (QA round 23: four film reviews read
# as reporting, "Tucci is jolting in the role" corroborated by three).
_RATING = re.compile(r"\((?:out of (?:four|five|4|5)(?: stars)?)\)|\b\d(?:\.\d)? out of (?:four|five|4|5) stars\b"
                     r"|^\s*[★☆]{2,5}\s*$|^\s*grade\s*:\s*[A-F][+-]?\s*$", re.IGNORECASE | re.MULTILINE)
_FILM_BOX = re.compile(r"^\s*(?:running time|run time)\s*:|^\s*(?:rated|rating|mpaa rating)\s*:?\s*(?:G|PG|PG-13|R|NC-17)\b",
                       re.IGNORECASE | re.MULTILINE)


def opinion_cue(article: Article) -> str:
    """Why the article reads as an opinion piece ("its address", "its headline", "its disclaimer", "its rating"), or
    ""."""
    if article.url and _OPINION_PATH.search(urlsplit(article.url).path):
        return "its address"
    if article.title and _OPINION_LABEL.match(article.title):
        return "its headline"
    texts = (article.text, *article.removed)
    if any(_DISCLAIMER.search(t) for t in texts):
        return "its disclaimer"
    if any(_RATING.search(t) for t in texts) or len({m.group().split(":")[0].strip().lower()[:3]
                                                      for t in texts for m in _FILM_BOX.finditer(t)}) >= 2:
        return "its rating"  # a review: its critic's verdict
    return ""
