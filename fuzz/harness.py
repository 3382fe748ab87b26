"""Shared atheris entry point: instrument our code and the pure-Python libraries, then fuzz one target.

Coverage feedback comes from the Python code imported inside `instrument_imports`: ours and
the libraries the readers lean on. Modules the readers import lazily are imported here up
front, so they are instrumented too.
"""

from __future__ import annotations

import sys

import atheris

INSTRUMENTED = ["storylens", "trafilatura", "htmldate", "justext", "charset_normalizer", "courlan", "feedparser"]


def main(target: str) -> None:
    """Run libFuzzer on `targets.TARGETS[target]` with the command-line options libFuzzer takes."""
    with atheris.instrument_imports(include=INSTRUMENTED):
        import targets
        import trafilatura  # noqa: F401

        from storylens.clean import html  # noqa: F401
        from storylens.ingest import feeds, sniff  # noqa: F401
    atheris.Setup(sys.argv, targets.TARGETS[target])
    atheris.Fuzz()
