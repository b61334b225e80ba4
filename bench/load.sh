#!/usr/bin/env bash
# Load benchmark (not a test): the app in Production mode on thirty times the demo data (or the factor given), hit by wrk
# with 50 connections on the public pages, then on a static file served by the same app in the same run for comparison.
# Prints requests per second, p50/p95/p99 latency and errors per page, first as deployed (anonymous visitors are served the
# stored public pages), then with every request rendered. Target: p95 under 100 ms for the pages, zero errors.
# Usage: bench/load.sh [factor] [seconds per page]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
command -v wrk >/dev/null || apt_install wrk

factor="${1:-30}"
seconds="${2:-15}"
database="aposart_load"
port=5099
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "» building (Release)"
dotnet build src/Aposart.Web -c Release -warnaserror --nologo -v quiet
echo "» preparing ${factor} x the demo data"
ASPNETCORE_TEST_CONTENTROOT_APOSART_WEB="$PWD/src/Aposart.Web" dotnet run -c Release --project bench/Aposart.Bench -- load-data "$database" "$factor"

app=""
stop_portal() {
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
  fi
}
cleanup() {
  stop_portal
  as_root su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)'" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# $1: seconds an anonymous visitor may be served a stored public page (0: every request is rendered).
start_portal() {
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Username=aposart;Password=aposart;Database=$database" \
  Database__MigrateOnStartup=false BackgroundJobs__Enabled=false Outbox__Enabled=false Serilog__MinimumLevel__Default=Warning \
  Cpts__PublicUrl="http://127.0.0.1:$port" PublicPageCache__Seconds="$1" \
    dotnet src/Aposart.Web/bin/Release/net10.0/Aposart.Web.dll --contentRoot "$PWD/src/Aposart.Web" >/tmp/aposart-load.log 2>&1 &
  app=$!
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "The portal did not start:" >&2; tail -n 30 /tmp/aposart-load.log >&2; exit 1; }
}

static="/css/site.css"
pages=("/" "/annuaire?profession=Nurse" "/formations")
declare -A rps p95
# $1: label of the run; then the paths to measure.
measure() {
  local label="$1"; shift
  printf '%-40s %10s %9s %9s %9s %8s\n' "$label" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"
  for page in "$@"; do
    # Warm-up: JIT, caches and the connection pool, not measured.
    wrk -t2 -c50 -d3s "http://127.0.0.1:$port$page" >/dev/null
    line=$(wrk -t2 -c50 -d"${seconds}s" -s bench/wrk-report.lua "http://127.0.0.1:$port$page" | grep '^RESULT')
    value() { echo "$line" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
    rps[$label$page]=$(value rps); p95[$label$page]=$(value p95)
    printf '  %-38s %10s %9s %9s %9s %8s\n' "$page" "$(value rps)" "$(value p50)" "$(value p95)" "$(value p99)" "$(value errors)"
  done
}

echo "» the portal in Production mode on port $port, as deployed (public pages stored for anonymous visitors)"
start_portal 60
measure "as deployed (50 connections)" "${pages[@]}" "$static"
stop_portal
echo "» the same portal rendering every request (PublicPageCache__Seconds=0), for comparison"
start_portal 0
measure "every request rendered" "${pages[@]}"
echo
for page in "${pages[@]}"; do
  awk -v page="$page" -v r="${rps[as deployed (50 connections)$page]}" -v s="${rps[as deployed (50 connections)$static]}" -v p="${p95[as deployed (50 connections)$page]}" \
    -v u="${p95[every request rendered$page]}" -v ur="${rps[every request rendered$page]}" \
    'BEGIN { printf "%-28s %5.1f %% of the static file rate; p95 %s ms: %s   (rendered each time: %s req/s, p95 %s ms)\n", page, 100 * r / s, p, (p < 100 ? "target met" : "target NOT met"), ur, u }'
done
