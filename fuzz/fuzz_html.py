"""atheris (libFuzzer) harness for the HTML reader; run it through `fuzz/run.py`, or alone:

    .venv/bin/python fuzz/fuzz_html.py CORPUS_DIR -max_total_time=60
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Coverage feedback comes from the Python code imported here: ours and the pure-Python
# libraries the reader leans on (lazily imported modules are imported now, so they are instrumented too).
with atheris.instrument_imports(include=["storylens", "trafilatura", "htmldate", "justext", "charset_normalizer",
                                         "courlan", "feedparser"]):
    import targets
    import trafilatura  # noqa: F401

    from storylens.clean import html as _html  # noqa: F401
    from storylens.ingest import feeds as _feeds  # noqa: F401
    from storylens.ingest import sniff as _sniff  # noqa: F401

TARGET = targets.TARGETS["html"]


def test_one_input(data: bytes) -> None:
    TARGET(data)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
