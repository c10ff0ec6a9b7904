FROM golang:1.23-bookworm
ENV GOPRIVATE=git.internal.example/* GONOSUMDB=git.internal.example/* GOSUMDB=sum.golang.org
ARG GOINSECURE
RUN go mod download && go build ./...
