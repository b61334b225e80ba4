#!/usr/bin/env bash
# Load benchmark (not a test): the app in Production mode on thirty times the demo data (or the factor given), hit by wrk
# with 50 connections on the public pages, then on a static file served by the same app in the same run for comparison.
# Prints requests per second, p50/p95/p99 latency and errors per page. Target: p95 under 100 ms for the pages, zero errors.
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

echo "» starting the portal in Production mode on port $port"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Username=aposart;Password=aposart;Database=$database" \
Database__MigrateOnStartup=false BackgroundJobs__Enabled=false Outbox__Enabled=false Serilog__MinimumLevel__Default=Warning \
Cpts__PublicUrl="http://127.0.0.1:$port" \
  dotnet src/Aposart.Web/bin/Release/net10.0/Aposart.Web.dll --contentRoot "$PWD/src/Aposart.Web" >/tmp/aposart-load.log 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  as_root su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "The portal did not start:" >&2; tail -n 30 /tmp/aposart-load.log >&2; exit 1; }

static="/css/site.css"
pages=("/" "/annuaire?profession=Nurse" "/formations" "$static")
printf '%-28s %10s %9s %9s %9s %8s\n' "page (50 connections)" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"
declare -A rps p95
for page in "${pages[@]}"; do
  # Warm-up: JIT, caches and the connection pool, not measured.
  wrk -t2 -c50 -d3s "http://127.0.0.1:$port$page" >/dev/null
  line=$(wrk -t2 -c50 -d"${seconds}s" -s bench/wrk-report.lua "http://127.0.0.1:$port$page" | grep '^RESULT')
  value() { echo "$line" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
  rps[$page]=$(value rps); p95[$page]=$(value p95)
  printf '%-28s %10s %9s %9s %9s %8s\n' "$page" "$(value rps)" "$(value p50)" "$(value p95)" "$(value p99)" "$(value errors)"
done
echo
for page in "/" "/annuaire?profession=Nurse" "/formations"; do
  awk -v page="$page" -v r="${rps[$page]}" -v s="${rps[$static]}" -v p="${p95[$page]}" \
    'BEGIN { printf "%-28s %5.1f %% of the static file rate; p95 %s ms: %s\n", page, 100 * r / s, p, (p < 100 ? "target met" : "target NOT met") }'
done
