FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl jq \
    && rm -rf /var/lib/apt/lists/* && useradd -m app
RUN echo "pseudo-sudo is not sudo" > /etc/motd
USER app
CMD ["bash"]
