#!/usr/bin/env bash
# make test-search: the live search suite (pytest -m opensearch) against a real OpenSearch node.
#
# Uses the node at SEARCH_URL when one answers there; otherwise starts node1 with
# scripts/opensearch.sh and stops it afterwards. When no node can be started, the suite is
# skipped with one line, except under CI=true, where that fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${OPENSEARCH_PORT:-9200}
export SEARCH_URL=${SEARCH_URL:-http://127.0.0.1:$PORT}
export SEARCH_ENGINE=${SEARCH_ENGINE:-opensearch2}
export SEARCH_INDEX_PREFIX=${SEARCH_INDEX_PREFIX:-kimtest_}
export DJANGO_SETTINGS_MODULE=portal.settings.test

started=""
if ! curl -fsS "$SEARCH_URL/_cluster/health" >/dev/null 2>&1; then
  mkdir -p var/opensearch
  if bash scripts/opensearch.sh start >var/opensearch/start.log 2>&1; then
    started=1
    grep -v '^warning:' var/opensearch/start.log || true
  elif [ "${CI:-}" = true ]; then
    cat var/opensearch/start.log >&2
    echo "FAILED: live search tests: the OpenSearch node did not start (CI=true)" >&2
    exit 1
  else
    echo "SKIPPED: live search tests: no OpenSearch node could be started (var/opensearch/start.log says why)"
    exit 0
  fi
fi
cleanup() { if [ -n "$started" ]; then bash scripts/opensearch.sh stop all; fi; }
trap cleanup EXIT
# OPENSEARCH_LIVE=1: a test that finds no node fails instead of skipping.
OPENSEARCH_LIVE=1 $PY -m pytest -p no:xdist -m opensearch --durations=5 "${@}" tests/search_live
