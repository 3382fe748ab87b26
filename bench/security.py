"""Hostile content and network attacks: how many got through (both must be 0).

    .venv/bin/python bench/security.py [--smoke]

XSS: every payload of tests/security/xss_payloads.py is put in every field of a brief
and rendered through the three output paths: the HTML report, Markdown (rendered to
HTML by markdown-it-py with raw HTML on and every link accepted, the careless viewer)
and the web UI pages (story and source pages, served by uvicorn). A payload × path
"escapes" when the page gains markup (its element/attribute shape differs from the same
brief with a plain word instead), or holds an event handler, a script not ours or a
javascript:/data:/vbscript: link. With Chromium installed, the whole corpus is also
loaded in the browser (report and web UI, with and without their CSP), with hooks
counting alert/confirm/prompt/print, console, fetch/XHR/sendBeacon, window.__xss and
outgoing requests: "executed". The full run also sends hostile .txt/.html/.jsonl
articles through the real pipeline. For comparison, the Markdown writer as it was
before this pass (git BEFORE) gets the same corpus.

Network: every URL of tests/security/seclab_net.attack_urls (by class) is fetched
without --allow-private against a loopback trap server, with DNS and public hosts
simulated (no real network). "reached" = the trap saw a request for a /secret path or
the guard let a connection through to a non-public address. Hostile feed items and a
robots.txt redirect are tried too. The fetcher before this pass gets the classes it can
be run on safely (no redirect through simulated public hosts).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "security"))

from bench.harness import options, smoke, write_results

BEFORE = "3059dbc"  # the last commit before this security pass
WORK = tempfile.TemporaryDirectory(prefix="storylens-security-bench-")  # removed when the run ends


def _old_module(path: str, name: str) -> Any:
    """A module as it was at BEFORE, loaded under another name (the current one stays in use)."""
    src = subprocess.run(["git", "show", f"{BEFORE}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True)
    tmp = Path(WORK.name) / f"{name}.py"
    tmp.write_text(src.stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, tmp)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# XSS ------------------------------------------------------------------------------------------------

def xss(quick: bool) -> dict[str, Any]:
    import httpx
    from live import LiveServer
    from seclab_xss import (
        benign_twin,
        hostile_library,
        payload_brief,
        render_markdown_html,
        scan_html,
        scan_markdown_render,
        shape,
    )
    from xss_payloads import PAYLOADS, URL_PAYLOADS

    from storylens.report.html import STATIC, render_html
    from storylens.report.markdown import render_markdown
    from storylens.web.app import create_app

    own_js = (STATIC / "storylens.js").read_text(encoding="utf-8")
    payloads = PAYLOADS[::8] if quick else PAYLOADS
    escapes: dict[str, int] = Counter()
    by_class: dict[str, Counter] = defaultdict(Counter)
    combos = 0
    old_md = _old_module("src/storylens/report/markdown.py", "markdown_before")
    old_md_escapes = 0
    texts = [p for _, p in payloads]
    with LiveServer(create_app(hostile_library(texts))) as live, httpx.Client(base_url=live.url) as web:
        for i, (kind, p) in enumerate(payloads):
            brief, twin = payload_brief(p), benign_twin(p)
            html = render_html(brief)
            md = render_markdown_html(render_markdown(brief))
            src = quote(p, safe="")
            pages = {
                "html_report": (html, render_html(twin), [(None, own_js)]),
                "web_story": (web.get(f"/stories/p{i}").text, web.get(f"/stories/b{i}").text,
                              [("/static/storylens.js", None)]),
                "web_source": (web.get(f"/stories/p{i}/sources/{src}").text,
                               web.get(f"/stories/b{i}/sources/Harbourmaster").text, [("/static/storylens.js", None)]),
            }
            for path, (page, benign, scripts) in pages.items():
                combos += 1
                bad = shape(page) != shape(benign) or bool(scan_html(page, scripts))
                escapes[path] += bad
                by_class[kind]["escapes"] += bad
            combos += 1
            bad_md = shape(md) != shape(render_markdown_html(render_markdown(twin))) or bool(scan_markdown_render(md))
            escapes["markdown"] += bad_md
            by_class[kind]["escapes"] += bad_md
            by_class[kind]["payloads"] += 1
            old_md_escapes += bool(scan_markdown_render(render_markdown_html(old_md.render_markdown(brief))))
        reflected = 0
        for _, p in payloads[::3]:
            for url in (f"/?q={quote(p)}", f"/add?story={quote(p)}", f"/stories/{quote(p, safe='')}"):
                combos += 1
                reflected += bool(scan_html(web.get(url).text, [("/static/storylens.js", None)]))
    url_escapes = 0
    for u in URL_PAYLOADS:
        b = payload_brief("plain words", url=u, hostile_ids=False)
        url_escapes += bool(scan_html(render_html(b), [(None, own_js)]))
        url_escapes += bool(scan_markdown_render(render_markdown_html(render_markdown(b))))
    return {
        "payloads_tried": len(payloads), "payload_classes": len(by_class), "url_payloads_tried": len(URL_PAYLOADS),
        "output_paths": 4, "payload_path_combinations": combos, "escapes": sum(escapes.values()) + reflected,
        "escapes_by_path": dict(escapes), "reflected_escapes": reflected, "url_escapes": url_escapes,
        "markdown_escapes_before_fix": old_md_escapes,
        "by_class": {k: dict(v) for k, v in sorted(by_class.items())},
    }


def browser(quick: bool) -> dict[str, Any]:
    from live import CHROMIUM_ARGS, LiveServer, chromium_path
    from seclab_browser import drive
    from seclab_xss import corpus_brief
    from xss_payloads import PAYLOADS

    from storylens.report.html import render_html
    from storylens.web.app import create_app
    from storylens.web.library import FolderLibrary

    path = chromium_path()
    if path is None:
        return {"browser": "chromium not installed: skipped"}
    from playwright.sync_api import sync_playwright

    texts = [p for _, p in (PAYLOADS[::8] if quick else PAYLOADS)]
    brief = corpus_brief(texts)
    out: dict[str, Any] = {"browser_payloads": len(texts)}
    tmp = Path(WORK.name)
    report = render_html(brief)
    (tmp / "csp.html").write_text(report, encoding="utf-8")
    import re

    (tmp / "nocsp.html").write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", report),
                                    encoding="utf-8")
    library = FolderLibrary([], build=lambda inputs: brief)
    library._new("corpus", ["corpus"])
    with sync_playwright() as p, LiveServer(create_app(library)) as live:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        web_urls = [live.url + "/", live.url + "/stories/corpus"]
        step = 12 if quick else 23
        web_urls += [f"{live.url}/stories/corpus/sources/{quote(s.id, safe='')}" for s in brief.sources[::step]]
        web_urls += [f"{live.url}/?q={quote(t)}" for t in texts[::40]]
        runs = {
            "report_csp": drive(b, [(tmp / "csp.html").as_uri()], None),
            "report_no_csp": drive(b, [(tmp / "nocsp.html").as_uri()], None),
            "web_csp": drive(b, web_urls, live.url),
            "web_no_csp": drive(b, web_urls, live.url, strip_csp=True),
        }
        b.close()
    for name, r in runs.items():
        out[f"{name}_pages"] = r["pages"]
        out[f"{name}_executed"] = r["executed"]
        out[f"{name}_csp_violations"] = len(r["csp_violations"])
        out[f"{name}_events_fired"] = r["events_fired"]
        out[f"{name}_clicks"] = r["clicks"]
    out["browser_executed"] = sum(r["executed"] for r in runs.values())
    return out


def pipeline() -> dict[str, Any]:
    from seclab_xss import render_markdown_html, scan_html, scan_markdown_render, write_hostile_corpus
    from xss_payloads import PAYLOADS, URL_PAYLOADS

    import storylens
    from storylens.report.html import STATIC, render_html
    from storylens.report.markdown import render_markdown

    folder = Path(WORK.name) / "hostile"
    placed = write_hostile_corpus(folder, [p for _, p in PAYLOADS], URL_PAYLOADS)
    t0 = time.perf_counter()
    brief = storylens.brief(folder)
    own_js = (STATIC / "storylens.js").read_text(encoding="utf-8")
    return {
        "pipeline_articles": len(brief.sources), "pipeline_payloads_placed": sum(placed.values()),
        "pipeline_seconds": round(time.perf_counter() - t0, 1),
        "pipeline_fields_with_markup": sum("<" in x for x in
                                           [s.title or "" for s in brief.sources] + [s.author or "" for s in brief.sources]
                                           + [s.outlet or "" for s in brief.sources] + [c.text for c in brief.claims]
                                           + [e.name for e in brief.entities] + [s.text for s in brief.summary]),
        "pipeline_escapes": len(scan_html(render_html(brief), [(None, own_js)]))
        + len(scan_markdown_render(render_markdown_html(render_markdown(brief)))),
    }


# Network --------------------------------------------------------------------------------------------

def network(quick: bool) -> dict[str, Any]:
    from seclab_net import ATTACK_DNS, PUBLIC_IP, FakeNet, TrapServer, attack_urls, feed_attacks, rebinding

    from storylens.errors import InputError
    from storylens.ingest import fetch as fetchmod

    tried: Counter = Counter()
    reached: Counter = Counter()
    with TrapServer() as trap:
        cases = attack_urls(trap.port)
        with FakeNet(trap.port, dict(ATTACK_DNS)) as net:
            net.dns["rebind.test"] = rebinding(PUBLIC_IP, "127.0.0.1")
            for kind, url in cases:
                before = (len(trap.secret_hits), len(net.escapes))
                try:
                    fetchmod.fetch(url)
                except InputError:
                    pass
                tried[kind] += 1
                reached[kind] += (len(trap.secret_hits), len(net.escapes)) != before
            trap.feed_items = feed_attacks(trap.port)
            before = (len(trap.secret_hits), len(net.escapes))
            fetchmod.load_url(f"http://public.test:{trap.port}/feed")
            tried["feed_item"] += len(trap.feed_items)
            reached["feed_item"] += (len(trap.secret_hits), len(net.escapes)) != before
            trap.robots_redirect = f"http://127.0.0.1:{trap.port}/secret-robots"
            fetchmod._robots_for.cache_clear()
            before = (len(trap.secret_hits), len(net.escapes))
            fetchmod.fetch(f"http://public2.test:{trap.port}/page")
            tried["robots"] += 1
            reached["robots"] += (len(trap.secret_hits), len(net.escapes)) != before
        if quick:
            trap.robots_redirect = None
            return _network_figures(tried, reached, None)
        # The fetcher before this pass, on the classes that need no simulated public host.
        old = _old_module("src/storylens/ingest/fetch.py", "fetch_before")
        old.TIMEOUT_S = 0.5  # its guard lets some addresses through to a real connect: do not wait on those
        safe_kinds = ("direct", "encoded", "userinfo", "dns", "rebinding")
        old_tried = old_reached = old_not_refused = 0
        trap.robots_redirect = None
        with FakeNet(trap.port, dict(ATTACK_DNS)) as net:
            net.dns["rebind.test"] = rebinding(PUBLIC_IP, "127.0.0.1")
            for kind, url in cases:
                if kind not in safe_kinds or "https" in url:
                    continue
                before = len(trap.secret_hits)
                refused = False
                try:
                    old.fetch(url)
                except InputError as exc:
                    refused = type(exc).__name__ == "UnsafeURL"
                old_tried += 1
                old_reached += len(trap.secret_hits) != before
                old_not_refused += not refused
    return _network_figures(tried, reached, (old_tried, old_not_refused, old_reached))


def _network_figures(tried: Counter, reached: Counter, before: tuple[int, int, int] | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "attack_urls_tried": sum(tried.values()), "attack_urls_reached": sum(reached.values()),
        "attack_classes": len(tried), "tried_by_class": dict(tried), "reached_by_class": dict(reached),
    }
    if before is not None:
        out["before_fix_attack_urls_tried"], out["before_fix_attack_urls_not_refused"], \
            out["before_fix_attack_urls_reached"] = before
    return out


def main() -> None:
    options(__doc__)
    quick = smoke()
    t0 = time.perf_counter()
    data: dict[str, Any] = {"smoke": quick}
    for name, part in (("network", lambda: network(quick)), ("xss", lambda: xss(quick)), ("browser", lambda: browser(quick)),
                       ("pipeline", None if quick else pipeline)):
        if part is not None:
            t = time.perf_counter()
            data.update(part())
            data[f"{name}_seconds"] = round(time.perf_counter() - t, 1)
    data["executed"] = data["escapes"] + data.get("browser_executed", 0) + data.get("pipeline_escapes", 0)
    data["seconds"] = round(time.perf_counter() - t0, 1)
    rows = "\n".join(f"| {k} | {data['tried_by_class'][k]} | {data['reached_by_class'].get(k, 0)} |"
                     for k in data["tried_by_class"])
    before = (" / ".join(str(data[f"before_fix_attack_urls_{k}"]) for k in ("tried", "not_refused", "reached"))
              if "before_fix_attack_urls_tried" in data else "not run (--smoke)")
    classes = "\n".join(f"| {k} | {v['payloads']} | {v['escapes']} |" for k, v in data["by_class"].items())
    paths = ", ".join(f"{k} {v}" for k, v in data["escapes_by_path"].items())
    browser_rows = "\n".join(
        f"| {name} | {data[name + '_pages']} | {data[name + '_events_fired']} | {data[name + '_clicks']} | "
        f"{data[name + '_executed']} | {data[name + '_csp_violations']} |"
        for name in ("report_csp", "report_no_csp", "web_csp", "web_no_csp") if name + "_pages" in data)
    md = f"""# Security: hostile content and network attacks

