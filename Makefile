# KIM Portal — run `make help` for the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
UV := python3 -m uv
PY := .venv/bin/python
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= 2

.PHONY: help install messages css migrate demo test lint format e2e services

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

install: ## Install uv, Python and the locked dependencies into .venv (the shared first step)
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --python 3.11
	@$(MAKE) --no-print-directory pdf-deps
	$(MAKE) --no-print-directory messages
	@$(MAKE) --no-print-directory css

messages: ## Compile the interface translations (fails on untranslated or fuzzy strings)
	$(PY) -m portal.i18n compile

# The stylesheet: KERN's SCSS sources + Sass from npm (package-lock), built by frontend/build.mjs
# into portal/static/css/portal.css (not committed; docs/design.md). npm ci wipes node_modules,
# stamps included: the full install of make e2e (a superset) sets both stamps.
NPM_CI := npm ci --ignore-scripts --no-audit --no-fund
CSS := portal/static/css/portal.css

css: $(CSS) ## Build the stylesheet from KERN's SCSS sources (part of install)

node_modules/.kim-css-deps: package.json package-lock.json
	$(NPM_CI) --omit=dev
	@touch $@

# Templates too: the build keeps only the KERN classes some template uses (build.mjs pass 3).
$(CSS): node_modules/.kim-css-deps frontend/build.mjs $(wildcard frontend/*.scss) $(shell find templates -name '*.html')
	node frontend/build.mjs $@

migrate: install ## Create or update the local SQLite database under var/
	$(PY) manage.py migrate --noinput

demo: migrate ## Install, migrate, load the demo content and serve http://127.0.0.1:8000
	$(PY) manage.py load_demo --host $(HOST) --port $(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (SQLite; DATABASE_URL=postgres://… for PostgreSQL)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest -n $(TEST_WORKERS)

services: ## Install (Debian packages) and start PostgreSQL and Redis on 127.0.0.1, create the test role and databases
	bash scripts/services.sh

lint: install ## ruff lint and format check; the import layers (lint-imports, pyproject.toml)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports

format: install ## Apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

-include mk/*.mk
