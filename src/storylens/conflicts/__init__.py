"""Conflicts stage: typed values that disagree between aligned claims. (interim)"""

from storylens.models import Conflict, Story


def detect_conflicts(story: Story) -> list[Conflict]:
    return []


__all__ = ["detect_conflicts"]
