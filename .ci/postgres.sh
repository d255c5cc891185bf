#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and print ONLY its URL on stdout:
#   export CLAIMGRAPH_TEST_PG_URL=$(bash .ci/postgres.sh)
# Runs as root on Debian 12. Idempotent: an installed server, an existing cluster, a
# running server, the role and the database are all reused. Listens on 127.0.0.1 only.
set -euo pipefail
exec 3>&1 1>&2  # everything but the URL goes to stderr

PG_USER=claimgraph
PG_PASSWORD=claimgraph
PG_DB=claimgraph_test
PG_PORT="${CLAIMGRAPH_PG_PORT:-5432}"

log() { echo "postgres.sh: $*"; }

install_server() {
  if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null && command -v pg_ctlcluster >/dev/null; then
    return
  fi
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# Our settings live in a conf.d drop-in (read after postgresql.conf, so they win).
# Returns 0 when the file changed.
write_settings() {
  local dropin="/etc/postgresql/$PG_VERSION/main/conf.d/claimgraph-ci.conf"
  local wanted
  wanted="$(printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT")"
  [ -f "$dropin" ] && [ "$(cat "$dropin")" = "$wanted" ] && return 1
  mkdir -p "$(dirname "$dropin")"
  printf '%s\n' "$wanted" > "$dropin"
}

ensure_cluster() {
  if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "$PG_VERSION main"; then
    log "creating cluster $PG_VERSION/main"
    pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >/dev/null 3>&-
  fi
  local changed=0
  write_settings && changed=1
  if pg_lsclusters --no-header | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    if [ "$changed" = 1 ]; then
      log "restarting cluster $PG_VERSION/main for the new settings"
      pg_ctlcluster "$PG_VERSION" main restart 3>&-
    fi
  else
    log "starting cluster $PG_VERSION/main"
    pg_ctlcluster "$PG_VERSION" main start 3>&-
  fi
}

wait_ready() {
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0
    sleep 0.5
  done
  log "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within 30 s"
  tail -n 20 "/var/log/postgresql/postgresql-$PG_VERSION-main.log" || true
  exit 1
}

as_postgres() {
  (cd /tmp && runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@")
}

ensure_role_and_db() {
  as_postgres -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
      ELSE
        ALTER ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
      END IF;
    END \$\$;"
  if [ -z "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    log "creating database $PG_DB"
    as_postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
  fi
}

install_server
PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
ensure_cluster
wait_ready
ensure_role_and_db
PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qAt -c "SELECT 1" >/dev/null
echo "postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB" >&3
