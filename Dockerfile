# syntax=docker/dockerfile:1
#
# One image for the five services and the scripts (migrate, seed, demo-mail).
#
#   docker build -t casework .
#   docker run --rm -e SERVICE=ingest -e ... casework             # SERVICE picks dist/apps/<SERVICE>/src/main.js
#   docker run --rm casework node dist/scripts/migrate.js         # any command overrides the default
#
# docker-compose.yml runs the whole stack from this image.

ARG NODE_VERSION=20

# ---- build: all dependencies, compile TypeScript, then drop the dev dependencies ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
# re2 (the rules' linear-time regex engine) is a native addon: its install fetches a prebuilt
# binary and builds from source where none can be fetched, which needs a compiler here.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled code and production dependencies only ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web inbox the api serves at / (built by npm run build).
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
# api | ingest | routing | template-reply | notification
ARG SERVICE=api
ENV SERVICE=${SERVICE}
# The api's port; the workers serve /health and /metrics on HTTP_PORT.
EXPOSE 3000
# exec: node replaces the shell and receives SIGTERM itself (the services drain on it).
CMD ["sh", "-c", "exec node --enable-source-maps \"dist/apps/${SERVICE}/src/main.js\""]
