# Wegwijs container image: `docker build -t wegwijs .` (or `az acr build`, see README
# "Going to production"). Multi-stage: the build stage installs every dependency and compiles the
# TypeScript to dist/ (tsc, source maps); the runtime image has only the production node_modules,
# the compiled JavaScript and the data folders, and runs as the non-root user `node`.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts are skipped here: `prepare` builds, and the sources are not copied yet.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY app ./app
COPY adapters ./adapters
# The build also fills dist/cache/ from the data folders (validated cards, checked catalogues),
# so a start in the image reads them without parsing (src/core/data-cache.ts).
COPY prompts ./prompts
COPY knowledge ./knowledge
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Production dependencies only, exactly as locked (libsql brings its linux binary; no production
# dependency has an install script, and `prepare` builds, which happened above).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="wegwijs" \
      org.opencontainers.image.description="Wegwijs: a chat-bot for Dutch learning networks around complex care" \
      org.opencontainers.image.licenses="EUPL-1.2"
# MALLOC_ARENA_MAX=2: glibc gives each thread (V8's helpers, libuv's pool) a malloc arena of its
# own; two are plenty for one event loop. Idle RSS 126-129 -> 118-122 MB with Slack configured, no
# measurable CPU per answer (README, Performance).
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    WEGWIJS_DATA_DIR=/app/data \
    MALLOC_ARENA_MAX=2
WORKDIR /app
# Code stays owned by root (read-only for the app); only the data folder is writable by `node`.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY prompts ./prompts
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# The slim image has no curl: Node's own fetch asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/wegwijs.js", "serve"]
