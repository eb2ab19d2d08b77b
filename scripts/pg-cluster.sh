#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests.
#   scripts/pg-cluster.sh start <dir> <port>   → prints postgres://postgres@127.0.0.1:<port>/postgres
#   scripts/pg-cluster.sh stop  <dir>
# PostgreSQL refuses to run as root, so when invoked as root the server runs as the
# `postgres` user (runuser) and <dir> is handed to that user. Trust authentication,
# listening on 127.0.0.1 only; fsync off because the data is disposable.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
cmd="${1:-}"
dir="${2:-}"
port="${3:-}"

usage() { echo "usage: $0 start <dir> <port> | stop <dir>" >&2; exit 2; }
[[ -n "$cmd" && -n "$dir" ]] || usage

as_pg() {
	if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
	[[ -n "$port" ]] || usage
	[[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL binaries not found in $PG_BIN" >&2; exit 1; }
	mkdir -p "$dir"
	dir="$(cd "$dir" && pwd)"
	if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir"; fi
	if [[ ! -f "$dir/data/PG_VERSION" ]]; then
		as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
			|| { cat "$dir/initdb.log" >&2; exit 1; }
	fi
	as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	echo "postgres://postgres@127.0.0.1:$port/postgres"
	;;
stop)
	dir="$(cd "$dir" && pwd)"
	as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
*) usage ;;
esac
