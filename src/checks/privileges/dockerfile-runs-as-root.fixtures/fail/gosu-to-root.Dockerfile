FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
COPY server /usr/local/bin/server
# gosu to root drops nothing
ENTRYPOINT ["gosu", "root", "/usr/local/bin/server"]
