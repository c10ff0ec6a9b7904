FROM debian:12.7-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends -t bookworm-backports \
      ca-certificates=20230311 \
      curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y ./vendor/tool_1.2.3_amd64.deb
RUN apk add --no-cache curl=8.5.0-r0 "openssl>3.1"
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt "flask==3.0.3" "uvicorn[standard]~=0.30" ./wheels/app-1.0-py3-none-any.whl
RUN npm ci && npm install left-pad@1.3.0 @types/node@20.11.0 ./local-package
RUN gem install rake:13.2.1 && gem install bundler -v 2.5.16
RUN yum install -y httpd-2.4.62 @development-tools && dnf module install -y nodejs:20
RUN pip install "$PACKAGE" && echo "install finished" && make install
USER 1000
