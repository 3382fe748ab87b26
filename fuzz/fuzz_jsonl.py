"""atheris (libFuzzer) harness for the reader of JSON-lines files (record parsing, field types, cleaning of the text or HTML).

Run through `fuzz/run.py` (seeds, time limit, crash collection), or alone:

    .venv/bin/python fuzz/fuzz_jsonl.py CORPUS_DIR -max_total_time=60 -dict=fuzz/dicts/jsonl.dict
"""

from harness import main

if __name__ == "__main__":
    main("jsonl")
