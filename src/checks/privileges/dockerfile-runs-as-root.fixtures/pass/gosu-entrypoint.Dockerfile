FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 app
COPY server /usr/local/bin/server
# no USER: the entrypoint hands the process to "app"
ENTRYPOINT ["gosu", "app", "/usr/local/bin/server", "--port", "8080"]
