"""The story database: SQLite (WAL, FTS5, versioned schema) holding articles, stories and brief versions."""

from storylens.store.briefs import brief_at, current_brief, recompute, refresh_stale
from storylens.store.check import CheckReport, check_store
from storylens.store.db import connect
from storylens.store.ingest import IngestReport, ingest_articles, ingest_paths
from storylens.store.recluster import Reclustered
from storylens.store.repo import StoryStore, content_hash, normalise_url

__all__ = [
    "CheckReport", "IngestReport", "Reclustered", "StoryStore", "brief_at", "check_store", "connect", "content_hash",
    "current_brief", "ingest_articles", "ingest_paths", "normalise_url", "recompute", "refresh_stale",
]
