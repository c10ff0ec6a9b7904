FROM debian:12.7-slim AS build
# the build stage pins nothing either
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates=20230311 \
      curl \
      git \
 && rm -rf /var/lib/apt/lists/*
RUN ["apt-get", "install", "-y", "make"]

FROM python:3.12.7-slim
RUN pip install --no-cache-dir flask gunicorn==23.0.0
RUN python3 -m pip install -U pip setuptools
COPY requirements.txt .
RUN pip install -r requirements.txt
USER 1000
