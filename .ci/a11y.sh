#!/usr/bin/env bash
# Accessibility check (make check-a11y): axe-core (WCAG 2.1 A/AA) in headless Chromium on
# the public pages of a fresh demo site. Installs what it needs: Debian's chromium (apt)
# and the pinned npm packages in tests/a11y (no browser download). Fails on any serious
# or critical violation.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

if [ ! -x "$CHROMIUM" ]; then
  echo "== installing chromium (apt) =="
  apt_install chromium
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "== installing nodejs and npm (apt) =="
  apt_install nodejs npm
fi
if [ ! -d tests/a11y/node_modules/axe-core ] || [ ! -d tests/a11y/node_modules/puppeteer-core ] \
   || [ tests/a11y/package-lock.json -nt tests/a11y/node_modules/.package-lock.json ]; then
  echo "== npm ci (tests/a11y) =="
  (cd tests/a11y && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

VAR="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$VAR"
}
trap cleanup EXIT

# A fresh embedded site: SQLite in a temporary VAR_DIR, no external service.
unset DATABASE_URL ELASTICSEARCH_URL REDIS_URL EMAIL_URL
export VAR_DIR="$VAR" DJANGO_SETTINGS_MODULE=cms.settings.dev TASKS_BACKEND=immediate DEBUG=1
echo "== demo site in $VAR =="
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo >"$VAR/load_demo.log" 2>&1 || { cat "$VAR/load_demo.log"; exit 1; }

PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload >"$VAR/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$BASE/" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$VAR/server.log"; exit 1; fi
  sleep 1
done

mapfile -t PAGES < <("$PY" tests/a11y/pages.py)
echo "== axe-core on ${#PAGES[@]} pages at $BASE =="
CHROMIUM="$CHROMIUM" node tests/a11y/run.js "$BASE" "${PAGES[@]}"
