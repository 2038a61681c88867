# smartag-emulator: local emulator of the Alibaba Cloud Smart Access Gateway RPC API.
#
#   docker build -t smartag-emulator .
#   docker run --rm -p 8080:8080 smartag-emulator
#   curl http://127.0.0.1:8080/_emulator/health

# ---------------------------------------------------------------------------
# Build stage: compile TypeScript and the better-sqlite3 native addon.
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build

# Toolchain for node-gyp (better-sqlite3 is compiled from source).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Never download prebuilt binaries or node headers: compile against the headers that
# ship with the image (/usr/local/include/node).
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    JOBS=max \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Dependencies first, so source edits do not invalidate this layer.
# Install scripts are skipped, then only better-sqlite3's build runs explicitly
# (the same effect as package.json's "allowScripts" under npm 11).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3 \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

COPY tsconfig.json ./
COPY fixtures ./fixtures
COPY src ./src
# The build also generates the validators (scripts/gen-validators.ts).
COPY scripts/gen-validators.ts ./scripts/
RUN npm run build

# Production dependencies only; drop the addon's compiler intermediates and sources.
RUN npm prune --omit=dev --ignore-scripts \
 && cd node_modules/better-sqlite3 \
 && rm -rf build/Release/obj build/Release/obj.target build/Release/.deps \
           build/Release/sqlite3.a build/Release/test_extension.node build/deps deps src \
 && cd /app \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()" \
 && test -f dist/src/cli.js

# ---------------------------------------------------------------------------
# Runtime stage: production node_modules, compiled JS and fixtures only.
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim

LABEL org.opencontainers.image.title="smartag-emulator" \
      org.opencontainers.image.description="Local emulator of the Alibaba Cloud Smart Access Gateway (Smartag 2018-03-13) RPC API" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="0.1.0"

ENV NODE_ENV=production \
    SMARTAG_HOST=0.0.0.0 \
    SMARTAG_PORT=8080

WORKDIR /app

# Application files stay root-owned (read-only for the app); /data is the one
# writable place, for an optional on-disk database (SMARTAG_DB=/data/smartag.db).
RUN mkdir -p /data && chown node:node /data

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/fixtures ./fixtures
COPY --from=build /app/dist/src ./dist/src

USER node

EXPOSE 8080

# No curl in the slim image: node's built-in fetch does the probe.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.SMARTAG_PORT||8080)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM directly.
CMD ["node", "dist/src/cli.js"]
