"""atheris (libFuzzer) harness for the reader of WARC archives (gzip members, record headers, HTTP parsing, page extraction).

Run through `fuzz/run.py` (seeds, time limit, crash collection), or alone:

    .venv/bin/python fuzz/fuzz_warc.py CORPUS_DIR -max_total_time=60 -dict=fuzz/dicts/warc.dict
"""

from harness import main

if __name__ == "__main__":
    main("warc")
