"""atheris (libFuzzer) harness for the reader of saved web pages (sniffing, decoding, trafilatura extraction, cleaning).

Run through `fuzz/run.py` (seeds, time limit, crash collection), or alone:

    .venv/bin/python fuzz/fuzz_html.py CORPUS_DIR -max_total_time=60 -dict=fuzz/dicts/html.dict
"""

from harness import main

if __name__ == "__main__":
    main("html")
