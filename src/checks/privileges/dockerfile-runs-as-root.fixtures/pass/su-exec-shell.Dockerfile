FROM alpine:3.20
RUN apk add --no-cache su-exec && adduser -D -u 10001 worker
COPY worker.sh /usr/local/bin/worker.sh
ENTRYPOINT su-exec worker:worker /usr/local/bin/worker.sh
