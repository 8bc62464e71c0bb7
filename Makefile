# Two commands on a fresh machine with Python 3.11+ and make:  make run  /  make test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test test-fast lint bench lock system-deps node-deps clean help

help:
	@echo "make run    - start the app on http://localhost:8501"
	@echo "make test   - lint and run every test (unit, integration, app, browser)"
	@echo "make bench  - print the performance figures"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run streamlit_app.py

# Debian packages the browser, database, PDF and DOCX tests need; installed only when missing
# and only where apt-get can run (as root). Elsewhere those tests say what is missing.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: missing system packages:$$missing (browser/PostgreSQL/DOCX-conversion tests will skip outside CI)"; fi; \
	fi

node-deps:
	@if [ -f package-lock.json ] && command -v npm >/dev/null && [ ! -d node_modules/axe-core ]; then npm ci --silent --no-audit --no-fund; fi

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) system-deps node-deps
	$(BIN)/ruff check .
	$(BIN)/python scripts/with-postgres.py $(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadgroup

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not e2e" -x

bench: $(STAMP) system-deps
	$(BIN)/python scripts/with-postgres.py $(BIN)/python -m bench

lock:
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --generate-hashes --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
