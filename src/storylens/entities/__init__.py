"""Entities stage: NER mentions clustered across sources into entities. (interim)"""

from storylens.models import Entity, Story


def resolve_entities(story: Story) -> list[Entity]:
    return []


__all__ = ["resolve_entities"]
