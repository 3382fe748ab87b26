"""Hostile inputs and a measured CLI runner, shared by tests/resources and bench/resources.py.

The generators write big inputs in pieces (never whole in memory): WARC archives of
real pages, gzip bombs, single huge lines, deeply nested HTML, floods of records.
`run_cli` runs the real `storylens` command in a fresh child and reports its exit
code, stderr, records on stdout, wall time and peak RSS, and judges the outcome.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EVAL_DATA = Path(os.environ.get("STORYLENS_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
STORYLENS = str(Path(sys.executable).parent / "storylens")
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")
MB = 1 << 20


# ---------------------------------------------------------------- running a child and judging it

@dataclass
class Run:
    """One CLI run: what came out and what it cost."""

    exit_code: int
    outcome: str
    stderr_first: str
    stderr_lines: int
    records: int
    error_records: int
    wall_s: float
    peak_rss_mb: float
    stderr_head: list[str]  # the first 20 stderr lines


# The WARC reader alone (no extraction), as `storylens ingest` streams it: one JSON line per record.
WARC_READER = [sys.executable, "-c", (
    "import json, sys\n"
    "from storylens.ingest.warc import iter_warc\n"
    "for item in iter_warc(sys.argv[1], extract=False):\n"
    "    error = str(item) if isinstance(item, Exception) else None\n"
    "    print(json.dumps({'error': error}))\n"
    "    if error:\n"
    "        print('storylens: error: ' + error, file=sys.stderr)\n")]


def run_cli(args: list[str], names: list[str], env: dict[str, str] | None = None, timeout: float = 600,
            program: list[str] | None = None) -> Run:
    """Run `storylens ARGS` (or `program ARGS`) in a fresh child; `names` are what a clear error must mention.

    The peak RSS comes from GNU time when it is installed: the kernel's figure for a child
    starts from the RSS of the process that forked it, so measuring through the tiny `time`
    process keeps a big parent (pytest, say) from inflating it. Without it, os.wait4's figure
    is used, an upper bound.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".time") as report:
        wrap = [GNU_TIME, "-f", "%M", "-o", report.name] if GNU_TIME else []
        t0 = time.perf_counter()
        proc = subprocess.Popen([*wrap, *(program or [STORYLENS]), *args], stdout=out, stderr=err, start_new_session=True,
                                env={**os.environ, **(env or {})})
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                os.killpg(proc.pid, signal.SIGKILL)  # the group: `time` and storylens under it
                _, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)  # already reaped: Popen must not wait again
        rss_kb = usage.ru_maxrss
        if GNU_TIME:
            lines = Path(report.name).read_text().splitlines()
            killed = next((ln for ln in lines if "terminated by signal" in ln), "")
            code = -int(killed.rsplit(" ", 1)[1]) if killed else code
            rss_kb = int(lines[-1]) if lines and lines[-1].strip().isdigit() else rss_kb
        records, errors = _count_records(out)
        err.seek(0)
        lines = [ln for ln in err.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    outcome = judge(code, lines, names, records - errors, timed_out)
    return Run(code, outcome, lines[0][:300] if lines else "", len(lines), records, errors, round(wall, 2),
               round(rss_kb / 1024, 1), lines[:20])


def _count_records(out: Any) -> tuple[int, int]:
    """JSONL records on stdout, and how many of them are error records (scanned line by line)."""
    out.seek(0)
    records = errors = 0
    for line in out:
        if line.strip():
            records += 1
            errors += b'"error": null' not in line
    return records, errors


def judge(code: int, lines: list[str], names: list[str], articles: int, timed_out: bool) -> str:
    if timed_out:
        return "timeout"
    if code < 0:
        return "crash"
    if any("Traceback" in ln for ln in lines):
        return "traceback"
    if code == 0:
        return "completed"
    clear = bool(lines) and all(ln.startswith("storylens: error: ") for ln in lines) \
        and any(n in lines[0] for n in names)
    if not clear:
        return "unclear_error"
    return "partial" if articles else "clear_error"


# ---------------------------------------------------------------- hostile inputs

def html_templates(limit: int = 40) -> list[bytes]:
    """Real news pages (the extraction eval set) to build archives from."""
    files = sorted((EVAL_DATA / "extraction" / "html").glob("*.html.gz"))[:limit]
    return [gzip.decompress(f.read_bytes()) for f in files]


def warc_record(n: int, html: bytes) -> bytes:
    """One WARC/1.0 HTTP 200 text/html response record with a unique id, URL and paragraph.

    The paragraph goes after the page's middle one, inside its article for most pages, so that
    records do not carry the same text: a real crawl's pages are distinct, and near-duplicate
    marking costs memory per distinct text.
    """
    ends = [m.end() for m in re.finditer(rb"</p>", html)]
    cut = ends[len(ends) // 2] if ends else len(html)
    body = html[:cut] + f"<p>{paragraph(n, 150)}</p>".encode() + html[cut:]
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=n + 1)}>\r\n"
            f"WARC-Date: 2024-03-0{1 + n % 9}T12:00:00Z\r\nWARC-Target-URI: https://news.example/{n}.html\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def write_warc(path: Path, target_bytes: int, gz: bool) -> int:
    """A WARC of real pages up to `target_bytes` of (uncompressed) records; returns the record count."""
    pages = html_templates()
    n = size = 0
    with path.open("wb") as fh:
        while size < target_bytes:
            rec = warc_record(n, pages[n % len(pages)])
            fh.write(gzip.compress(rec, compresslevel=1) if gz else rec)
            size += len(rec)
            n += 1
    return n


