"""Summarize stage: a short extractive summary whose sentences cite their sources. (interim)"""

from storylens.models import Story, SummarySentence


def summarize(story: Story) -> list[SummarySentence]:
    return []


__all__ = ["summarize"]
