FROM node:20-alpine
WORKDIR /app
USER node
COPY package.json .
USER root
RUN apk add --no-cache curl
CMD ["node", "server.js"]
