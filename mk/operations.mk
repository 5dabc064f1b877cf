# Operations (docs/operations.md, docs/security.md): dependency audit, backups, scheduled
# publishing. Included by the Makefile; uses its PY and UV.
AUDIT_ARGS ?=
BACKUP_DIR ?= var/backups
PUBLISH_EVERY ?= 60

.PHONY: audit backup restore publish-scheduled

audit: ## pip-audit over uv.lock: exit 1 on known vulnerabilities, 3 if the service is unreachable
	@mkdir -p var
	$(UV) export --frozen --no-hashes --no-emit-project --format requirements-txt --quiet -o var/requirements-audit.txt
	$(PY) -m portal.operations.depaudit -r var/requirements-audit.txt $(AUDIT_ARGS)

backup: ## pg_dump (custom format) of DATABASE_URL plus a tarball of MEDIA_ROOT into var/backups/<time>/
	$(PY) manage.py backup --to $(BACKUP_DIR)

restore: ## Restore BACKUP=var/backups/<time> into DATABASE_URL (pg_restore --clean) and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<time>"; exit 2; }
	$(PY) manage.py restore $(BACKUP) --yes

publish-scheduled: ## Publish/expire scheduled pages once; LOOP=1 repeats every PUBLISH_EVERY seconds
	@if [ -n "$(LOOP)" ]; then \
		while true; do $(PY) manage.py publish_scheduled; sleep $(PUBLISH_EVERY); done; \
	else $(PY) manage.py publish_scheduled; fi