def bomb_member(header: bytes, body_bytes: int, footer: bytes = b"") -> bytes:
    """One gzip member: `header`, `body_bytes` spaces, `footer`, compressed at ~1000:1.

    Spaces, not zeros: NUL bytes would be refused as binary before any size cap is reached.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(header)]
    block = b" " * MB
    for _ in range(body_bytes // MB):
        parts.append(comp.compress(block))
    parts += [comp.compress(b" " * (body_bytes % MB)), comp.compress(footer), comp.flush()]
    return b"".join(parts)


def warc_bomb_member(body_bytes: int) -> bytes:
    """A response record declaring (and holding) a body of `body_bytes` spaces, as one gzip member."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % body_bytes
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=999)}>\r\n"
            f"WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: https://news.example/bomb.html\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + body_bytes}\r\n\r\n").encode()
    return bomb_member(head + http, body_bytes, b"\r\n\r\n")


def write_lines(path: Path, lines: Iterator[bytes]) -> None:
    with path.open("wb") as fh:
        for line in lines:
            fh.write(line)


def nested_html(depth: int, tag: str = "div", closed: bool = True) -> bytes:
    inner = b"<p>" + b"A sentence of article text that sits at the very bottom of the nesting. " * 5 + b"</p>"
    opening, closing = f"<{tag}>".encode(), f"</{tag}>".encode()
    return (b"<!doctype html><html><head><title>Deep</title></head><body>" + opening * depth + inner
            + (closing * depth if closed else b"") + b"</body></html>")


def long_line(total: int) -> Iterator[bytes]:
    """`total` bytes of words with no newline, written in 1 MB pieces."""
    word = b"lorem ipsum dolor sit amet consectetur "
    piece = word * (MB // len(word))
    for _ in range(total // len(piece)):
        yield piece


_WORDS = ["council", "budget", "minister", "police", "storm", "river", "vote", "court", "market", "school", "hospital", "bridge", "election", "village", "report", "farmers", "prices", "energy", "water", "train", "airport", "museum", "union", "strike", "harbour", "festival", "mayor", "fire", "study", "teachers", "road", "summit", "treaty", "drought", "harvest", "factory", "workers", "border", "coast"]


def paragraph(seed: int, words: int = 60) -> str:
    """A paragraph of its own: a seeded draw of news words, so no two items are copies."""
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def feed_items(n: int) -> Iterator[bytes]:
    """An RSS feed of `n` distinct items, each with two HTML paragraphs in its description."""
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    for i in range(n):
        yield (f"<item><title>Item {i}</title><link>https://news.example/{i}</link>"
               f"<description>&lt;p&gt;{paragraph(i)}&lt;/p&gt;&lt;p&gt;{paragraph(-i - 1)}&lt;/p&gt;"
               "</description></item>\n").encode()
    yield b"</channel></rss>"


def copies_jsonl(n: int) -> Iterator[bytes]:
    """`n` records of one wire story, each with its own dateline: a flood of near-duplicates."""
    story = paragraph(0, 120)
    for i in range(n):
        yield json.dumps({"id": f"copy{i}", "text": f"CITY {i} (Wire) - {story}"}).encode() + b"\n"


class _BombHandler(http.server.BaseHTTPRequestHandler):
    """Serves a gzip Content-Encoding bomb for every page, 404 for robots.txt."""

    body = b""

    def do_GET(self) -> None:
        if self.path.startswith("/robots.txt"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


def serve_bomb(inflated: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Bomb", (_BombHandler,), {"body": bomb_member(b"<html><body><p>", inflated)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/bomb.html"
