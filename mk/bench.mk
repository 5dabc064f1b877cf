# Directory benchmark (issue 3): N services in a throw-away SQLite file and PostgreSQL database.
BENCH_N ?= 10000
BENCH_REQUESTS ?= 50
BENCH_PG_URL ?= postgres://root@127.0.0.1:5432/kim_bench
BENCH_PG_ADMIN ?= psql -h 127.0.0.1 -U root -d postgres
BENCH_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test
BENCH_ARGS = --services $(BENCH_N) --requests $(BENCH_REQUESTS) --docs docs/directory.md

.PHONY: bench bench-sqlite bench-postgres

bench: bench-sqlite bench-postgres ## Directory benchmark on SQLite and PostgreSQL (BENCH_N=10000)

bench-sqlite: ## Directory benchmark on a SQLite file in a temporary directory
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export $(BENCH_ENV) DATABASE_URL=sqlite:///$$tmp/bench.sqlite3 && \
	$(PY) manage.py migrate --noinput -v0 && \
	$(PY) manage.py bench_directory $(BENCH_ARGS) --label SQLite --json var/bench-sqlite.json

bench-postgres: ## Directory benchmark on the PostgreSQL database kim_bench (recreated)
	$(BENCH_PG_ADMIN) -qc 'DROP DATABASE IF EXISTS kim_bench' -c 'CREATE DATABASE kim_bench'
	export $(BENCH_ENV) DATABASE_URL=$(BENCH_PG_URL) && \
	$(PY) manage.py migrate --noinput -v0 && \
	$(PY) manage.py bench_directory $(BENCH_ARGS) --label PostgreSQL --json var/bench-postgres.json
