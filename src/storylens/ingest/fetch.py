"""URLs → articles, fetched with httpx behind an SSRF guard.

Every hop (the URL, each redirect, robots.txt) is checked before any connection:
its host must resolve only to public addresses. Loopback, private, link-local
(cloud metadata at 169.254.169.254 included), shared, reserved and multicast
addresses are refused unless `allow_private=True` (`--allow-private`). Redirects
are followed by hand, at most `MAX_REDIRECTS`, so each target is checked; bodies
are streamed and cut at `MAX_BYTES`; robots.txt is honoured for our User-Agent.

A page gives one article; a feed gives its entries, each fetched as a page (at most
`MAX_FEED_ITEMS`), falling back to the feed's own content when a page fails.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from storylens.errors import FetchError, InputError, UnsafeURL
from storylens.models import Article

USER_AGENT = "storylens/0.1 (+https://github.com/storylens/storylens; news brief builder)"
TIMEOUT_S = 10.0
MAX_BYTES = 5 << 20
MAX_REDIRECTS = 5
MAX_FEED_ITEMS = 20
_FEED_TYPES = ("rss", "atom", "xml")


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise `UnsafeURL` unless `url` is http(s) and its host resolves to public addresses only."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(url, "only http:// and https:// URLs with a host name can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"cannot resolve host {parts.hostname!r} ({exc})") from None
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not addr.is_global or addr.is_multicast:
            raise UnsafeURL(url, f"refused: {parts.hostname} resolves to the non-public address {addr} "
                                 "(use --allow-private to fetch from private networks)")


def fetch(url: str, allow_private: bool = False, max_bytes: int | None = None, robots: bool = True) -> Fetched:
    """GET a URL under the guard: checked hops, limited redirects, timeout, size limit, robots.txt."""
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private)
            if robots and not _robots_allow(url, allow_private):
                raise FetchError(url, "disallowed by the site's robots.txt")
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(url, f"HTTP {resp.status_code} redirect without a Location")
                        url = urljoin(url, location)
                        continue
                    if resp.status_code != 200:
                        raise FetchError(url, f"HTTP status {resp.status_code}")
                    body = _read_limited(resp, url, max_bytes)
                    return Fetched(url=str(resp.url), status=resp.status_code,
                                   content_type=resp.headers.get("content-type", "").lower(),
                                   body=body, charset=resp.charset_encoding)
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {TIMEOUT_S:.0f} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def _read_limited(resp: object, url: str, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in resp.iter_bytes():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"response larger than {max_bytes >> 20} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def _robots_allow(url: str, allow_private: bool) -> bool:
    parts = urlsplit(url)
    parser = _robots_for(f"{parts.scheme}://{parts.netloc}", allow_private)
    return parser is None or parser.can_fetch(USER_AGENT, url)


@lru_cache(maxsize=256)
def _robots_for(origin: str, allow_private: bool) -> RobotFileParser | None:
    """The site's robots.txt rules; None (everything allowed) when it has none or it cannot be read."""
    try:
        got = fetch(origin + "/robots.txt", allow_private, max_bytes=512 << 10, robots=False)
    except InputError:
        return None
    parser = RobotFileParser()
    parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
    return parser


def iter_url(url: str, allow_private: bool = False) -> Iterator[Article | InputError]:
    """The articles behind one URL; failures (the URL's or a feed item's) come out as `InputError`s."""
    try:
        got = fetch(url, allow_private)
    except InputError as exc:
        yield exc
        return
    if _is_feed(got):
        yield from _feed_items(got, allow_private)
        return
    from storylens.ingest.warc import decode_body

    html = decode_body(got.body, got.charset)
    fmt = "html" if "html" in got.content_type or "<html" in html[:2048].lower() else "text"
    yield Article(id=_url_id(got.url), raw=html, raw_format=fmt, path=url, url=got.url)


def load_url(url: str, allow_private: bool = False) -> list[Article]:
    """A page → one article; a feed → its items, fetched. Raises `InputError` if nothing could be read."""
    from storylens.ingest.files import collect

    return collect(iter_url(url, allow_private))


def _is_feed(got: Fetched) -> bool:
    if any(t in got.content_type for t in _FEED_TYPES) and "html" not in got.content_type:
        return True
    head = got.body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _feed_items(got: Fetched, allow_private: bool) -> Iterator[Article | InputError]:
    from storylens.ingest.feeds import parse_feed

    try:
        entries = parse_feed(got.body, got.url)
    except InputError as exc:
        yield exc
        return
    for entry in entries[:MAX_FEED_ITEMS]:
        if not entry.url:
            yield entry
            continue
        pages = [a for a in iter_url(entry.url, allow_private) if isinstance(a, Article)]
        if pages and pages[0].raw_format == "html":
            page = pages[0]
            page.title = page.title or entry.title
            page.published = page.published or entry.published
            page.author = page.author or entry.author
            page.extra["feed"] = got.url
            yield page
        else:
            yield entry  # the page failed: the feed's own content is better than nothing


def _url_id(url: str) -> str:
    import hashlib

    host = (urlsplit(url).hostname or "url").removeprefix("www.")
    return f"{host}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"
