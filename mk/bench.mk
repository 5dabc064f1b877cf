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

.PHONY: bench bench-sqlite bench-postgres bench-directory bench-http bench-http-sqlite bench-http-postgres

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

# Over HTTP (issue #21): gunicorn with the production settings (plain HTTP, this machine only)
# on the seeded database, the same client making a new connection per request, page types
# interleaved; the bench key is reused so that the member's session from the seeding is valid.
BENCH_HTTP_ROUNDS ?= 40
BENCH_HTTP_WORKERS ?= 2
BENCH_HTTP_SEED_ARGS = --services $(BENCH_N) --workspaces $(BENCH_WORKSPACES) \
	--meetings $(BENCH_MEETINGS) --publications $(BENCH_PUBLICATIONS) --seed-only --urls $$tmp/urls.json
BENCH_HTTP_SERVER = DJANGO_SETTINGS_MODULE=portal.settings.production LOCAL_HTTP=1 \
	ALLOWED_HOSTS=127.0.0.1,localhost WEB_CONCURRENCY=$(BENCH_HTTP_WORKERS) \
	SECRET_KEY="$$($(PY) -c 'from portal.settings.bench import SECRET_KEY; print(SECRET_KEY)')" \
	GUNICORN_BIND=127.0.0.1:$$port $(PY) -m gunicorn -c portal/gunicorn.conf.py \
	--access-logfile /dev/null --daemon --pid $$tmp/gunicorn.pid portal.wsgi

# $(1): the label (SQLite or PostgreSQL). Seeds, serves, measures, stops the server.
define bench_http_run
$(PY) manage.py bench_site $(BENCH_HTTP_SEED_ARGS) && \
port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
trap 'test -f $$tmp/gunicorn.pid && kill $$(cat $$tmp/gunicorn.pid); rm -rf "$$tmp"' EXIT && \
$(BENCH_HTTP_SERVER) && \
for _ in $$(seq 60); do curl -sf http://127.0.0.1:$$port/healthz >/dev/null && break; sleep 1; done && \
$(PY) manage.py bench_http --base-url http://127.0.0.1:$$port --urls $$tmp/urls.json \
	--rounds $(BENCH_HTTP_ROUNDS) --label $(1) --docs $(BENCH_DOCS) --json var/bench-http-$(1).json
endef

bench-http: install bench-http-sqlite bench-http-postgres ## Every page type over HTTP against gunicorn (production settings), SQLite and PostgreSQL → docs/performance.md

bench-http-sqlite: ## HTTP benchmark on a SQLite file in a temporary directory
	@mkdir -p var && tmp=$$(mktemp -d) && \
	export DATABASE_URL=sqlite:///$$tmp/bench.sqlite3 && $(bench_prepare) && $(call bench_http_run,SQLite)

bench-http-postgres: ## HTTP benchmark on the PostgreSQL database kim_bench (recreated)
	@bash scripts/services.sh
	@mkdir -p var && $(BENCH_PG_ADMIN) -qc 'DROP DATABASE IF EXISTS kim_bench' -c 'CREATE DATABASE kim_bench'
	@tmp=$$(mktemp -d) && \
	export DATABASE_URL=$(BENCH_PG_URL) && $(bench_prepare) && $(call bench_http_run,PostgreSQL)

# The bounds of issue #20: no page type slower than the committed idle-machine baseline by more
# than 5 % in median (plus 0.5 ms for sub-millisecond rows), docs/performance.md.
BENCH_BASELINE ?= docs/bench-baseline
BENCH_CHECK_DBS ?= sqlite postgres
.PHONY: bench-check
bench-check: ## Compare the last make bench run (var/bench-site-*.json) with docs/bench-baseline/: fails on a page type > 5 % slower
	@status=0; for db in $(BENCH_CHECK_DBS); do \
	  if [ -f var/bench-site-$$db.json ]; then \
	    $(PY) -m devtools.bench_check var/bench-site-$$db.json $(BENCH_BASELINE)/$$db.json || status=1; \
	  else echo "bench-check: var/bench-site-$$db.json is missing (make bench-$$db writes it)"; status=1; fi; \
	done; exit $$status
