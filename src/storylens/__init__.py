"""storylens: many articles about one story in, a cross-source brief out.

    >>> import storylens
    >>> b = storylens.brief("examples/kim-train-2023")      # doctest: +SKIP
    >>> print(b.to_markdown())                               # doctest: +SKIP
"""

import logging

from storylens.api import analyse, brief, load, prepare, to_brief
from storylens.errors import (
    ConfigError,
    FetchError,
    InputError,
    ModelUnavailable,
    ParseError,
    StoreError,
    StorylensError,
    UnsafeURL,
    UnsupportedFormat,
)
from storylens.models import (
    SCHEMA_ID,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    DayNote,
    Entity,
    Quote,
    Source,
    Story,
    SummarySentence,
    TimelineEvent,
)

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_ID",
    "Article",
    "Brief",
    "Claim",
    "ConfigError",
    "Conflict",
    "ConflictValue",
    "DayNote",
    "Entity",
    "FetchError",
    "InputError",
    "ModelUnavailable",
    "ParseError",
    "Quote",
    "Source",
    "StoreError",
    "Story",
    "StorylensError",
    "SummarySentence",
    "TimelineEvent",
    "UnsafeURL",
    "UnsupportedFormat",
    "__version__",
    "analyse",
    "brief",
    "load",
    "prepare",
    "to_brief",
]
