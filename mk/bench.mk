# Benchmarks (issues 3 and 10), each in a throw-away SQLite file and PostgreSQL database.
BENCH_N ?= 10000
BENCH_WORKSPACES ?= 200
BENCH_MEETINGS ?= 5000
BENCH_PUBLICATIONS ?= 500
BENCH_REQUESTS ?= 30
BENCH_PG_URL ?= postgres://root@127.0.0.1:5432/kim_bench
BENCH_PG_ADMIN ?= psql -h 127.0.0.1 -U root -d postgres
BENCH_DOCS ?= docs/performance.md
SITE_ARGS = --services $(BENCH_N) --workspaces $(BENCH_WORKSPACES) --meetings $(BENCH_MEETINGS) \
	--publications $(BENCH_PUBLICATIONS) --requests $(BENCH_REQUESTS) --docs $(BENCH_DOCS)
DIRECTORY_ARGS = --services $(BENCH_N) --requests 50 --docs docs/directory.md

.PHONY: bench bench-sqlite bench-postgres bench-directory

bench: install bench-sqlite bench-postgres ## Time every page type at scale on SQLite and PostgreSQL → docs/performance.md

define bench_prepare
export DJANGO_SETTINGS_MODULE=portal.settings.bench VAR_DIR=$$tmp && \
$(PY) manage.py migrate --noinput -v0 && $(PY) manage.py collectstatic --noinput -v0
endef

bench-sqlite: ## Page-type benchmark on a SQLite file in a temporary directory
	@mkdir -p var && tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DATABASE_URL=sqlite:///$$tmp/bench.sqlite3 && $(bench_prepare) && \
	$(PY) manage.py bench_site $(SITE_ARGS) --label SQLite --json var/bench-site-sqlite.json

bench-postgres: ## Page-type benchmark on the PostgreSQL database kim_bench (recreated)
	@bash scripts/services.sh
	@mkdir -p var && $(BENCH_PG_ADMIN) -qc 'DROP DATABASE IF EXISTS kim_bench' -c 'CREATE DATABASE kim_bench'
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DATABASE_URL=$(BENCH_PG_URL) && $(bench_prepare) && \
	$(PY) manage.py bench_site $(SITE_ARGS) --label PostgreSQL --json var/bench-site-postgres.json

bench-directory: install ## The directory alone with memory figures, on SQLite and PostgreSQL → docs/directory.md
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DATABASE_URL=sqlite:///$$tmp/bench.sqlite3 && $(bench_prepare) && \
	$(PY) manage.py bench_directory $(DIRECTORY_ARGS) --label SQLite --json var/bench-sqlite.json
	$(BENCH_PG_ADMIN) -qc 'DROP DATABASE IF EXISTS kim_bench' -c 'CREATE DATABASE kim_bench'
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DATABASE_URL=$(BENCH_PG_URL) && $(bench_prepare) && \
	$(PY) manage.py bench_directory $(DIRECTORY_ARGS) --label PostgreSQL --json var/bench-postgres.json
