#!/usr/bin/env bash
# Runs the portal at http://localhost:5080 in Development: PostgreSQL (installed and started if missing),
# migrations, territory and demo data, front-end packages. Mails land in .data/mail, readable at /dev/courriels.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bootstrap.sh

ensure_dotnet
ensure_node
ensure_fonts
ensure_postgres

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
url="${APOSART_URL:-http://localhost:5080}"
password=$(sed -n 's/.*"Password": *"\([^"]*\)".*/\1/p' src/Aposart.Web/appsettings.Development.json | head -n 1)
sas_key=$(sed -n 's/.*"SasKey": *"\([^"]*\)".*/\1/p' src/Aposart.Web/appsettings.Development.json | head -n 1)

cat <<MSG

  Portail : $url
  Comptes de démonstration (mot de passe : $password)
    admin@demo.aposart.fr         Admin
    coordination@demo.aposart.fr  Coordinateur
    bureau@demo.aposart.fr        Bureau (adhérent)
    bureau2@demo.aposart.fr       Bureau (adhérent)
    membre@demo.aposart.fr        Adhérent
  Courriels envoyés : $url/dev/courriels
  Clé SAS de démonstration : $sas_key  (en-tête X-Api-Key sur $url/fhir/Slot)

MSG
exec dotnet run --project src/Aposart.Web --no-launch-profile --urls "$url"
