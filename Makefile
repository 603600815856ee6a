# Registri: `make run` sets up and serves the demo, `make test` runs every check CI runs.
# Needs GNU make and Python 3.11; everything else goes into .venv.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist workers for `make test`: two, one per core of the 2-core CI machine (on PostgreSQL one
# process took 20 minutes, two take 13; on SQLite 10.5 and 7); PYTEST_WORKERS=0 runs one process.
# Whole test files go to one worker (--dist loadfile), so a module's shared fixtures are built once.
PYTEST_WORKERS ?= 2
ADMIN_PASSWORD ?=

# Commands run by `make run` use the development settings, those of `make test` the test settings,
# whatever DJANGO_SETTINGS_MODULE the shell happens to carry.
DEV := DJANGO_SETTINGS_MODULE=registry.settings.dev $(PY) manage.py
TESTENV := DJANGO_SETTINGS_MODULE=registry.settings.test

.PHONY: help install axe run test lint bench clean distclean search-cluster search-cluster-stop test-search-live prod-local prod-local-stop test-deploy \
	prod-local prod-local-stop

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found: install it or pass PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
		echo "Registri needs Python 3.11, but $(PYTHON) is $$($(PYTHON) --version 2>&1)." >&2; \
		echo "Pass PYTHON=/path/to/python3.11." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $@

install: $(STAMP)  ## Create .venv and install Registri with its test tools (fast when up to date)

# axe-core for the accessibility checks of the browser tests, pinned by .ci/axe/package-lock.json.
# Not part of install: `make test` needs only Python, and the axe tests skip (CI: fail) without it.
AXE := .ci/axe/node_modules/axe-core/axe.min.js

$(AXE): .ci/axe/package.json .ci/axe/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: apt-get install nodejs npm" >&2; exit 1; }
	npm ci --prefix .ci/axe --no-audit --no-fund
	@touch $@

axe: $(AXE)  ## Install axe-core from npm into .ci/axe (needs nodejs and npm) for the browser tests

run: install  ## Migrate, load the demo, create the groups, then serve on http://127.0.0.1:8000/
	$(DEV) migrate --noinput
	$(DEV) load_demo --with-admin $(if $(ADMIN_PASSWORD),--admin-password "$(ADMIN_PASSWORD)") \
		| tee $(VENV)/load_demo.log
	$(DEV) setup_registry
	@# load_demo uploads the demo PDFs; each upload is extracted (text, OCR, article tree) as it is saved.
	$(DEV) shell -c "from collections import Counter; from registry.regulations.models import RegulationDocument as D; print('Ekstraksi PDF demo:', dict(Counter(D.objects.values_list('extraction_status', flat=True))))"
	$(DEV) rebuild_search_index
	@echo
	@echo "Registri:      http://$(HOST):$(PORT)/"
	@echo "Admin:         http://$(HOST):$(PORT)/admin/"
	@grep -E '^ *(Pengguna|Kata sandi) *:' $(VENV)/load_demo.log | sed 's/^ */  /' || \
		echo "  Login: user 'admin', with the password load_demo printed above."
	@echo
	$(DEV) runserver $(HOST):$(PORT)

test: lint  ## Lint, check migrations and settings, run the whole test suite (honours DATABASE_URL)
	$(TESTENV) $(PY) manage.py makemigrations --check --dry-run
	$(TESTENV) $(PY) manage.py check
	$(TESTENV) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install  ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install  ## Run each executable in bench/ in turn
	@found=0; for script in bench/*; do \
		if [ -f "$$script" ] && [ -x "$$script" ]; then \
			found=1; echo "== $$script"; PATH="$(CURDIR)/$(BIN):$$PATH" "./$$script"; \
		fi; \
	done; [ "$$found" = 1 ] || echo "No executable benchmarks in bench/ yet."

# A three-node OpenSearch cluster on 127.0.0.1 (HTTP 9250-9252), jars from Maven Central (needs Java 17
# and Maven); data in a temporary folder. See README "Live search suite" and docs/search-cluster.md.
SEARCH_CLUSTER := .ci/search-cluster/cluster

search-cluster:  ## Start a 3-node OpenSearch cluster on 127.0.0.1:9250-9252 and print OPENSEARCH_URL
	$(SEARCH_CLUSTER) start

search-cluster-stop:  ## Stop that cluster cleanly and delete its data
	$(SEARCH_CLUSTER) stop

test-search-live: install  ## Run the live search suite against OPENSEARCH_URL (or ELASTICSEARCH_URL)
	@if [ -z "$${OPENSEARCH_URL:-}$${ELASTICSEARCH_URL:-}" ]; then \
		echo "Set OPENSEARCH_URL (make search-cluster prints it) or ELASTICSEARCH_URL first." >&2; exit 1; fi
	$(TESTENV) $(BIN)/pytest -m optional_service $(PYTEST_ARGS)

# The reference production topology of docs/deployment.md on 127.0.0.1: a throwaway PostgreSQL database
# (LOOPBACK_PG_URL, else the local cluster as root), nginx, gunicorn and a db_worker per queue.
prod-local: install  ## Production topology on 127.0.0.1 (PostgreSQL, nginx, gunicorn, workers); prints URL and login
	$(PY) deploy/loopback up

prod-local-stop:  ## Stop every process of prod-local and drop its database
	$(PY) deploy/loopback down

test-deploy: install  ## Bring up prod-local's topology and drive the upload → worker → search → coverage journey
	@if ! echo "$${LOOPBACK_PG_URL:-}$${DATABASE_URL:-}" | grep -q '^postgres'; then \
		echo "Set DATABASE_URL (or LOOPBACK_PG_URL) to a PostgreSQL server first." >&2; exit 1; fi
	$(TESTENV) $(BIN)/pytest tests/deploy $(PYTEST_ARGS)

clean:  ## Remove caches and build output (keeps .venv and the database)
	rm -rf .pytest_cache .ruff_cache build bench/out *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean  ## Also remove .venv, the SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static
