"""The record-producing API behind `storylens extract`: inputs in, one flat record per article out.

Inputs are files, folders or http(s) URLs, in any format ingest reads (text, HTML,
JSONL, WARC, RSS/Atom). Each article is cleaned, its language detected, and then
near-duplicates are marked across the whole batch. An input that fails gives one
record with `error` set, and the batch goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storylens.errors import InputError
from storylens.models import Article

# libxml2's HTML parser (under lxml and trafilatura) keeps 256 levels of nesting and drops deeper content.
MAX_PARSED_DEPTH = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
# Void elements, and elements pages often leave unclosed: neither says anything about depth.
_FLAT = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"])

FIELDS = ("id", "url", "title", "author", "outlet", "published", "language", "text", "removed",
          "duplicate_of", "error")


def record(article: Article | None = None, error: InputError | None = None) -> dict[str, Any]:
    """One output record. An error record names the input in `url` (a URL) or `id` (a path)."""
    if article is not None:
        return {
            "id": article.id, "url": article.url, "title": article.title, "author": article.author,
            "outlet": article.outlet, "published": article.published, "language": article.language,
            "text": article.text, "removed": list(article.removed), "duplicate_of": article.duplicate_of,
            "error": None,
        }
    rec: dict[str, Any] = dict.fromkeys(FIELDS)
    rec["removed"] = []
    where = error.path if error is not None else None
    if where and where.lower().startswith(("http://", "https://")):
        rec["url"] = where
    rec["id"] = where
    rec["error"] = str(error) if error is not None else "unknown error"
    return rec


def iter_inputs(inputs: Sequence[str | Path], allow_private: bool = False) -> Iterator[Article | InputError]:
    """Raw articles from every input, or the `InputError` of each input (or record) that failed."""
    from storylens.ingest import iter_files, missing, read_file
    from storylens.ingest.fetch import is_url, iter_url

    for given in inputs:
        text = str(given)
        if is_url(text):
            yield from iter_url(text, allow_private)
            continue
        path = Path(text).expanduser()
        if not path.exists():
            yield missing(text)
            continue
        files = list(iter_files(path)) if path.is_dir() else [path]
        if not files:
            yield InputError(text, "the folder has no files (hidden files are skipped)")
        for f in files:
            yield from _read_one(f, read_file)


def _read_one(path: Path, read_file: Any) -> Iterator[Article | InputError]:
    from storylens.ingest.sniff import sniff_path

    try:
        if path.is_file() and path.stat().st_size > 0 and sniff_path(path) == "warc":
            from storylens.ingest.warc import iter_warc

            yield from iter_warc(path)
            return
        skipped: list[InputError] = []
        found = read_file(path, None, skipped)
        yield from skipped
        yield from found
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")


def clean(article: Article) -> Article | InputError:
    """Clean an article that has raw content only; a page that is not HTML becomes an error."""
    from storylens.clean import clean_article

    where = article.path or article.url or article.id
    if article.path and "#" not in article.path and article.id not in (Path(article.path).stem, ""):
        where = f"{article.path} (article {article.id})"  # one record of a JSONL file: which one
    if not article.text:
        try:
            clean_article(article)
        except InputError as exc:
            return InputError(where, exc.problem)
    if not article.text.strip():
        if article.raw_format == "html" and nesting_depth(article.raw) > MAX_PARSED_DEPTH:
            return InputError(where, f"no article text found: the page nests its tags over {MAX_PARSED_DEPTH} "
                                     "deep, and the HTML parser drops everything below that")
        return InputError(where, "no article text found (an index, error or empty page, or not an article)")
    return article


def nesting_depth(html: str, stop: int = MAX_PARSED_DEPTH + 1) -> int:
    """How deep the page's tags nest (void and often-unclosed tags aside), counting up to `stop`.

    Only asked when a page gave no text, to say why: the cost is one scan of the tags.
    """
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _FLAT or m.group(3):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest >= stop:
            break
    return deepest


def extract_records(inputs: Sequence[str | Path], allow_private: bool = False) -> list[dict[str, Any]]:
    """Every article of every input as a record, in input order; failed inputs as error records."""
    from storylens.clean.dedup import mark_duplicates
    from storylens.clean.language import mark_languages

    items: list[Article | InputError] = []
    for item in iter_inputs(inputs, allow_private):
        got = clean(item) if isinstance(item, Article) else item
        if isinstance(got, Article):
            # Records carry the clean text only. The batch is held until duplicates are marked, so
            # keeping every page's HTML would make memory grow with the whole input (a 1 GB WARC).
            got.raw = ""
        items.append(got)
    articles = [a for a in items if isinstance(a, Article)]
    _unique_ids(articles)
    mark_languages(articles)
    mark_duplicates(articles)
    return [record(a) if isinstance(a, Article) else record(error=a) for a in items]


def _unique_ids(articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for a in articles:
        n = seen.get(a.id, 0) + 1
        seen[a.id] = n
        if n > 1:
            a.id = f"{a.id}~{n}"
