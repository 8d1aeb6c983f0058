# cmwreport — the two commands a newcomer runs, and a few for developers.
# Everything installs into .venv; nothing needs to be installed by hand.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
EXAMPLE ?= .

.PHONY: report test lint bench clean help

help:
	@echo "make report  - check, coverage and render the bundled example into build/"
	@echo "make test    - run the whole test suite (with lint)"
	@echo "make lint    - ruff and mypy"
	@echo "make bench   - the performance benchmark (writes build/bench.json)"

$(VENV)/.base: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "cmwreport needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

report: $(VENV)/.base
	@mkdir -p build
	$(VENV)/bin/cmwreport check --root $(EXAMPLE)
	$(VENV)/bin/cmwreport coverage --root $(EXAMPLE)
	$(VENV)/bin/cmwreport coverage --root $(EXAMPLE) --format json --output build/coverage.json
	$(VENV)/bin/cmwreport coverage --root $(EXAMPLE) --format markdown --output build/coverage.md
	$(VENV)/bin/cmwreport coverage --root $(EXAMPLE) --format html --output build/coverage.html
	$(VENV)/bin/cmwreport coverage --root $(EXAMPLE) --format xlsx --output build/coverage.xlsx
	$(VENV)/bin/cmwreport render --root $(EXAMPLE) --output build/CMW-C-IDN-2-en.docx
	$(VENV)/bin/cmwreport render --root $(EXAMPLE) --lang id --output build/CMW-C-IDN-2-id.docx

test: $(VENV)/.test lint
	$(PY) -m pytest -n 2

lint: $(VENV)/.test
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/mypy

bench: $(VENV)/.test
	$(PY) bench/run.py

clean:
	rm -rf build .venv .pytest_cache .mypy_cache .ruff_cache
