"""Entities stage: people, places and organisations merged across sources and spellings.

`resolve_entities(story)` clusters NER mentions (plus the mentions NER missed) into
`Entity` objects; `entity_ids_by_sentence(story, entities)` tells later stages
which entities each sentence mentions.
"""

from storylens.entities.resolve import entity_ids_by_sentence, resolve_entities

__all__ = ["entity_ids_by_sentence", "resolve_entities"]
