# Quality of the directory search (issue 14): judged needs in seven languages.
EVAL_PG_URL ?= postgres://root@127.0.0.1:5432/kim_eval
EVAL_TEST = tests/services_directory/test_needs.py::test_judged_needs_keep_the_floor

.PHONY: eval-search

eval-search: install ## Judged needs: recall@5, MRR, zero-result rate per language, on SQLite and PostgreSQL
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest -p no:xdist -q -s $(EVAL_TEST)
	@bash scripts/services.sh
	DJANGO_SETTINGS_MODULE=portal.settings.test DATABASE_URL=$(EVAL_PG_URL) \
		$(PY) -m pytest -p no:xdist -q -s $(EVAL_TEST)
