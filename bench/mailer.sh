#!/usr/bin/env bash
# Mailer benchmark (not a test): a 10 000-recipient campaign through the whole outbox pipeline, and the same number
# of pre-rendered messages through a bare MailKit loop, to the same local SMTP sink; prints both rates and their ratio.
# Usage: bench/mailer.sh [recipients]   (BENCH_ROUNDS: pairs measured, default 3; BENCH_WORKERS, BENCH_BATCH: outbox settings)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
ensure_smtp_sink
mails=$(mktemp -d)
port=2599
# The sink accepts without writing: with 20 000 files to write, the disk made the figures vary threefold between runs.
/usr/bin/python3 scripts/smtp-sink.py --port "$port" --dir "$mails" --discard >/dev/null 2>&1 &
sink=$!
trap 'kill $sink 2>/dev/null; rm -rf "$mails"' EXIT
sleep 1
ASPNETCORE_TEST_CONTENTROOT_APOSART_WEB="$PWD/src/Aposart.Web" BENCH_SMTP_PORT=$port BENCH_SINK_PID=$sink dotnet run -c Release --project bench/Aposart.Bench -- "${1:-10000}"
