#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, on a fresh Debian machine:
# Debian's Chromium (Playwright cannot download its own browser here) and the
# PostgreSQL 15 server binaries (the integration tests start a throwaway cluster).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v runuser >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
id postgres >/dev/null 2>&1 || $SUDO useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
echo "Test dependencies ready: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/lib/postgresql/15/bin/postgres --version)"
