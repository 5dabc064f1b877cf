# Production-like serving on this machine: PostgreSQL, Redis, gunicorn, plain HTTP.
PROD_DB ?= kim_prod
PROD_PORT ?= 8001
PROD_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production LOCAL_HTTP=1 \
	DATABASE_URL=postgres://root@127.0.0.1:5432/$(PROD_DB) REDIS_URL=redis://127.0.0.1:6379/1 \
	ALLOWED_HOSTS=127.0.0.1,localhost CONN_MAX_AGE=60 \
	SECRET_KEY=$$(cat var/prod-secret-key)
# The load test's commands (devtools/) are not installed in production otherwise.
LOADTEST_ENV = $(PROD_ENV) KIM_DEVTOOLS=1
GUNICORN = $(PROD_ENV) GUNICORN_BIND=127.0.0.1:$(PROD_PORT) $(PY) -m gunicorn -c portal/gunicorn.conf.py
LOADTEST_USERS ?= 30
LOADTEST_SPAWN_RATE ?= 5
LOADTEST_TIME ?= 60s

.PHONY: serve-prod prod-site loadtest

var/prod-secret-key:
	@mkdir -p var && $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

prod-site: install var/prod-secret-key
	@bash scripts/services.sh
	@psql -h 127.0.0.1 -U root -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(PROD_DB)'" | grep -q 1 \
		|| createdb -h 127.0.0.1 -U root $(PROD_DB)
	$(PROD_ENV) $(PY) manage.py migrate --noinput
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(PY) manage.py load_demo --force --host 127.0.0.1 --port $(PROD_PORT)

serve-prod: prod-site ## Run as in production: PostgreSQL, Redis, gunicorn on http://127.0.0.1:8001
	$(GUNICORN) portal.wsgi

loadtest: install var/prod-secret-key ## Load test (locust) against the production setup; fails on a workspace leak → docs/performance.md
	@$(LOADTEST_ENV) $(PY) manage.py loadtest prepare 2>/dev/null || \
		{ $(MAKE) --no-print-directory prod-site && $(LOADTEST_ENV) $(PY) manage.py loadtest prepare; }
	@$(GUNICORN) --daemon --pid var/loadtest-gunicorn.pid --access-logfile /dev/null portal.wsgi
	@for _ in $$(seq 30); do curl -sf http://127.0.0.1:$(PROD_PORT)/healthz >/dev/null && break; sleep 1; done
	@$(LOADTEST_ENV) $(PY) -m locust -f tests/load/locustfile.py --headless --only-summary \
		-u $(LOADTEST_USERS) -r $(LOADTEST_SPAWN_RATE) -t $(LOADTEST_TIME) \
		--host http://127.0.0.1:$(PROD_PORT) --csv var/loadtest; \
		kill $$(cat var/loadtest-gunicorn.pid); \
		$(LOADTEST_ENV) $(PY) manage.py loadtest report --csv var/loadtest \
		--label "$(LOADTEST_USERS) users, $(LOADTEST_TIME), gunicorn $$(nproc) cores"
