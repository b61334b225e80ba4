#!/usr/bin/env bash
# Installs (or updates) the portal on a Debian 12 server, as root, from this clone of the repository:
#   APOSART_DOMAIN=portail.ma-cpts.fr ./deploy/install.sh
# What it does, each step skipped when already done (run it again after a `git pull` to update):
#   packages (PostgreSQL, Caddy, DejaVu fonts, the .NET 10 SDK from Microsoft's repository when missing),
#   the aposart user and folders, the database and its role (password generated once), the settings file
#   /etc/aposart/aposart.env (0600, kept if it exists), publish, migrate, the systemd service, the nightly backup
#   timer, and Caddy for HTTPS. Without a public domain, APOSART_DOMAIN=localhost gives HTTPS from Caddy's own authority.
set -euo pipefail
cd "$(dirname "$0")/.."

domain="${APOSART_DOMAIN:-localhost}"
app_dir="${APOSART_APP_DIR:-/opt/aposart/app}"
env_file=/etc/aposart/aposart.env
database="${APOSART_DATABASE:-aposart}"
role="${APOSART_DB_ROLE:-aposart}"
say() { printf '» %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || { echo "Lancez ce script en root (sudo ./deploy/install.sh)." >&2; exit 1; }
grep -q 'bookworm' /etc/os-release || echo "Attention : ce script est écrit pour Debian 12 (bookworm)." >&2

# 1. Packages
missing=()
for package in postgresql postgresql-client caddy fonts-dejavu-core curl ca-certificates; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "paquets Debian : ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  say ".NET 10 (dépôt Microsoft pour Debian 12)"
  curl -fsSL https://packages.microsoft.com/config/debian/12/packages-microsoft-prod.deb -o /tmp/packages-microsoft-prod.deb
  dpkg -i /tmp/packages-microsoft-prod.deb >/dev/null
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dotnet-sdk-10.0 >/dev/null
fi
dotnet_bin=$(command -v dotnet)

# 2. User and folders
id aposart >/dev/null 2>&1 || { say "utilisateur système aposart"; useradd --system --home-dir /var/lib/aposart --shell /usr/sbin/nologin aposart; }
install -d -o aposart -g aposart -m 0750 /var/lib/aposart /var/backups/aposart
install -d -o root -g root -m 0755 "$app_dir" /etc/aposart
install -d -m 0755 /var/log/caddy

# 3. PostgreSQL: the cluster, a role and a database for the portal
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if [ -d /run/systemd/system ]; then
  systemctl enable --now "postgresql@${version}-main" >/dev/null 2>&1 || systemctl enable --now postgresql
else
  pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }

# 4. Settings file, written once: the database password is generated here and never shown
new_env=""
if [ ! -f "$env_file" ]; then
  new_env=1
  say "fichier de réglages $env_file"
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)
  umask 077
  cat > "$env_file" <<ENV
# Réglages du portail (lus par systemd au démarrage). Droits 0600 : ce fichier contient des secrets.
ASPNETCORE_ENVIRONMENT=Production
ConnectionStrings__Default="Host=127.0.0.1;Port=5432;Database=${database};Username=${role};Password=${password}"
Cpts__PublicUrl=https://${domain}
Backup__Directory=/var/backups/aposart
# Serveur d'envoi des courriels (celui de votre hébergeur ou d'un service d'envoi) :
Mail__Transport=Smtp
Mail__SmtpHost=localhost
Mail__SmtpPort=587
Mail__SmtpSecurity=StartTlsWhenAvailable
#Mail__SmtpUser=
#Mail__SmtpPassword=
#Mail__SpfInclude=
ENV
  umask 022
