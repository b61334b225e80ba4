#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and a real SMTP server (both installed when missing).
# Last line: "N passed, N failed, N skipped"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh

ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
ensure_smtp_sink
ensure_chromium
ensure_compose

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "» build"
dotnet build Aposart.sln -c Release -warnaserror --nologo -v quiet

echo "» test"
status=0
dotnet test Aposart.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
