FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends sudo curl \
    && useradd -m app && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app
USER app
RUN sudo apt-get install -y --no-install-recommends jq
RUN mkdir -p /home/app/bin && sudo chown app /opt
CMD ["bash"]
