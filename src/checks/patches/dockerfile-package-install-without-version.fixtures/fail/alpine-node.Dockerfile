FROM node:20.18-alpine3.20
RUN apk add --no-cache --virtual .build-deps python3 make g++=13.2.1_git20240309-r0
RUN npm install -g npm@latest && npm ci
RUN yarn global add @vue/cli
RUN sudo gem install bundler
RUN /bin/sh -c "yum install -y httpd && yum clean all"
USER node
