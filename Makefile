# nnkg: two commands for a fresh machine (Debian, Python 3.11, root).
#   make run   - create .venv, install nnkg, build the graph, say where the files are
#   make test  - install what the tests need, run the whole suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= build

.PHONY: run test lint docs clean chromium virtuoso

# Debian's python3 ships without venv/ensurepip; install it when it is missing.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/nnkg build --out $(OUT)
	@echo
	@echo "Turtle:  $(abspath $(OUT))/nnkg.ttl"
	@echo "TriG:    $(abspath $(OUT))/nnkg.trig"
	@echo "Page:    $(abspath $(OUT))/nnkg.html  (open it in a browser; it works offline)"
	@echo "Try:     $(BIN)/nnkg stats"

# The page's tests drive Debian's chromium (no browser download: Playwright only steers it).
CHROMIUM := $(shell command -v chromium 2>/dev/null)

chromium:
ifeq ($(CHROMIUM),)
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
endif

# The push tests start Debian's Virtuoso on free localhost ports (a temporary database each
# run); installing the package starts no service where policy-rc.d forbids it, and the
# tests never use its default ports 1111 and 8890.
VIRTUOSO := $(shell command -v virtuoso-t 2>/dev/null)

virtuoso:
ifeq ($(VIRTUOSO),)
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource
endif

test: $(VENV)/.dev-installed chromium virtuoso
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .nnkg-cache .pytest_cache .ruff_cache dist

# Regenerate the command outputs and --help texts in README.md and docs/*.md (a test checks
# they are current) and the screenshot in docs/, taken by the test suite's browser.
docs: $(VENV)/.dev-installed chromium
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python scripts/readme.py
	NNKG_SCREENSHOT_DIR=docs $(BIN)/python -m pytest -q tests/test_page.py -k screenshot
