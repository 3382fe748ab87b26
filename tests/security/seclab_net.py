"""A stand-in for the web, for the network guard tests and `bench/security.py`.

`TrapServer` is a real HTTP server on loopback that records every request it gets.
`FakeNet` replaces DNS (`socket.getaddrinfo`) with a table and the fetcher's
`connect` seam with a router: made-up public addresses (`PUBLIC_IP`) are carried to
the trap server, so a "public" site can redirect or link into private space; a
connection the guard lets through to any other non-loopback address is recorded
as an escape instead of touching the real network. Nothing here leaves the machine.

`attack_urls(port)` is the list of hostile URLs, by class, each aimed at a path
starting with /secret: if the trap server ever sees such a path, the guard failed.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

PUBLIC_IP = "93.184.216.34"  # stands for "a public web site"; routed to the trap server
PUBLIC_IP_2 = "93.184.216.35"


class TrapServer:
    """A loopback HTTP server with a few behaviours chosen by path; `hits` lists (host, path)."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []
        self.robots: bytes | None = None  # None → 404
        self.robots_redirect: str | None = None
        self.feed_items: list[str] = []
        trap = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                trap.hits.append((self.headers.get("host", ""), self.path))
                trap.route(self)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def secret_hits(self) -> list[str]:
        return [p for _, p in self.hits if p.startswith("/secret")]

    def route(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        if path == "/robots.txt":
            if self.robots_redirect:
                return _send(h, 302, b"", headers={"Location": self.robots_redirect})
            if self.robots is None:
                return _send(h, 404, b"no robots")
            return _send(h, 200, self.robots, "text/plain")
        if path == "/redirect":
            return _send(h, int(q.get("code", 302)), b"", headers={"Location": q["to"]})
        if path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            return _send(h, 302, b"", headers={"Location": f"/chain/{n - 1}" if n > 0 else "/page"})
        if path == "/big":
            return _send(h, 200, b"<p>" + b"x" * int(q.get("n", 100_000)) + b"</p>", "text/html")
        if path == "/big-chunked":  # no Content-Length: only counting the bytes can stop it
            return _chunked(h, int(q.get("n", 100_000)))
        if path == "/bomb":
            body = gzip.compress(b"\0" * int(q.get("n", 10_000_000)), compresslevel=9)
            return _send(h, 200, body, "text/html", {"Content-Encoding": "gzip"})
        if path == "/slow":
            time.sleep(float(q.get("s", 2)))
            return _send(h, 200, b"<p>late</p>", "text/html")
        if path == "/drip":
            return _drip(h, float(q.get("every", 0.2)), int(q.get("n", 50)))
        if path == "/feed":
            return _send(h, 200, _rss(self.feed_items), "application/rss+xml")
        if path.startswith("/secret"):
            return _send(h, 200, b"<html><body><p>SECRET internal data</p></body></html>", "text/html")
        return _send(h, 200, b"<html><head><title>A page</title></head><body><p>Public words here.</p>"
                             b"</body></html>", "text/html")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], OSError):  # a client hanging up is part of the tests
            super().handle_error(request, client_address)


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/plain",
          headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    try:
        h.wfile.write(body)
    except OSError:  # the fetcher hung up early (a size limit): expected
        pass


def _chunked(h: BaseHTTPRequestHandler, n: int) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    block = b"y" * 65536
    try:
        for _ in range(n // len(block) + 1):
            h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
        h.wfile.write(b"0\r\n\r\n")
    except OSError:  # the client hung up once it had enough: that is the point
        pass


def _drip(h: BaseHTTPRequestHandler, every: float, n: int) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(n))
    h.end_headers()
    try:
        for _ in range(n):
            h.wfile.write(b"z")
            h.wfile.flush()
            time.sleep(every)
    except OSError:
        pass


def _rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link.replace('&', '&amp;')}</link>"
                    f"<description>Feed text {i}.</description></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>http://public.test/'
            f"</link><description>d</description>{items}</channel></rss>").encode()


