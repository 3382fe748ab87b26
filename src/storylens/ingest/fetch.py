"""URLs → articles, fetched with httpx behind an SSRF guard.

The guard sits where connections are opened (an httpcore network backend), so it
holds for the URL, every redirect hop, robots.txt and every feed item alike, and
there is no gap between checking an address and using it: a host name is resolved
once per connection, every address it resolves to must be public, and the socket
is opened to that checked address (TLS still verifies the certificate for the host
name, and the Host header keeps the name). A DNS answer that changes between a
check and the connection (rebinding) therefore cannot reach a private address.

Refused unless `allow_private=True` (`--allow-private`): loopback, private,
link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254 included), shared
(100.64/10, e.g. 100.100.100.200), unspecified (0.0.0.0, ::), reserved and
multicast addresses, also when wrapped in IPv6 (::ffff:127.0.0.1, NAT64, 6to4) or
spelled as decimal, octal or hex numbers (http://2130706433/, http://0x7f.1/), and
names that are never public (localhost, *.internal, *.local, ...). Environment
proxies are ignored, since a proxy would connect on our behalf unchecked.

Limits: at most `MAX_REDIRECTS` redirects, followed by hand; bodies streamed and
cut at `MAX_BYTES` (after decompression, so a gzip bomb stops there too); each
network operation times out after `TIMEOUT_S` and the whole fetch after
`TOTAL_TIMEOUT_S`. robots.txt is honoured for our User-Agent.

A page gives one article; a feed gives its entries, each fetched as a page (at most
`MAX_FEED_ITEMS`, never expanded as feeds themselves), falling back to the feed's
own content when a page fails.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore

from storylens.errors import FetchError, InputError, UnsafeURL, UnsupportedFormat
from storylens.models import Article

USER_AGENT = "storylens/0.1 (+https://github.com/storylens/storylens; news brief builder)"
TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0
MAX_BYTES = 5 << 20
MAX_REDIRECTS = 5
MAX_FEED_ITEMS = 20
_FEED_TYPES = ("rss", "atom", "xml")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Names that never belong to a public web site, whatever a resolver answers for them.
_PRIVATE_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "metadata",
                  "instance-data", "kubernetes", "kubernetes.default"}
_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa", ".corp",
                     ".cluster.local", ".svc")
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}", re.IGNORECASE)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_PRIVATE_HINT = "(use --allow-private to fetch from private networks)"


class Refused(Exception):
    """Raised inside the network backend; `fetch` turns it into `UnsafeURL` naming the URL."""


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def literal_ip(host: str) -> IPAddress | None:
    """The address a host spelled as a number stands for, in any form a C resolver accepts.

    inet_aton() takes "2130706433", "0x7f.1" and "017700000001" as 127.0.0.1, so these must be read
    the same way here, or a check on the name would miss where the connection really goes.
    """
    bare = host.strip().strip("[]").rstrip(".").split("%", 1)[0]
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if _NUMERIC_HOST.fullmatch(bare):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(bare))
        except OSError:
            return None
    return None


def unwrap(addr: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address (which route to it)."""
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return addr.ipv4_mapped
        if addr in _NAT64:
            return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if addr.sixtofour is not None:
            return addr.sixtofour
    return addr


def is_public(addr: IPAddress) -> bool:
    inner = unwrap(addr)  # a wrapped address is judged by the IPv4 address it routes to
    return inner.is_global and not inner.is_multicast


def resolve(host: str, port: int, allow_private: bool = False) -> list[IPAddress]:
    """Every address `host` stands for; raises `Refused` if one is not public (unless allowed)."""
    ip = literal_ip(host)
    if ip is not None:
        addrs = [ip]
    else:
        name = host.strip().rstrip(".").lower()
        if not allow_private and (name in _PRIVATE_NAMES or name.endswith(_PRIVATE_SUFFIXES)):
            raise Refused(f"refused: {host} is a non-public host name {_PRIVATE_HINT}")
        try:
            infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise FetchError(host, f"cannot resolve host ({exc})") from None
        addrs = list(dict.fromkeys(ipaddress.ip_address(str(i[4][0]).split("%", 1)[0]) for i in infos))
        if not addrs:
            raise FetchError(host, "cannot resolve host (no address)")
    if not allow_private:
        for addr in addrs:
            if not is_public(addr):
                raise Refused(f"refused: {host} is the non-public address {addr} {_PRIVATE_HINT}"
                              if ip is not None else
                              f"refused: {host} resolves to the non-public address {addr} {_PRIVATE_HINT}")
    return addrs


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise `UnsafeURL` unless `url` is http(s) and its host resolves to public addresses only.

    A quick check with a clear message before any request; the connection itself is guarded again.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(url, "only http:// and https:// URLs with a host name can be fetched")
    try:
        resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), allow_private)
    except Refused as exc:
        raise UnsafeURL(url, str(exc)) from None
    except FetchError as exc:
        raise FetchError(url, exc.problem) from None