fi
chown root:root "$env_file"
chmod 0600 "$env_file"
connection=$(sed -n 's/^ConnectionStrings__Default="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$env_file")
password=$(printf '%s' "$connection" | sed -n 's/.*Password=\([^;]*\).*/\1/p')
if ! psql_admin "-c \"select 1 from pg_roles where rolname='${role}'\"" | grep -q 1; then
  say "rôle PostgreSQL ${role}"
  psql_admin "-c \"create role ${role} login createdb password '${password}'\""
elif [ -n "$new_env" ]; then
  # The role was there before this settings file: it takes the password just generated.
  psql_admin "-c \"alter role ${role} password '${password}'\""
fi
if ! psql_admin "-c \"select 1 from pg_database where datname='${database}'\"" | grep -q 1; then
  say "base de données ${database}"
  psql_admin "-c \"create database ${database} owner ${role}\""
fi

# 5. Publish and migrate
say "publication dans $app_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/Aposart.Web -c Release -o "$app_dir" --nologo -v quiet
sed "s#@APP_DIR@#${app_dir}#; s#@DOTNET@#${dotnet_bin}#g" deploy/aposart-cli > /usr/local/bin/aposart
chmod 0755 /usr/local/bin/aposart
say "migration de la base"
/usr/local/bin/aposart migrate

# 6. Services: systemd where it runs; otherwise (a container, a test machine) started in the background
sed "s#/usr/bin/dotnet#${dotnet_bin}#; s#/opt/aposart/app#${app_dir}#g" deploy/aposart.service > /etc/systemd/system/aposart.service.new 2>/dev/null \
  || { mkdir -p /etc/systemd/system; sed "s#/usr/bin/dotnet#${dotnet_bin}#; s#/opt/aposart/app#${app_dir}#g" deploy/aposart.service > /etc/systemd/system/aposart.service.new; }
mv /etc/systemd/system/aposart.service.new /etc/systemd/system/aposart.service
sed "s#/usr/bin/dotnet#${dotnet_bin}#; s#/opt/aposart/app#${app_dir}#g" deploy/aposart-backup.service > /etc/systemd/system/aposart-backup.service
cp deploy/aposart-backup.timer /etc/systemd/system/aposart-backup.timer
sed "s#{\$APOSART_DOMAIN}#${domain}#" deploy/Caddyfile > /etc/caddy/Caddyfile
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable aposart.service aposart-backup.timer >/dev/null
  systemctl restart aposart.service
  systemctl start aposart-backup.timer
  systemctl enable caddy >/dev/null
  systemctl reload-or-restart caddy
else
  say "pas de systemd ici : le portail et Caddy sont lancés en arrière-plan (sans relance automatique)"
  pkill -f "${app_dir}/Aposart.Web.dll" 2>/dev/null || true
  (set -a; . "$env_file"; set +a; cd "$app_dir"; nohup setpriv --reuid=aposart --regid=aposart --init-groups env HOME=/var/lib/aposart \
    "$dotnet_bin" "${app_dir}/Aposart.Web.dll" --urls http://127.0.0.1:5080 >> /var/lib/aposart/portal.log 2>&1 &)
  if caddy validate --config /etc/caddy/Caddyfile --adapter caddyfile >/dev/null 2>&1 && pgrep -x caddy >/dev/null; then
    caddy reload --config /etc/caddy/Caddyfile --adapter caddyfile
  else
    caddy start --config /etc/caddy/Caddyfile --adapter caddyfile >/dev/null 2>&1
  fi
fi
for _ in $(seq 1 60); do curl -fsS -o /dev/null http://127.0.0.1:5080/health && break; sleep 1; done
curl -fsS -o /dev/null http://127.0.0.1:5080/health || { echo "Le portail ne répond pas sur 127.0.0.1:5080 (journalctl -u aposart)." >&2; exit 1; }

cat <<MSG

  Le portail répond : https://${domain}
  Premier administrateur (mot de passe demandé) :
    sudo aposart create-admin --email vous@exemple.fr
  Réglages et serveur d'envoi : ${env_file}, puis « systemctl restart aposart ».
  Sauvegarde chaque nuit dans /var/backups/aposart (systemctl list-timers aposart-backup.timer).

MSG
