# Build with the SDK (and Node for the front-end packages), run on the ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Aposart.Web/Aposart.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# DejaVu draws the PDFs (receipts, certificates) with French accents; pg_dump and pg_restore make and restore the
# backups (Ubuntu 24.04's client is PostgreSQL 16, the server of docker-compose.yml).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core postgresql-client && rm -rf /var/lib/apt/lists/* \
    && mkdir /backups && chown "$APP_UID" /backups
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The image's unprivileged user, not root.
USER $APP_UID
ENTRYPOINT ["dotnet", "Aposart.Web.dll"]
