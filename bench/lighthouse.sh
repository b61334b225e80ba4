#!/usr/bin/env bash
# Lighthouse (not a test: its performance score is a timing): the published portal in Production mode on the demo data,
# as a CPTS runs it (pre-compressed static files, fingerprinted addresses), audited on the desktop preset with Debian's
# Chromium on /, /annuaire, /formations and /vaccination. Prints each category's score and every audit below its best.
# Target: 100 in performance, accessibility, best practices and SEO on every page; exits 1 below.
# Usage: bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
ensure_chromium

database="aposart_lighthouse"
port=5098
tools="${TMPDIR:-/tmp}/aposart-lighthouse"
published="$tools/app"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHROME_PATH=/usr/bin/chromium

mkdir -p "$tools"
[ -x "$tools/node_modules/.bin/lighthouse" ] || npm install --prefix "$tools" --no-audit --no-fund --silent lighthouse@13.5.0
echo "» building and publishing (Release)"
dotnet build src/Aposart.Web -c Release -warnaserror --nologo -v quiet
rm -rf "$published"
dotnet publish src/Aposart.Web -c Release --no-build --nologo -v quiet -o "$published"
echo "» the demo data"
ASPNETCORE_TEST_CONTENTROOT_APOSART_WEB="$PWD/src/Aposart.Web" dotnet run -c Release --project bench/Aposart.Bench -- load-data "$database" 1

app=""
cleanup() {
  [ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
  as_root su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
(cd "$published" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Username=aposart;Password=aposart;Database=$database" \
  BackgroundJobs__Enabled=false Outbox__Enabled=false Serilog__MinimumLevel__Default=Warning Cpts__PublicUrl="http://localhost:$port" \
  exec dotnet Aposart.Web.dll --urls "http://127.0.0.1:$port") >/tmp/aposart-lighthouse.log 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

status=0
for page in / /annuaire /formations /vaccination; do
  report="$tools/report$(echo "$page" | tr '/' '_').json"
  "$tools/node_modules/.bin/lighthouse" "http://localhost:$port$page" --preset=desktop --output=json --output-path="$report" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage"
  node -e '
    const r = require(process.argv[1]); const page = process.argv[2];
    const wanted = ["performance", "accessibility", "best-practices", "seo"];
    const scores = wanted.map(c => `${c} ${Math.round(r.categories[c].score * 100)}`);
    console.log(`${page.padEnd(14)} ${scores.join("  ")}`);
    for (const c of wanted) for (const ref of r.categories[c].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`    ${c}: ${ref.id} ${a.score} ${a.displayValue || ""}`);
    }
    process.exit(wanted.every(c => r.categories[c].score === 1) ? 0 : 1);
  ' "$report" "$page" || status=1
done
exit "$status"
