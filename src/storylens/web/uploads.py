"""Checks on what a user uploads or pastes before any of it reaches the pipeline.

Limits are per file and per request; the type is judged by the file name *and*
the first bytes (a renamed binary is refused), and the stored name is rebuilt
from safe characters so no upload can choose where it is written.

Uploaded files live on disk only while they are read: each upload gets its own
temporary folder, removed as soon as its articles are in memory, whether reading
worked or not, so neither errors nor a server that is killed later leave files behind.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from storylens.errors import InputError
from storylens.models import Article

TEMP_PREFIX = "storylens-uploads-"

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_REQUEST_BYTES = 32 * 1024 * 1024
MAX_FILES = 20
MAX_PASTE_CHARS = 1_000_000
TEXT_TYPES = (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom")  # what `storylens brief` reads, WARC aside
WARC_TYPES = (".warc", ".warc.gz")
ACCEPT = ",".join(TEXT_TYPES + WARC_TYPES)


class UploadRejected(ValueError):
    """An upload broke a rule; the message says which, for the user."""


@dataclass
class Upload:
    filename: str
    data: bytes


def file_type(filename: str) -> str:
    name = filename.lower()
    for ext in WARC_TYPES + TEXT_TYPES:  # .warc.gz before shorter endings
        if name.endswith(ext):
            return ext
    raise UploadRejected(f"{filename}: not an accepted type (accepted: {', '.join(TEXT_TYPES + WARC_TYPES)})")


def check_upload(upload: Upload) -> str:
    """Validate one file; returns its type (extension). Raises UploadRejected."""
    ext = file_type(upload.filename)
    size = len(upload.data)
    if size == 0:
        raise UploadRejected(f"{upload.filename}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise UploadRejected(f"{upload.filename}: {size} bytes is over the {MAX_FILE_BYTES} byte limit per file")
    head = upload.data[:4096]
    if ext == ".warc.gz":
        if not head.startswith(b"\x1f\x8b"):
            raise UploadRejected(f"{upload.filename}: not gzip data")
    elif ext == ".warc":
        if not head.lstrip().startswith(b"WARC/"):
            raise UploadRejected(f"{upload.filename}: does not start with a WARC record")
    else:
        if b"\x00" in head:
            raise UploadRejected(f"{upload.filename}: binary data, not text")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the 4096-byte boundary is fine. Anything earlier may still be
            # a legacy encoding (a windows-1252 export): the same decoding rules as `storylens brief`.
            if exc.start < len(head) - 4 and not _decodable(head):
                raise UploadRejected(f"{upload.filename}: not UTF-8 text, and no other text encoding fits") from exc
        if ext == ".jsonl":
            first = next((ln for ln in head.splitlines() if ln.strip()), b"")
            if not first.lstrip().startswith(b"{"):
                raise UploadRejected(f"{upload.filename}: a .jsonl file must hold one JSON object per line")
    return ext


def _decodable(data: bytes) -> bool:
    from storylens.ingest.files import decode

    try:
        decode(data, "upload")
    except InputError:
        return False
    return True


def safe_name(filename: str, ext: str, n: int) -> str:
    """A file name made only of safe characters, numbered so uploads never overwrite each other."""
    stem = Path(filename.replace("\\", "/")).name[: -len(ext)] if filename.lower().endswith(ext) else "upload"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:60] or "upload"
    return f"{n:03d}_{stem}{ext}"


def save_uploads(uploads: list[Upload], folder: Path) -> list[Path]:
    """Check every upload first (all or nothing), then write them into `folder`."""
    if len(uploads) > MAX_FILES:
        raise UploadRejected(f"{len(uploads)} files is over the limit of {MAX_FILES} per upload")
    total = sum(len(u.data) for u in uploads)
    if total > MAX_REQUEST_BYTES:
        raise UploadRejected(f"{total} bytes in all is over the {MAX_REQUEST_BYTES} byte limit")
    kinds = [check_upload(u) for u in uploads]
    folder.mkdir(parents=True, exist_ok=True)
    start = len(list(folder.iterdir()))
    paths = []
    for i, (upload, ext) in enumerate(zip(uploads, kinds)):
        path = folder / safe_name(upload.filename, ext, start + i + 1)
        path.write_bytes(upload.data)
        paths.append(path)
    return paths


def read_uploads(uploads: list[Upload], parent: Path | None = None) -> list[Article]:
    """Check, save and read the uploads in a temporary folder (under `parent`), which is then removed.

    The articles keep the safe file name as their path, never the temporary one. Raises UploadRejected.
    """
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX, dir=parent) as tmp:
        paths = save_uploads(uploads, Path(tmp))
        names = {str(p): u.filename for p, u in zip(paths, uploads)}
        from storylens.ingest import read_file

        articles: list[Article] = []
        for path in paths:
            try:
                found = read_file(path)
            except InputError as exc:
                raise UploadRejected(f"{names[str(path)]}: {exc.problem}") from None
            if not found:
                raise UploadRejected(f"{names[str(path)]}: no article found in the file")
            for article in found:
                article.path = path.name
            articles.extend(found)
    return articles


def pasted_article(text: str, n: int, title: str = "", outlet: str = "", url: str = "",
                   published: str = "") -> Article:
    """An article from the paste box; metadata the user typed is kept as given (URLs are shown only if http)."""
    if len(text) > MAX_PASTE_CHARS:
        raise UploadRejected(f"pasted text of {len(text)} characters is over the {MAX_PASTE_CHARS} limit")
    if "\x00" in text:
        raise UploadRejected("pasted text contains binary data")
    return Article(
        id=f"pasted-{n}", raw=text, raw_format="text", title=title.strip() or None,
        outlet=outlet.strip() or None, url=url.strip() or None, published=published.strip() or None,
    )
