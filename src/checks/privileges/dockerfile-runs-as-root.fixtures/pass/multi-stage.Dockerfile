FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM debian:12-slim
RUN useradd --uid 10001 --no-create-home app
COPY --from=build /out/app /usr/local/bin/app
USER app:app
ENTRYPOINT ["/usr/local/bin/app"]
