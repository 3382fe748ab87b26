"""Driving Chromium over hostile pages: hooks that record anything that runs, and the poking that tempts it.

Used by test_browser_xss.py and bench/security.py.
"""

from __future__ import annotations

from typing import Any

# Installed in the page before any of its own script: every way a payload could announce itself is recorded.
BROWSER_HOOKS = """
(() => {
  const hits = [];
  const csp = [];
  const hit = (kind, arg) => hits.push(kind + ": " + String(arg).slice(0, 80));
  Object.defineProperty(window, "__hits", {value: hits});
  Object.defineProperty(window, "__csp", {value: csp});
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (arg) => { hit(name, arg); return null; };
  }
  for (const name of ["log", "info", "warn", "error", "debug", "trace"]) {
    console[name] = (arg) => hit("console." + name, arg);
  }
  navigator.sendBeacon = (url) => { hit("sendBeacon", url); return true; };
  window.fetch = (url) => { hit("fetch", url); return Promise.reject(new Error("blocked")); };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { hit("xhr", url); return open.apply(this, arguments); };
  let xss;
  Object.defineProperty(window, "__xss", {get: () => xss, set: (v) => { xss = v; hit("__xss", v); }});
  document.addEventListener("securitypolicyviolation",
    (e) => csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")), true);
})();
"""

# Run in the page after load: fire the events inline handlers listen for on every element, open every fold.
BROWSER_POKE = """
() => {
  const kinds = ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "pointerover", "pointerdown",
                 "focus", "focusin", "blur", "keydown", "input", "change", "toggle", "beforetoggle", "load",
                 "error", "animationstart", "animationend", "transitionend", "scroll", "wheel", "copy"];
  let n = 0;
  for (const el of document.querySelectorAll("body *")) {
    for (const kind of kinds) { el.dispatchEvent(new Event(kind, {bubbles: false})); n++; }
  }
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  return n;
}
"""


def drive(browser: Any, urls: list[str], origin: str | None, strip_csp: bool = False) -> dict[str, Any]:
    """Load each page, poke and click through it, and report everything that ran or tried to load.

    `origin` is the web UI's base URL (requests elsewhere are beacons and are blocked); file:// pages
    may load nothing else at all. With `strip_csp` the pages are served without their policy, so the
    result shows what escaping alone achieves.
    """
    import re as _re

    found: dict[str, Any] = {"pages": 0, "hits": [], "dialogs": [], "beacons": [], "csp_violations": [],
                             "page_errors": [], "events_fired": 0, "clicks": 0}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(BROWSER_HOOKS)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith("file://") or (origin and url.startswith(origin)):
            if strip_csp and origin and url.startswith(origin):
                resp = r.fetch()
                headers = {k: v for k, v in resp.headers.items() if k.lower() != "content-security-policy"}
                r.fulfill(response=resp, headers=headers)
            else:
                r.continue_()
        else:
            found["beacons"].append(url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda d: (found["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: found["page_errors"].append(str(e)))
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        found["pages"] += 1
        found["events_fired"] += page.evaluate(BROWSER_POKE)
        buttons = page.locator("button.cite")
        for i in range(min(buttons.count(), 12)):  # real clicks on a few; synthetic ones on all below
            buttons.nth(i).click(timeout=5000)
            found["clicks"] += 1
            page.keyboard.press("Escape")  # close the quote again: an open one would cover the next button
            page.mouse.move(0, 0)
        found["clicks"] += page.evaluate("() => { const b = document.querySelectorAll('button.cite');"
                                         " b.forEach((x) => x.click()); return b.length; }")
        for sel in ("mark", "main a", "td", "li"):
            items = page.locator(sel)
            for i in range(min(items.count(), 8)):
                if items.nth(i).is_visible():
                    items.nth(i).hover(timeout=5000, force=True)
        for _ in range(25):
            page.keyboard.press("Tab")
        for link in page.locator("main a[href^='#']").all()[:15]:  # in-page links: run our reveal() code
            link.evaluate("(a) => a.click()")
            found["clicks"] += 1
        page.wait_for_timeout(150)  # let anything scheduled (timers, animations) run before reading
        found["hits"] += page.evaluate("() => window.__hits.slice()")
        found["csp_violations"] += page.evaluate("() => window.__csp.slice()")
    context.close()
    found["executed"] = len(found["hits"]) + len(found["dialogs"]) + len(found["beacons"])
    found["csp_violations"] = [v for v in found["csp_violations"] if not _re.match(r"^$", v)]
    return found