class FakeNet:
    """Fake DNS plus a connection router; `install(monkeypatch)` or use as a context manager."""

    def __init__(self, port: int, dns: dict[str, list[str]] | None = None) -> None:
        self.port = port
        self.dns: dict[str, list[str] | Callable[[], list[str]]] = {
            "public.test": [PUBLIC_IP], "public2.test": [PUBLIC_IP_2], "localhost": ["127.0.0.1", "::1"]}
        self.dns.update(dns or {})
        self.lookups: list[str] = []
        self.connects: list[str] = []
        self.escapes: list[str] = []  # connections the guard let through to a non-public address
        self._real_getaddrinfo = socket.getaddrinfo
        self._saved: list[tuple[Any, str, Any]] = []

    def getaddrinfo(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = host.decode() if isinstance(host, bytes) else str(host)
        try:
            ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
            return self._real_getaddrinfo(host, port, *args, **kwargs)  # numeric: no DNS involved
        except ValueError:
            pass
        try:
            socket.inet_aton(name)  # "2130706433", "0x7f.1": the C resolver reads these as numbers, no DNS
            return self._real_getaddrinfo(host, port, *args, **kwargs)
        except OSError:
            pass
        self.lookups.append(name)
        answer = self.dns.get(name.lower().rstrip("."))
        if answer is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        addrs = answer() if callable(answer) else answer
        out = []
        for a in addrs:
            fam = socket.AF_INET6 if ":" in a else socket.AF_INET
            sockaddr = (a, int(port or 0), 0, 0) if fam == socket.AF_INET6 else (a, int(port or 0))
            out.append((fam, socket.SOCK_STREAM, 6, "", sockaddr))
        return out

    def connect(self, ip: str, port: int, timeout: float | None, **kwargs: Any) -> Any:
        import httpcore

        self.connects.append(ip)
        addr = ipaddress.ip_address(ip)
        if ip in (PUBLIC_IP, PUBLIC_IP_2):
            ip = "127.0.0.1"
        elif not addr.is_global:
            self.escapes.append(f"{addr}:{port}")  # the guard should never let this happen
            if not (addr.is_loopback or addr.is_unspecified or getattr(addr, "ipv4_mapped", None)):
                raise httpcore.ConnectError(f"(test) no route to {addr}")
        else:
            raise httpcore.ConnectError(f"(test) no network to {addr}")
        return httpcore.SyncBackend().connect_tcp(ip, port, timeout=timeout, **kwargs)

    def __enter__(self) -> Self:
        from storylens.ingest import fetch

        self._saved = [(socket, "getaddrinfo", socket.getaddrinfo), (fetch, "connect", fetch.connect)]
        socket.getaddrinfo = self.getaddrinfo  # type: ignore[assignment]
        fetch.connect = self.connect  # type: ignore[assignment]
        fetch._robots_for.cache_clear()
        return self

    def __exit__(self, *exc: object) -> None:
        from storylens.ingest import fetch

        for obj, name, value in self._saved:
            setattr(obj, name, value)
        fetch._robots_for.cache_clear()


def rebinding(first: str, then: str) -> Callable[[], list[str]]:
    """A DNS answer that is `first` the first time it is asked, `then` ever after (DNS rebinding)."""
    calls = {"n": 0}

    def answer() -> list[str]:
        calls["n"] += 1
        return [first] if calls["n"] == 1 else [then]

    return answer


ATTACK_DNS = {
    "evil-loopback.test": ["127.0.0.1"],
    "evil-metadata.test": ["169.254.169.254"],
    "evil-private.test": ["10.1.2.3"],
    "evil-v6.test": ["::1"],
    "evil-mapped.test": ["::ffff:127.0.0.1"],
    "evil-mixed.test": [PUBLIC_IP, "127.0.0.1"],
    "evil-shared.test": ["100.100.100.200"],
    "evil-ula.test": ["fd00:ec2::254"],
    "evil-zero.test": ["0.0.0.0"],
    "metadata.google.internal": ["169.254.169.254"],
}


def attack_urls(port: int) -> list[tuple[str, str]]:
    """(class, URL) pairs the fetcher must refuse without `allow_private`; each aims at /secret…."""
    p = port
    pub = f"http://public.test:{p}"
    direct = [
        f"http://127.0.0.1:{p}/secret-direct", f"http://localhost:{p}/secret-localhost",
        f"http://127.1:{p}/secret-short", f"http://127.0.0.1.:{p}/secret-trailing-dot",
        f"http://0.0.0.0:{p}/secret-zero", f"http://0:{p}/secret-zero-short", f"http://[::]:{p}/secret-v6-any",
        f"http://[::1]:{p}/secret-v6-loopback", f"https://127.0.0.1:{p}/secret-https",
        "http://10.0.0.1/secret", "http://192.168.1.1/secret", "http://172.16.0.1/secret",
        f"http://LOCALHOST:{p}/secret-upper", f"http://sub.localhost:{p}/secret-sub",
    ]
    encoded = [
        f"http://2130706433:{p}/secret-decimal", f"http://0x7f000001:{p}/secret-hex",
        f"http://0x7f.1:{p}/secret-hex-short", f"http://017700000001:{p}/secret-octal",
        f"http://0177.0.0.1:{p}/secret-octal-dotted", f"http://0x7f.0.0.0x1:{p}/secret-mixed",
        f"http://[::ffff:127.0.0.1]:{p}/secret-mapped", f"http://[::ffff:7f00:1]:{p}/secret-mapped-hex",
        f"http://[0:0:0:0:0:ffff:127.0.0.1]:{p}/secret-mapped-long", f"http://[64:ff9b::7f00:1]:{p}/secret-nat64",
        f"http://[2002:7f00:1::]:{p}/secret-6to4",
    ]
    metadata = [
        "http://169.254.169.254/latest/meta-data/secret", "http://[fd00:ec2::254]/latest/meta-data/secret",
        "http://100.100.100.200/latest/meta-data/secret", "http://metadata.google.internal/secret",
        "http://metadata/secret", "http://2852039166/secret-metadata-decimal",
        "http://0xa9.0xfe.0xa9.0xfe/secret-metadata-hex", "http://[::ffff:169.254.169.254]/secret-metadata-mapped",
    ]
    userinfo = [
        f"http://public.test@127.0.0.1:{p}/secret-userinfo",
        f"http://public.test:{p}@127.0.0.1:{p}/secret-userinfo-port",
        f"http://user:pass@localhost:{p}/secret-userinfo-localhost",
    ]
    dns = [f"http://{name}:{p}/secret-dns-{name.split('.')[0]}" for name in ATTACK_DNS]
    rebind = [f"http://rebind.test:{p}/secret-rebind"]
    targets = [
        f"http://127.0.0.1:{p}/secret-redirect", f"http://evil-loopback.test:{p}/secret-redirect-dns",
        f"http://2130706433:{p}/secret-redirect-decimal", f"http://[::ffff:127.0.0.1]:{p}/secret-redirect-mapped",
        "http://169.254.169.254/secret-redirect-metadata", f"//127.0.0.1:{p}/secret-redirect-scheme-relative",
        "file:///etc/passwd", f"gopher://127.0.0.1:{p}/secret-gopher",
    ]
    redirect = [f"{pub}/redirect?to={t}" for t in targets]
    redirect += [f"{pub}/redirect?code=307&to={pub}/redirect%3Fto%3Dhttp://127.0.0.1:{p}/secret-two-hops",
                 (f"{pub}/redirect?code=301&to=http://public2.test:{p}/redirect%3Fto%3Dhttp://localhost:{p}"
                 "/secret-two-hosts")]
    return ([("direct", u) for u in direct] + [("encoded", u) for u in encoded]
            + [("metadata", u) for u in metadata] + [("userinfo", u) for u in userinfo]
            + [("dns", u) for u in dns] + [("rebinding", u) for u in rebind]
            + [("redirect", u) for u in redirect])


def feed_attacks(port: int) -> list[str]:
    """Item links a hostile feed on a public host points at."""
    return [f"http://127.0.0.1:{port}/secret-feed-item", f"http://evil-loopback.test:{port}/secret-feed-dns",
            "http://169.254.169.254/secret-feed-metadata", f"http://2130706433:{port}/secret-feed-decimal"]