Both headline figures must be 0.

| figure | value |
|---|---|
| XSS payloads tried (classes) | {data['payloads_tried']} ({data['payload_classes']}) + {data['url_payloads_tried']} hostile URLs |
| payload × output path combinations | {data['payload_path_combinations']} |
| **escaped / executed** | **{data['executed']}** (static escapes {data['escapes']}: {paths}; reflected {data['reflected_escapes']}; browser {data.get('browser_executed', 'n/a')}; pipeline {data.get('pipeline_escapes', 'n/a')}) |
| hostile source URLs rendered as live links | {data['url_escapes']} |
| Markdown escapes with the writer before this pass | {data['markdown_escapes_before_fix']} of {data['payloads_tried']} payloads (it left dates, entity types, conflict kinds and languages unescaped: fields a brief read back from JSON can fill) |
| attack URLs tried (classes) | {data['attack_urls_tried']} ({data['attack_classes']}) |
| **attack URLs reached** | **{data['attack_urls_reached']}** |
| fetcher before this pass (no-redirect classes): tried / not refused / reached | {before} |

## XSS by payload class (all paths)

| class | payloads | escapes |
|---|---|---|
{classes}

## Browser (Chromium, whole corpus in one brief)

| run | pages | events fired | clicks | executed | CSP violations |
|---|---|---|---|---|---|
{browser_rows or '| chromium not installed | | | | | |'}

"executed" counts alert/confirm/prompt/print calls, console output, fetch/XHR/sendBeacon, writes to window.__xss
and requests leaving the page. Runs without CSP show that escaping alone holds; with CSP, violations must be 0 too
(nothing of ours is blocked, nothing injected tried to run).

## Network attacks by class

| class | tried | reached |
|---|---|---|
{rows}

Reached = the loopback trap server saw a request for a /secret path, or a connection went to a non-public address.
DNS and public hosts are simulated; nothing leaves the machine.
"""
    if not quick:
        md += (f"\n## Real pipeline\n\n{data['pipeline_articles']} hostile articles (.txt, .html, .jsonl) holding "
               f"{data['pipeline_payloads_placed']} payload placements; {data['pipeline_fields_with_markup']} rendered "
               f"fields (titles, authors, outlets, claims, entity names, summary) still held markup characters; "
               f"escapes in the report and Markdown: {data['pipeline_escapes']}.\n")
    print(write_results("security", data, md))
    WORK.cleanup()
    print(f"executed {data['executed']}, attack URLs reached {data['attack_urls_reached']}, {data['seconds']} s")


if __name__ == "__main__":
    main()
