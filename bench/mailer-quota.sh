#!/usr/bin/env bash
# Exactly-once under a provider's quota (a measurement, not a test): the portal on the demo data, its outbox limited to
# BENCH_RATE messages a second (default 2) with a BENCH_LEASE lease (default 00:00:10) — the proportion of a 200-an-hour
# quota with the default 2-minute lease and batches of 100 — sends a flashmail to every directory professional through a
# real SMTP server. Prints the messages the server received, the distinct recipients, and the campaign's own figures.
# Usage: bench/mailer-quota.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh
ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres
ensure_smtp_sink

database="aposart_quota_$$"
mails=$(mktemp -d)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
smtp_port=$(free_port)
web_port=$(free_port)
psql_admin() { as_root su postgres -c "psql -qtA -d postgres -c \"$1\""; }
psql_bench() { PGPASSWORD=aposart psql -qtA -h 127.0.0.1 -U aposart -d "$database" -c "$1"; }

/usr/bin/python3 scripts/smtp-sink.py --port "$smtp_port" --dir "$mails" >/dev/null 2>&1 &
sink=$!
web=""
cleanup() {
  [ -n "$web" ] && kill "$web" 2>/dev/null
  kill "$sink" 2>/dev/null
  wait 2>/dev/null || true
  psql_admin "drop database if exists $database with (force)" || true
  rm -rf "$mails"
}
trap cleanup EXIT

echo "» building"
dotnet build src/Aposart.Web -c Release --nologo -v quiet >/dev/null
echo "» portal on the demo data, outbox at ${BENCH_RATE:-2}/s with a ${BENCH_LEASE:-00:00:10} lease"
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Database=$database;Username=aposart;Password=aposart" \
Mail__Transport=Smtp Mail__SmtpHost=127.0.0.1 Mail__SmtpPort=$smtp_port Mail__SmtpSecurity=None \
Outbox__MaxPerSecond="${BENCH_RATE:-2}" Outbox__Lease="${BENCH_LEASE:-00:00:10}" Outbox__Poll=00:00:01 \
BackgroundJobs__Enabled=false Serilog__MinimumLevel__Default=Warning \
  dotnet src/Aposart.Web/bin/Release/net10.0/Aposart.Web.dll --urls "http://127.0.0.1:$web_port" --contentRoot "$PWD/src/Aposart.Web" >/dev/null 2>&1 &
web=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$web_port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$web_port/health" >/dev/null || { echo "the portal did not start" >&2; exit 1; }
# The demo's own notices and letters go first: wait for the outbox to be idle before the measured campaign.
for _ in $(seq 1 600); do
  [ "$(psql_bench "select count(*) from outbox_messages where status = 0")" = "0" ] && break
  sleep 1
done
rm -f "$mails"/*.eml

campaign=$(psql_bench "insert into campaigns (id, kind, subject, body, audience, audience_professions, audience_communes, audience_colleges, status,
  scheduled_at, author_name, created_at, updated_at)
  values (gen_random_uuid(), 1, 'Mesure sous quota', 'Un message par destinataire.', 1, '{}', '{}', '{}', 3, now(), 'Mesure', now(), now()) returning id" | head -n 1)
echo "» campaign $campaign scheduled; sending"
started=$(date +%s)
status=""
for _ in $(seq 1 3600); do
  status=$(psql_bench "select status from campaigns where id = '$campaign'")
  [ "$status" = "5" ] && break
  sleep 2
done
elapsed=$(( $(date +%s) - started ))
rows=$(psql_bench "select count(*) from outbox_messages where campaign_id = '$campaign'")
sent=$(psql_bench "select count(*) from outbox_messages where campaign_id = '$campaign' and status = 1")
measured=$(grep -l "^Subject: Mesure sous quota" "$mails"/*.eml 2>/dev/null || true)
received=$(printf '%s' "$measured" | grep -c . || true)
distinct=$(printf '%s\n' "$measured" | grep . | xargs -r grep -h "^X-Envelope-To:" | sort -u | grep -c . || true)
echo "campaign status $status after ${elapsed} s"
echo "recipients (outbox rows) $rows, marked sent $sent"
echo "messages received by the SMTP server $received, distinct recipients $distinct"
[ "$received" = "$rows" ] && [ "$distinct" = "$rows" ] && echo "exactly once: yes" || { echo "exactly once: NO"; exit 1; }
