"""Writing a batch clustering result: Parquet files, and optionally the story database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from storylens.errors import ConfigError, StoreError
from storylens.models import Article
from storylens.scale.pipeline import Result
from storylens.stories.features import DocFeatures


def write_parquet(result: Result, out: str | Path) -> list[Path]:
    """`articles.parquet` (one row per article with its story) and `stories.parquet` (one row per story)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("writing Parquet needs pyarrow: install storylens[scale]") from exc
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot create the output folder: {exc.strerror}") from exc
    story_of = result.assignments()
    rows = result.rows
    articles = pa.table({
        "id": [r["id"] for r in rows],
        "story": [story_of[r["id"]] for r in rows],
        "title": [r.get("title") for r in rows],
        "published": [r.get("published") for r in rows],
        "url": [r.get("url") for r in rows],
        "outlet": [r.get("outlet") for r in rows],
        "shard": [r.get("shard") for r in rows],
    })
    titles = {r["id"]: r.get("title") for r in rows}
    stories = pa.table({
        "story": [f"c{n + 1}" for n in range(len(result.stories))],
        "title": [next((titles[a] for a in m if titles.get(a)), None) for m in result.stories],
        "n_articles": [len(m) for m in result.stories],
        "articles": [list(m) for m in result.stories],
    })
    paths = [out / "articles.parquet", out / "stories.parquet"]
    pq.write_table(articles, paths[0])
    pq.write_table(stories, paths[1])
    return paths


def load_into_store(result: Result, db: str | Path) -> dict[str, int]:
    """Store each batch story (its articles and features) in one transaction; known articles are skipped."""
    from storylens.store.db import describe
    from storylens.store.repo import StoryStore, content_hash, normalise_url, now, story_headline

    by_id = {r["id"]: r for r in result.rows}
    added = skipped = stories = 0
    with StoryStore(db) as store:
        for members in result.stories:
            conn = store.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                fresh = []
                for a in members:
                    r = by_id[a]
                    art = Article(id=a, raw=r["text"], text=r["text"], url=r.get("url"))
                    if store.is_known(art):
                        skipped += 1
                    else:
                        fresh.append(r)
                if fresh:
                    cur = conn.execute("INSERT INTO stories (key, title, created_at) VALUES (?, ?, ?)",
                                       (f"tmp-{fresh[0]['id']}", story_headline(fresh[0].get("title"), fresh[0]["text"]), now()))
                    sid = f"s{cur.lastrowid}"
                    conn.execute("UPDATE stories SET key = ? WHERE id = ?", (sid, cur.lastrowid))
                    stories += 1
                for r in fresh:
                    blob = np.asarray(r["vector"], dtype=np.float16).tobytes()
                    feats = DocFeatures.from_parts(r["id"], blob, r["features"])
                    conn.execute(
                        "INSERT INTO articles (key, content_hash, url, title, outlet, published, path, text, "
                        "ingested_at, story_id, embedding, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "(SELECT id FROM stories WHERE key = ?), ?, ?)",
                        (store.free_key(r["id"]), content_hash(r["text"]), normalise_url(r.get("url")),
                         r.get("title"), r.get("outlet"), r.get("published"), r.get("shard"), r["text"], now(),
                         sid, blob, feats.to_json()))
                    added += 1
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"{db}: {describe(exc)}") from exc
    return {"added": added, "skipped": skipped, "stories": stories}
