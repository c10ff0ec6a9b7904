FROM golang:1.23-bookworm
ENV GOINSECURE=git.internal.example/*
ARG GOSUMDB=off
RUN GOFLAGS=-mod=mod GOINSECURE="*.corp.example" go mod download
COPY . /src
RUN cd /src && go build -o /out/app ./cmd/app
