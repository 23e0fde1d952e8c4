#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs
# every test (unit and Spring tests, then the integration tests against the built jar).
#   scripts/test.sh [maven arguments...]      e.g. scripts/test.sh -B
# Needs: Java 17+. Installs (Debian/Ubuntu, as root or with sudo): chromium and
# chromium-driver for the browser test; postgresql for the PostgreSQL tests, unless TEST_PG_URL
# (with TEST_PG_USER and TEST_PG_PASSWORD) already names a server. The Maven wrapper fetches
# Maven and the libraries.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ -z "${TEST_PG_URL:-}" ] && ! command -v pg_virtualenv >/dev/null 2>&1; then
  need+=(postgresql)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "test set-up: installing ${need[*]} (Debian packages) for the browser and PostgreSQL tests" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "test set-up: ${need[*]} missing and neither root nor sudo: install them, then run again" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test set-up: no apt-get here: install ${need[*]} with this system's package manager" >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${TEST_PG_URL:-}" ]; then
  # PostgreSQL, the production database: a throw-away cluster on a free loopback port, removed
  # when Maven ends (-t: in a temporary folder even as root, so that two checkouts testing at once
  # do not meet in the one "regress" cluster). The PostgreSQL tests find it through TEST_PG_*.
  echo "test set-up: running the tests inside pg_virtualenv (a throw-away PostgreSQL cluster)" >&2
  exec pg_virtualenv -t bash -c 'TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" TEST_PG_USER="$PGUSER" \
    TEST_PG_PASSWORD="$PGPASSWORD" exec ./mvnw verify "$@"' scripts/test.sh "$@"
fi
exec ./mvnw verify "$@"
