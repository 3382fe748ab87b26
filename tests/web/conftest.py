"""Fixtures for the web UI tests (helpers live in web_inputs)."""

from __future__ import annotations

import pytest


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records dialogs (alert/confirm) and page errors instead of blocking on them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()
