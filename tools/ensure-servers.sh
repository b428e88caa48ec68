#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and NATS (with JetStream) answer at the configured addresses.
# A server that does not answer is started: the machine's own service if one is installed,
# else a private one from the installed binary with its data under var/ (git-ignored).
# A missing binary is installed from Debian's packages when we are root on Debian/Ubuntu;
# elsewhere we stop and print the exact command to run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
PG_HOST="${PGHOST:-127.0.0.1}"; PG_PORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"; NATS_PORT="${NATS_PORT:-4222}"

say() { printf '[servers] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done; return 1; }
is_root() { [ "$(id -u)" = 0 ]; }
on_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }
apt_updated=""
install_pkg() {
  if is_root && on_debian; then
    say "installing Debian package(s): $* (apt-get install -y $*)"
    [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    say "missing: $*. Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y $*"
    exit 1
  fi
}

ensure_postgres() {
  port_open "$PG_PORT" && return 0
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then install_pkg postgresql; fi
  if command -v pg_ctlcluster >/dev/null && [ -n "$(ls /etc/postgresql 2>/dev/null)" ] && is_root; then
    say "starting the machine's PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! wait_port "$PG_PORT"; then
    local bin; bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")"
    local data="$VAR/postgres"; local runas=()
    is_root && runas=(runuser -u postgres --)
    mkdir -p "$data"; is_root && chown postgres "$data"
    if [ ! -f "$data/PG_VERSION" ]; then say "initialising a private PostgreSQL in $data"; "${runas[@]}" "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null; fi
    say "starting a private PostgreSQL on port $PG_PORT"
    "${runas[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $PG_PORT -k /tmp -h 127.0.0.1" start >/dev/null
    wait_port "$PG_PORT" || { say "PostgreSQL did not start; see $data/server.log"; exit 1; }
  fi
}

ensure_redis() {
  port_open "$REDIS_PORT" && return 0
  command -v redis-server >/dev/null || install_pkg redis-server
  local dir="/var/lib/redis" log="/var/log/redis/ci.log"
  if ! is_root || [ ! -d "$dir" ]; then dir="$VAR/redis"; log="$VAR/redis/redis.log"; mkdir -p "$dir"; fi
  say "starting Redis on port $REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$dir" --logfile "$log"
  wait_port "$REDIS_PORT" || { say "Redis did not start; see $log"; exit 1; }
}

ensure_nats() {
  port_open "$NATS_PORT" && return 0
  command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || install_pkg nats-server
  local bin; bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
  local store="/var/lib/nats-server" log="/var/log/nats-server.log"
  if ! is_root; then store="$VAR/nats"; log="$VAR/nats/nats.log"; mkdir -p "$store"; fi
  say "starting NATS with JetStream on port $NATS_PORT"
  if command -v start-stop-daemon >/dev/null && is_root; then
    start-stop-daemon --start --oknodo --background --exec "$bin" -- -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "$log"
  else
    nohup "$bin" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "$log" >/dev/null 2>&1 &
  fi
  wait_port "$NATS_PORT" || { say "NATS did not start; see $log"; exit 1; }
}

ensure_database() {
  local name="$1"
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname = '$name'" postgres | grep -q 1; then
    say "creating database $name"
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database \"$name\"" postgres
  fi
}

ensure_postgres
ensure_redis
ensure_nats
for db in "$@"; do ensure_database "$db"; done
say "PostgreSQL :$PG_PORT, Redis :$REDIS_PORT and NATS :$NATS_PORT answer"
