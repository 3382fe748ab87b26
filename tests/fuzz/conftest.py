"""Warm the lazy caches once, so hypothesis deadlines time each example, not a first import.

dateparser, pint's unit registry and trafilatura take seconds to load on first use; without
this the first example of a test can miss its deadline and hypothesis reports it as flaky.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _warm_caches() -> None:
    from storylens.clean.html import extract_html
    from storylens.clean.metadata import normalise_date
    from storylens.conflicts.numbers import find_numbers
    from storylens.timeline.dates import find_dates

    normalise_date("Sept. 12, 2023 08:23")
    find_numbers("The span is 40 km long and cost $4.5 million.")
    find_dates("It opened on Sept. 12, 2023.", None)
    extract_html("<html><body><article><p>The bridge closed on Tuesday.</p></article></body></html>")
