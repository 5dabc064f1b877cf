# Quality of the directory search (issue 14): judged needs in seven languages.
EVAL_PG_URL ?= postgres://root@127.0.0.1:5432/kim_eval
EVAL_TEST = tests/services_directory/test_needs.py::test_judged_needs_keep_the_floor

.PHONY: eval-search

eval-search: install ## Judged needs: recall@5, MRR, zero-result rate per language, on SQLite and PostgreSQL
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest -p no:xdist -q -s $(EVAL_TEST)
	@bash scripts/services.sh
	DJANGO_SETTINGS_MODULE=portal.settings.test DATABASE_URL=$(EVAL_PG_URL) \
		$(PY) -m pytest -p no:xdist -q -s $(EVAL_TEST)

# Live search cluster (issue 19): a local OpenSearch 2.19 node from Maven Central and the
# live test suite against it. docs/search.md says what is fetched and what is tested.
# Included by the Makefile (`-include mk/*.mk`); uses its PY.

# Extra pytest arguments for the live suite, e.g. make test-search TEST_SEARCH_ARGS=--reuse-db
TEST_SEARCH_ARGS ?=

.PHONY: opensearch opensearch-stop test-search

opensearch: ## Fetch (Maven Central, checksums), assemble and start an OpenSearch node on 127.0.0.1:9200
	bash scripts/opensearch.sh start

opensearch-stop: ## Stop the local OpenSearch node(s) started by make opensearch / test-search
	bash scripts/opensearch.sh stop all

test-search: install ## Live search tests against a local OpenSearch node (skips without Java/mvn; fails under CI=true)
	bash scripts/test-search.sh $(TEST_SEARCH_ARGS)

# The directory on the cluster (issue 19, part 5): the in-process matcher against the
# OpenSearch variant on the judged needs, with BENCH_CLUSTER_N distractor services, in a
# throw-away SQLite file; a node must answer at BENCH_CLUSTER_URL (make opensearch).
# Not part of CI: 100,000 services take about 15 minutes.
BENCH_CLUSTER_N ?= 10000
BENCH_CLUSTER_URL ?= http://127.0.0.1:9200

.PHONY: bench-directory-cluster

bench-directory-cluster: install ## Directory: in-process matcher vs OpenSearch at BENCH_CLUSTER_N services → docs/search.md
	@mkdir -p var && tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DJANGO_SETTINGS_MODULE=portal.settings.bench VAR_DIR=$$tmp \
		DATABASE_URL=sqlite:///$$tmp/bench.sqlite3 SEARCH_URL= && \
	$(PY) manage.py migrate --noinput -v0 && \
	nice -n 10 $(PY) manage.py bench_directory_cluster --services $(BENCH_CLUSTER_N) \
		--url $(BENCH_CLUSTER_URL) --docs docs/search.md --json var/bench-cluster-$(BENCH_CLUSTER_N).json
