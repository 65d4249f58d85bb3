# OrleansPortal as a container. The app is published self-contained first, so a plain Debian image runs it
# (plus DejaVu Sans, the font of the PDF job reports):
#   dotnet publish src/Web -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o artifacts/web
#   docker compose up --build
# (ReadyToRun: precompiled, so a node that restarts serves and sends at once instead of compiling for its first seconds.)
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app orleansportal
WORKDIR /app
COPY artifacts/web/ ./
RUN mkdir -p /app/data && chown orleansportal /app/data
USER orleansportal
# "Urls" (not ASPNETCORE_URLS) because appsettings.json sets Urls and plain environment variables override it.
ENV Urls=http://0.0.0.0:5080
EXPOSE 5080
ENTRYPOINT ["./OrleansPortal.Web"]
