"""The data model that flows through the pipeline.

`Article` and the span types in `article.py` are the internal working objects;
`brief.py` holds the pydantic models of the published JSON contract (storylens.brief/1).
"""

from storylens.models.article import Article, Mention, Sentence, Story
from storylens.models.brief import (
    SCHEMA_ID,
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    DayNote,
    Entity,
    EntityMention,
    Quote,
    Source,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)

__all__ = [
    "SCHEMA_ID",
    "Article",
    "Brief",
    "Claim",
    "Conflict",
    "ConflictValue",
    "DayNote",
    "Entity",
    "EntityMention",
    "Mention",
    "Quote",
    "Sentence",
    "Source",
    "Story",
    "StoryInfo",
    "SummarySentence",
    "TimelineEvent",
]
