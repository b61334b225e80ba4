# Shared by run.sh and test.sh: make sure what the portal needs is on this machine, installing from
# Debian's packages when it is missing. Works as root on a fresh Debian 12; uses sudo otherwise.
# shellcheck shell=bash

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    echo "» apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  echo "» apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net): dotnet is not on PATH." >&2; exit 1; }
}

# The PDFs (receipts, certificates, reports) are drawn with DejaVu, which covers French accents.
ensure_fonts() {
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_install fonts-dejavu-core
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# Starts Debian's PostgreSQL cluster and creates the aposart role, unless ConnectionStrings__Default names another server.
ensure_postgres() {
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "» PostgreSQL: using ConnectionStrings__Default"
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! as_root pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    echo "» starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  if ! as_root su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='aposart'\"" | grep -q 1; then
    echo "» creating PostgreSQL role aposart"
    as_root su postgres -c "psql -q -c \"create role aposart login password 'aposart' createdb\""
  fi
}

ensure_smtp_sink() {
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
  # dkimpy verifies the portal's DKIM signatures in the tests: an implementation other than the one that signs.
  /usr/bin/python3 -c 'import dkim' 2>/dev/null || apt_install python3-dkim
  # Dovecot is the IMAP server of the bounce-mailbox tests (started by the tests on a port of their own).
  [ -x /usr/sbin/dovecot ] || apt_install dovecot-imapd
}

# Debian's docker-compose checks the compose files in the tests (no Docker engine is needed to parse them).
ensure_compose() {
  command -v docker-compose >/dev/null || apt_install docker-compose
}

# The browser journeys drive Debian's Chromium through Playwright; no browser is ever downloaded.
ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}
