"""The URL and feed fetchers against a loopback trap server: refusals, pinning, limits.

No real network: DNS is a table (`socket.getaddrinfo` replaced) and made-up public
addresses are routed to the trap server, which records every request it receives.
"""

from __future__ import annotations

import time

import pytest
from seclab_net import PUBLIC_IP, FakeNet, TrapServer, attack_urls, feed_attacks, rebinding

from storylens.errors import FetchError, InputError, UnsafeURL
from storylens.ingest import fetch as fetchmod
from storylens.ingest.fetch import fetch, is_public, literal_ip, load_url


@pytest.mark.parametrize("host, expected", [
    ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("017700000001", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("127.0.0.1.", "127.0.0.1"),
    ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("0", "0.0.0.0"), ("example.com", None), ("123.com", None),
    ("cafe", None), ("1e3", None),
])
def test_numbers_are_read_as_the_c_resolver_reads_them(host: str, expected: str | None) -> None:
    got = literal_ip(host)
    assert (str(got) if got is not None else None) == expected


@pytest.mark.parametrize("addr, public", [
    ("8.8.8.8", True), ("2606:4700::1111", True), ("127.0.0.1", False), ("::ffff:127.0.0.1", False),
    ("64:ff9b::7f00:1", False), ("2002:7f00:1::", False), ("64:ff9b::808:808", True), ("100.100.100.200", False),
    ("fd00:ec2::254", False), ("169.254.169.254", False), ("0.0.0.0", False), ("::", False), ("224.0.0.1", False),
])
def test_wrapped_and_special_addresses(addr: str, public: bool) -> None:
    import ipaddress

    assert is_public(ipaddress.ip_address(addr)) is public


def test_every_attack_url_is_refused_and_nothing_is_reached(trap: TrapServer, net: FakeNet) -> None:
    net.dns["rebind.test"] = rebinding(PUBLIC_IP, "127.0.0.1")
    cases = attack_urls(trap.port)
    assert len(cases) >= 40
    for kind, url in cases:
        with pytest.raises(InputError) as err:
            fetch(url)
        if kind != "redirect":  # a redirect target may also be refused as a non-http scheme
            assert isinstance(err.value, UnsafeURL), (url, err.value)
        assert "\n" not in str(err.value)
    assert trap.secret_hits == [] and net.escapes == []
    # The redirect cases did reach the "public" site first: the guard stopped the next hop, not the first.
    assert any(path.startswith("/redirect") for _, path in trap.hits)


def test_refusal_message_names_the_url_and_the_way_out(trap: TrapServer, net: FakeNet) -> None:
    with pytest.raises(UnsafeURL) as err:
        fetch(f"http://public.test:{trap.port}/redirect?to=http://evil-metadata.test/secret")
    message = str(err.value)
    assert message.startswith("http://evil-metadata.test/secret: refused")
    assert "169.254.169.254" in message and "--allow-private" in message


def test_dns_rebinding_cannot_swap_the_address_after_the_check(trap: TrapServer, net: FakeNet) -> None:
    # Public for the check, loopback for a second lookup: the connection must use the checked address.
    answers = iter([[PUBLIC_IP], [PUBLIC_IP]])
    net.dns["flip.test"] = lambda: next(answers, ["127.0.0.1"])
    got = fetch(f"http://flip.test:{trap.port}/page", robots=False)
    assert got.status == 200
    assert net.connects == [PUBLIC_IP]  # connected to the address that was checked, by number
    assert net.lookups.count("flip.test") == 2  # the quick check and the connection; no third lookup
    assert trap.hits[-1] == (f"flip.test:{trap.port}", "/page")  # the Host header keeps the name
    assert net.escapes == []


def test_rebinding_between_check_and_connect_is_refused(trap: TrapServer, net: FakeNet) -> None:
    net.dns["rebind.test"] = rebinding(PUBLIC_IP, "127.0.0.1")
    with pytest.raises(UnsafeURL, match="127.0.0.1"):
        fetch(f"http://rebind.test:{trap.port}/secret-rebind", robots=False)
    assert trap.secret_hits == [] and net.escapes == []


def test_env_proxy_is_not_used(trap: TrapServer, net: FakeNet, monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy would connect for us, unchecked; the fetcher must connect itself.
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{trap.port}")
    monkeypatch.setenv("ALL_PROXY", f"http://127.0.0.1:{trap.port}")
    got = fetch(f"http://public.test:{trap.port}/page", robots=False)
    assert got.status == 200 and trap.hits[-1][1] == "/page"  # a proxied request would carry a full URL


def test_robots_txt_goes_through_the_guard(trap: TrapServer, net: FakeNet) -> None:
    trap.robots_redirect = f"http://127.0.0.1:{trap.port}/secret-robots"
    got = fetch(f"http://public.test:{trap.port}/page")
    assert got.status == 200
    assert (f"public.test:{trap.port}", "/robots.txt") in trap.hits
    assert trap.secret_hits == [] and net.escapes == []


def test_robots_txt_is_honoured(trap: TrapServer, net: FakeNet) -> None:
    trap.robots = b"User-agent: *\nDisallow: /page\n"
    with pytest.raises(FetchError, match="robots.txt"):
        fetch(f"http://public.test:{trap.port}/page")
    assert not any(path == "/page" for _, path in trap.hits)


def test_feed_item_links_go_through_the_guard(trap: TrapServer, net: FakeNet) -> None:
    trap.feed_items = feed_attacks(trap.port) + [f"http://public.test:{trap.port}/page"]
    articles = load_url(f"http://public.test:{trap.port}/feed")
    assert trap.secret_hits == [] and net.escapes == []
    # The refused items fall back to the feed's own text; the public one was fetched as a page.
    assert len(articles) == len(trap.feed_items)
    assert sum(a.raw_format == "html" and "Public words" in a.raw for a in articles) == 1


def test_a_feed_item_that_is_a_feed_is_not_expanded(trap: TrapServer, net: FakeNet) -> None:
    trap.feed_items = [f"http://public.test:{trap.port}/feed"]
    articles = load_url(f"http://public.test:{trap.port}/feed")
    assert len(articles) == 1
    assert [p for _, p in trap.hits].count("/feed") == 2  # the feed, and its item once: no recursion


# Limits, against the loopback server itself (allow_private=True) -------------------------------------

def test_private_addresses_are_fetched_when_allowed(trap: TrapServer) -> None:
    fetchmod._robots_for.cache_clear()
    got = fetch(trap.url + "/page", allow_private=True)
    assert got.status == 200 and b"Public words" in got.body


def test_redirect_limit(trap: TrapServer) -> None:
    got = fetch(trap.url + f"/chain/{fetchmod.MAX_REDIRECTS - 1}", allow_private=True, robots=False)
    assert got.url.endswith("/page")
    with pytest.raises(FetchError, match="redirects"):
        fetch(trap.url + f"/chain/{fetchmod.MAX_REDIRECTS}", allow_private=True, robots=False)


@pytest.mark.parametrize("path", ["/big?n=200000", "/big-chunked?n=5000000", "/bomb?n=20000000"])
def test_size_limit(trap: TrapServer, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="larger than"):
        fetch(trap.url + path, allow_private=True, robots=False, max_bytes=100_000)
    assert time.monotonic() - start < 5


def test_body_under_the_limit_is_read_whole(trap: TrapServer) -> None:
    got = fetch(trap.url + "/big?n=50000", allow_private=True, robots=False, max_bytes=100_000)
    assert len(got.body) == 50_007


def test_read_timeout(trap: TrapServer) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(trap.url + "/slow?s=3", allow_private=True, robots=False, timeout=0.5)
    assert time.monotonic() - start < 2.5


def test_total_time_limit_stops_a_dripping_server(trap: TrapServer) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="too long"):
        fetch(trap.url + "/drip?every=0.1&n=100", allow_private=True, robots=False, timeout=2, total_timeout=1)
    assert time.monotonic() - start < 3


def test_refusal_without_allow_private_on_the_real_resolver(trap: TrapServer) -> None:
    # No fake network here: the real resolver and connect path, aimed at the loopback server.
    fetchmod._robots_for.cache_clear()
    before = len(trap.hits)
    for url in (trap.url + "/secret-real", f"http://localhost:{trap.port}/secret-real",
                f"http://2130706433:{trap.port}/secret-real", f"http://[::ffff:127.0.0.1]:{trap.port}/secret-real"):
        with pytest.raises(UnsafeURL):
            fetch(url)
    assert len(trap.hits) == before


def test_pinned_https_connection_keeps_the_name_for_sni_and_certificate(
        tmp_path, trap: TrapServer, net: FakeNet) -> None:  # type: ignore[no-untyped-def]
    # Connecting to the checked address by number must not lose the name: TLS sends it (SNI) and the
    # certificate is verified against it. A self-signed certificate is refused, after the name was sent.
    import shutil
    import socket
    import ssl
    import subprocess
    import threading

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=public.test", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    names: list[str | None] = []
    ctx.sni_callback = lambda sock, name, c: names.append(name)  # type: ignore[assignment]
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve_one() -> None:
        conn, _ = server.accept()
        try:
            ctx.wrap_socket(conn, server_side=True).close()
        except (ssl.SSLError, OSError):
            pass  # the client refused our certificate: expected

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    try:
        with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED|certificate"):
            fetch(f"https://public.test:{port}/page", robots=False)
    finally:
        thread.join(5)
        server.close()
    assert net.connects == [PUBLIC_IP] and names == ["public.test"]
