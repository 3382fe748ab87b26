"""Small text helpers shared by the pipeline and its front ends."""

from __future__ import annotations


def shorten(text: str, width: int = 120) -> str:
    """`text` on one line, whole when it fits, else cut at a word boundary with "…".

    For titles made from a sentence or a first line: a title cut mid-word read as the whole headline.
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    if not text[width - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:—–-") + "…"
