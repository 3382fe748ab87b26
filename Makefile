# The two commands a new user needs: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORPUS ?= examples/kim-train-2023
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export TOKENIZERS_PARALLELISM = false

.PHONY: install demo test test-fast browser bench bench-smoke fuzz audit lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# plain pip on purpose: it takes the local CPU torch wheel (uv/poetry would fetch a CUDA build)
	$(PY) -m pip install -q -e ".[dev,bench,e2e,scale]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/storylens brief $(CORPUS) -o out/brief.md -o out/brief.json -o out/brief.html
	@echo "wrote out/brief.md, out/brief.json, out/brief.html"
	@sed -n '1,25p' out/brief.md

# Debian's Chromium for the browser tests (Playwright never downloads its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will be skipped"; }

test: install browser
	$(PY) -m pytest -q -p no:cacheprovider
	$(MAKE) --no-print-directory bench-smoke

test-fast: install
	$(PY) -m pytest -q -m "not slow and not browser"

bench: install
	$(PY) bench/run_all.py

bench-smoke: install
	STORYLENS_BENCH_SMOKE=1 $(PY) bench/run_all.py --smoke

# Coverage-guided fuzzing of the readers (atheris), FUZZ_SECONDS per target; not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz: install
	$(PY) -m pip install -q -e ".[fuzz]"
	$(PY) fuzz/run.py --seconds $(FUZZ_SECONDS)

# Dependency audit (needs the package registry): pins exact, known advisories on pinned releases.
audit: install
	$(PY) -m pip install -q -e ".[audit]"
	$(PY) bench/audit.py

lint: install
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf out build dist *.egg-info .pytest_cache
