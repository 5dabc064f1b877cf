# Production-like serving on this machine: PostgreSQL, Redis, gunicorn, plain HTTP.
PROD_DB ?= kim_prod
PROD_PORT ?= 8001
PROD_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production LOCAL_HTTP=1 \
	DATABASE_URL=postgres://root@127.0.0.1:5432/$(PROD_DB) REDIS_URL=redis://127.0.0.1:6379/1 \
	ALLOWED_HOSTS=127.0.0.1,localhost CONN_MAX_AGE=60 \
	SECRET_KEY=$$(cat var/prod-secret-key)

.PHONY: serve-prod

var/prod-secret-key:
	@mkdir -p var && $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve-prod: install var/prod-secret-key ## Run as in production: PostgreSQL, Redis, gunicorn on http://127.0.0.1:8001
	@pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@psql -h 127.0.0.1 -U root -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(PROD_DB)'" | grep -q 1 \
		|| createdb -h 127.0.0.1 -U root $(PROD_DB)
	$(PROD_ENV) $(PY) manage.py migrate --noinput
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(PY) manage.py load_demo --force
	$(PROD_ENV) GUNICORN_BIND=127.0.0.1:$(PROD_PORT) $(PY) -m gunicorn -c portal/gunicorn.conf.py portal.wsgi
