"""The story database schema, as an ordered list of migrations.

`PRAGMA user_version` holds how many migrations a database has had. Append new
migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: stories, articles (deduplicated by content hash and URL), FTS5, brief versions.
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT,
        created_at TEXT NOT NULL,
        stale INTEGER NOT NULL DEFAULT 1,
        merged_into INTEGER REFERENCES stories(id)
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        title TEXT,
        author TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        path TEXT,
        duplicate_of TEXT,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        embedding BLOB NOT NULL,
        features TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX stories_merged ON stories(merged_into) WHERE merged_into IS NOT NULL;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE briefs (
        story_id INTEGER NOT NULL REFERENCES stories(id),
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        articles TEXT NOT NULL,
        brief TEXT NOT NULL,
        PRIMARY KEY (story_id, version)
    );
    """,
    # 2: a counter of whole-store re-sorts (`StoryStore.recluster`): a process holding the online
    # clusterer in memory rebuilds it when the counter has moved, since articles changed story in place.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('layout', 0);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
# The oldest schema a read-only open reads as it is (reading never needed what migration 2 added);
# an older one must be opened for writing once, which migrates it.
READABLE_FROM = 1
OUR_TABLES = frozenset({"stories", "articles", "briefs"})
