#!/usr/bin/env bash
# PostgreSQL and Redis for the PostgreSQL suite, the Redis tests, `make serve-prod` and
# `make loadtest` on a machine that starts neither (docs/operations.md, "Local services").
# Installs them from Debian's packages when missing (apt-get update once), starts them on
# 127.0.0.1, waits until they answer and creates the role and databases the tests use.
# Idempotent: a second run only checks. Needs root (or sudo) for the installation.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
PG_ROLE=${PG_ROLE:-root}
PG_DATABASES=${PG_DATABASES:-kim_ci kim}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
say() { printf 'services: %s\n' "$*"; }

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- PostgreSQL (Debian's cluster tools) ---
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  say "installing PostgreSQL from Debian's packages"
  apt_install postgresql postgresql-contrib
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main"; then
  say "creating cluster $PG_VERSION/main"
  $SUDO pg_createcluster "$PG_VERSION" main -p "$PG_PORT" >/dev/null
fi
# Local development and CI only: the test role connects over loopback without a password.
HBA=/etc/postgresql/$PG_VERSION/main/pg_hba.conf
if ! $SUDO grep -q "^host all $PG_ROLE 127.0.0.1/32 trust" "$HBA"; then
  say "allowing $PG_ROLE on 127.0.0.1 without a password (pg_hba.conf)"
  $SUDO sed -i "1i host all $PG_ROLE 127.0.0.1/32 trust\nhost all $PG_ROLE ::1/128 trust" "$HBA"
  if pg_isready -h 127.0.0.1 -p "$PG_PORT" -q; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main reload
  fi
fi
if ! pg_isready -h 127.0.0.1 -p "$PG_PORT" -q; then
  say "starting PostgreSQL $PG_VERSION"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
fi
for _ in $(seq 60); do pg_isready -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 0.5; done
pg_isready -h 127.0.0.1 -p "$PG_PORT" -q || { say "PostgreSQL does not answer on $PG_PORT"; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
if ! as_postgres "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_ROLE'\"" | grep -q 1; then
  say "creating role $PG_ROLE"
  as_postgres "psql -p $PG_PORT -qc 'CREATE ROLE \"$PG_ROLE\" SUPERUSER LOGIN'"
fi
for db in $PG_DATABASES; do
  psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
    || createdb -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" "$db"
done
say "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (role $PG_ROLE; databases: $PG_DATABASES)"

# --- Redis ---
if ! command -v redis-server >/dev/null; then
  say "installing Redis from Debian's packages"
  apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  say "starting Redis"
  mkdir -p var
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
    --pidfile "$PWD/var/redis.pid" --logfile "$PWD/var/redis.log" --dir "$PWD/var"
fi
for _ in $(seq 40); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || { say "Redis does not answer on $REDIS_PORT"; exit 1; }
say "Redis on 127.0.0.1:$REDIS_PORT"
