# The README's words are the targets: make run, make test, make eval, make bench, make lint.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# .python-version says 3.12; pyenv's shim picks it in this directory.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || echo python3)
SHARED ?= ../shared
SEED ?= $(SHARED)/corpus/dev/seed-ro-putin-kim.txt
# Only for local runs and tests; production sets its own.
DEV_SECRET := insecure-local-key-for-make-run-and-tests

.PHONY: install run test lint format eval eval-heldout bench bench-extract bench-ingest bench-ingest-one bench-pages bench-network-map worker clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else "Python 3.12 is required")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# load_demo: the visit records and example articles of data/, so a fresh clone shows
# meetings; a no-op after the first run.
run: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py load_kb
	DEBUG=true $(PY) manage.py load_demo
	@if [ -f "$(SEED)" ]; then DEBUG=true $(PY) manage.py ingest "$(SEED)"; \
	  else echo "Seed article $(SEED) not found: skipping it."; fi
	DEBUG=true $(PY) manage.py create_demo_users
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

# The same checks run by .pre-commit-config.yaml before each commit. mypy's Django plugin
# imports the settings, which want a SECRET_KEY. lint-imports checks the apps' order
# (docs/architecture.md), without its cache, which can miss a change (a rebase).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	SECRET_KEY=$${SECRET_KEY:-$(DEV_SECRET)} $(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# pytest exits 5 when it collected nothing; that is not a failure of the build.
test: lint
	SECRET_KEY=$${SECRET_KEY:-$(DEV_SECRET)} $(PY) -m pytest $(PYTEST_ARGS); \
	  rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

eval: install
	DEBUG=true $(PY) $(SHARED)/eval/score.py --gold $(SHARED)/corpus/dev --cmd "$(PY) manage.py extract"

# Long: the page benchmark fills databases of 10,000, 100,000 and 1,000,000 meetings.
# Original articles written blind to the engine: an honest estimate; never tune on them.
eval-heldout: install
	$(PY) $(SHARED)/eval/score.py --gold bench/heldout --cmd "$(PY) manage.py extract"

bench: bench-extract bench-ingest bench-ingest-one bench-pages
	$(PY) bench/report.py

bench-extract: install
	$(PY) bench/extract_speed.py $(SHARED)/corpus/dev

# Needs the PostgreSQL and Redis of this machine (see .ci/run).
bench-ingest: install
	$(PY) bench/ingest_throughput.py $(SHARED)/corpus/dev

# The same with one worker process, for docs/deploy.md's scaling figures.
bench-ingest-one: install
	BENCH_WORKERS=1 $(PY) bench/ingest_throughput.py $(SHARED)/corpus/dev

bench-pages: install
	$(PY) bench/pages.py $(BENCH_SIZES)

# The network (one year, top 200) and the map at 100,000 meetings (BENCH_SIZES to change).
bench-network-map: install
	$(PY) bench/network_map.py $(or $(BENCH_SIZES),100000)

worker: install
	$(VENV)/bin/celery -A diplomacy worker --beat --loglevel=INFO

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