def connect(ip: str, port: int, timeout: float | None, **kwargs: Any) -> httpcore.NetworkStream:
    """Open a TCP stream to an already checked address (a seam that tests use to stand in for the web)."""
    return httpcore.SyncBackend().connect_tcp(ip, port, timeout=timeout, **kwargs)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network layer with the guard: resolve once, check, connect to the checked address."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        last: Exception | None = None
        for addr in resolve(host, port, self.allow_private):
            try:
                return connect(str(addr), port, timeout, local_address=local_address,
                               socket_options=socket_options)
            except httpcore.ConnectError as exc:  # try the host's next address, like create_connection
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise Refused("refused: unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _client(allow_private: bool, timeout: float) -> Any:
    import httpx

    transport = httpx.HTTPTransport(trust_env=False)
    # httpx does not expose httpcore's network_backend: swap in a pool that has ours, same TLS settings.
    transport._pool = httpcore.ConnectionPool(ssl_context=transport._pool._ssl_context,
                                              network_backend=GuardedBackend(allow_private))
    return httpx.Client(transport=transport, trust_env=False, timeout=timeout, follow_redirects=False,
                        headers={"User-Agent": USER_AGENT})


def fetch(url: str, allow_private: bool = False, max_bytes: int | None = None, robots: bool = True,
          timeout: float | None = None, total_timeout: float | None = None) -> Fetched:
    """GET a URL under the guard: checked hops, limited redirects, timeouts, size limit, robots.txt."""
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    timeout = TIMEOUT_S if timeout is None else timeout
    deadline = time.monotonic() + (TOTAL_TIMEOUT_S if total_timeout is None else total_timeout)
    with _client(allow_private, timeout) as client:
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
                        url = urljoin(url, location.strip())
                        continue
                    if resp.status_code != 200:
                        raise FetchError(url, f"HTTP status {resp.status_code}")
                    body = _read_limited(resp, url, max_bytes, deadline)
                    return Fetched(url=str(resp.url), status=resp.status_code,
                                   content_type=resp.headers.get("content-type", "").lower(),
                                   body=body, charset=resp.charset_encoding)
            except Refused as exc:
                raise UnsafeURL(url, str(exc)) from None
            except InputError as exc:
                raise type(exc)(url, exc.problem) if exc.path != url else exc from None
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {timeout:g} s") from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def _read_limited(resp: Any, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"response larger than {_size(max_bytes)} (Content-Length {declared})")
    chunks, size = [], 0
    for chunk in resp.iter_bytes():  # decoded bytes: a compressed bomb is cut here as well
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"response larger than {_size(max_bytes)}")
        if time.monotonic() > deadline:  # a server dripping bytes never trips the per-read timeout
            raise FetchError(url, "took too long to download")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n >> 20} MB" if n >= 1 << 20 else f"{n} bytes"


def _robots_allow(url: str, allow_private: bool) -> bool:
    parts = urlsplit(url)
    parser = _robots_for(f"{parts.scheme}://{parts.netloc}", allow_private)
    return parser is None or parser.can_fetch(USER_AGENT, url)


@lru_cache(maxsize=256)
def _robots_for(origin: str, allow_private: bool) -> RobotFileParser | None:
    """The site's robots.txt rules; None (everything allowed) when it has none or it cannot be read.

    Fetched by `fetch` itself, so it passes the same guard and limits as any page.
    """
    try:
        got = fetch(origin + "/robots.txt", allow_private, max_bytes=512 << 10, robots=False)
    except InputError:
        return None
    parser = RobotFileParser()
    parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
    return parser


def iter_url(url: str, allow_private: bool = False, expand_feeds: bool = True) -> Iterator[Article | InputError]:
    """The articles behind one URL; failures (the URL's or a feed item's) come out as `InputError`s."""
    try:
        got = fetch(url, allow_private)
    except InputError as exc:
        yield exc
        return
    if _is_feed(got):
        if expand_feeds:
            yield from _feed_items(got, allow_private)
        else:  # a feed item that is a feed again: not followed, so one URL cannot fan out without end
            yield FetchError(url, "a feed item that is itself a feed is not followed")
        return
    from storylens.ingest.sniff import binary_kind
    from storylens.ingest.warc import decode_body

    kind = binary_kind(got.body[:65536])
    if kind:  # decoded anyway, an image or a PDF became a 'brief' of mojibake (a local file of it is refused)
        yield UnsupportedFormat(url, f"not a web page, text or feed: it holds {kind}")
        return
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
        # Each item link is fetched by `fetch`, so it meets the same guard as the feed's own URL.
        pages = [a for a in iter_url(entry.url, allow_private, expand_feeds=False) if isinstance(a, Article)]
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
