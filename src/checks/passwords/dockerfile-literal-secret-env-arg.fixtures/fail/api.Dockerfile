ARG REGISTRY_TOKEN=glpat-Qx7vK2mN9pL4rT8w
FROM node:20.17-alpine AS build
ARG NPM_TOKEN=npm_Zt5Kq8Vw2Lm9Xr4Bn7Cj3Hd6Fs1Gp0Ya
WORKDIR /src
COPY package*.json ./
RUN npm ci

FROM node:20.17-alpine
ENV NODE_ENV=production \
    DB_PASSWORD=changeme \
    DB_HOST=db
ENV JWT_SECRET="c0rr3ct-h0rse-b4ttery-st4ple-92!"
USER node
CMD ["node", "server.js"]
