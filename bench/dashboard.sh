#!/usr/bin/env bash
# Dashboard benchmark (not a test): the demo data times 30 (or the factor given), then the dashboard's server time,
# median and p95 over repeated requests, beside a trivial page's in the same run. Target: dashboard under 200 ms.
# Usage: bench/dashboard.sh [factor]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
ASPNETCORE_TEST_CONTENTROOT_APOSART_WEB="$PWD/src/Aposart.Web" dotnet run -c Release --project bench/Aposart.Bench -- dashboard "${1:-30}"
