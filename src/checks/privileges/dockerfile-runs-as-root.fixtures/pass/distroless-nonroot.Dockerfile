FROM node:20 AS build
WORKDIR /src
COPY . .
RUN npm ci && npm run build

FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /src/dist /app
CMD ["/app/server.js"]
