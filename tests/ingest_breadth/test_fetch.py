"""URL fetching against a loopback server only; the SSRF guard never sends traffic elsewhere."""

from __future__ import annotations

import time

import pytest
from breadth_helpers import LocalServer, article_page

from storylens.errors import FetchError, UnsafeURL, UnsupportedFormat
from storylens.ingest import fetch
from storylens.ingest.fetch import check_url, iter_url, load_url

TEXT = ("The harbour authority confirmed on Monday that the northern pier will close for repairs, "
        "affecting ferry services to the islands for at least three weeks.")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/", "http://192.168.0.10/", "http://localhost/", "http://0.0.0.0/",
])
def test_guard_refuses_private_addresses(url: str) -> None:
    with pytest.raises(UnsafeURL, match="non-public"):
        check_url(url)


def test_guard_refuses_other_schemes() -> None:
    with pytest.raises(UnsafeURL):
        check_url("file:///etc/passwd")


def test_loopback_page_with_allow_private(server: LocalServer) -> None:
    url = server.serve("/story", article_page("Pier closes", [TEXT, TEXT.replace("Monday", "Sunday")]))
    (art,) = load_url(url, allow_private=True)
    assert art.raw_format == "html" and "northern pier" in art.raw and art.url == url


def test_loopback_refused_without_flag(server: LocalServer) -> None:
    url = server.serve("/story2", article_page("x", [TEXT]))
    with pytest.raises(UnsafeURL):
        load_url(url)


def test_redirect_to_private_address_is_refused(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # Treat loopback (the test server) as if it were public; every other address gets the real check.
    real_public = fetch.is_public
    monkeypatch.setattr(fetch, "is_public", lambda addr: addr.is_loopback or real_public(addr))
    url = server.serve("/go", b"", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    with pytest.raises(UnsafeURL, match="169.254.169.254"):
        load_url(url)


def test_redirects_are_followed_and_limited(server: LocalServer) -> None:
    target = server.serve("/final", article_page("Final", [TEXT]))
    server.serve("/hop", b"", status=301, headers={"Location": "/final"})
    (art,) = load_url(server.base + "/hop", allow_private=True)
    assert art.url == target
    server.serve("/loop", b"", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        load_url(server.base + "/loop", allow_private=True)


def test_timeout(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT_S", 0.3)

    def slow(h: object) -> None:
        time.sleep(1.0)
        h.send_response(200)  # type: ignore[attr-defined]
        h.end_headers()  # type: ignore[attr-defined]

    server.routes["/slow"] = slow
    items = list(iter_url(server.base + "/slow", allow_private=True))
    assert len(items) == 1 and isinstance(items[0], FetchError) and "timed out" in str(items[0])


def test_size_limit_and_http_errors(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    server.serve("/big", "<p>" + "x" * 5000 + "</p>")
    with pytest.raises(FetchError, match="larger than"):
        load_url(server.base + "/big", allow_private=True)
    with pytest.raises(FetchError, match="HTTP status 404"):
        load_url(server.base + "/missing", allow_private=True)


def test_robots_txt_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    srv = LocalServer()  # its own origin, so the robots.txt cache of other tests does not apply
    srv.thread.start()
    try:
        srv.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        srv.serve("/private/page", article_page("Secret", [TEXT]))
        with pytest.raises(FetchError, match="robots.txt"):
            load_url(srv.base + "/private/page", allow_private=True)
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


def test_feed_url_fetches_its_items(server: LocalServer) -> None:
    server.serve("/item1", article_page("Pier closes", [TEXT, TEXT]))
    rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
           f'<item><title>Pier closes</title><link>{server.base}/item1</link>'
           f'<pubDate>Mon, 11 Sep 2023 09:00:00 GMT</pubDate><description>teaser</description></item>'
           f'<item><title>Gone</title><link>{server.base}/gone</link><description>&lt;p&gt;Kept from the '
           f'feed when the page fails.&lt;/p&gt;</description></item></channel></rss>')
    server.serve("/feed.xml", rss, ctype="application/rss+xml")
    arts = load_url(server.base + "/feed.xml", allow_private=True)
    assert [a.title for a in arts] == ["Pier closes", "Gone"]
    assert "northern pier" in arts[0].raw and arts[0].published == "2023-09-11T09:00:00Z"
    assert "Kept from the feed" in arts[1].raw


@pytest.mark.parametrize(("body", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
    (bytes(range(256)) * 8, "binary data"),
])
def test_binary_url_is_refused_not_read_as_text(server: LocalServer, body: bytes, kind: str) -> None:
    # A PDF or image link used to be decoded as text and turned into a brief of mojibake.
    url = server.serve(f"/file-{len(body)}", body, ctype="application/octet-stream")
    with pytest.raises(UnsupportedFormat, match=kind) as info:
        load_url(url, allow_private=True)
    assert str(info.value).startswith(url)
