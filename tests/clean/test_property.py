"""Property: whatever the input, the filter loses nothing silently and keeps its output shape."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.clean import clean_text
from storylens.clean.units import normalise_newlines

LINES = st.sampled_from([
    "The council voted 7-2 on Monday.", "Advertisement", "Share this article", "By Jane Doe",
    "2024-03-04 10:00", "See also Other story", "Photo: AP", "Cracks found", "• Teaser headline",
    "We use cookies. Accept to continue. Read our privacy policy.", "\u00a0", "", "Home » News",
    "“It is safe,” she said", "4:12 PM", "#tag #tag2", "Don't miss…", "x[REPORT]", "   ",
])
TEXTS = st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=25).map(
    lambda parts: "".join(p + ("\n\n" if i % 3 else "\n") for i, p in enumerate(parts)))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_token_is_kept_or_removed(raw: str) -> None:
    out = clean_text(raw)
    assert Counter(normalise_newlines(raw).split()) == Counter(" ".join([out.text, *out.removed]).split())
    assert all(p and p == p.strip() and "\n\n" not in p for p in out.paragraphs)
