# briefbot: Telegram and/or Discord, configured by environment variables (see .env.example).
# Two stages: the first compiles the TypeScript with the dev dependencies, the second runs the compiled JavaScript
# (dist/) on the runtime dependencies only.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` would build before the sources are here; the build is the next step.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
# glibc hands freed memory back to the system, so resident memory falls after a large reload (docs/faults-loading.md),
# and blocks of 32 KB and more are mapped on their own, so they go back when freed (docs/speed.md: the idle bot)
ENV MALLOC_ARENA_MAX=1 MALLOC_TRIM_THRESHOLD_=16384 MALLOC_MMAP_THRESHOLD_=32768
WORKDIR /app

COPY package.json package-lock.json ./
# --ignore-scripts: no runtime dependency has an install script, and `prepare` (the build) needs the dev dependencies.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY bin ./bin
COPY knowledge ./knowledge
COPY --from=build /app/dist ./dist

# A writable place for UNANSWERED_LOG (mount a volume on it); the app's own files stay root-owned, read-only to the bot.
RUN mkdir -p /data && chown node:node /data
# The node image's unprivileged user.
USER node

# Health and metrics on 9090 (GET /healthz, GET /metrics); the Telegram webhook, when used, on 8080.
ENV HEALTH_PORT=9090
EXPOSE 9090 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 9090) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# SIGTERM (docker stop) stops the adapters cleanly and exits 0; SIGHUP (docker kill -s HUP) reloads the knowledge.
# --optimize-for-size: V8 favours memory over peak speed, as `npm start` does (a mostly idle bot; docs/speed.md). For
# 1,000 updates a second and more, run the flags of `npm run start:high-traffic` instead:
#   docker run … briefbot node --max-semi-space-size=64 --no-allocation-site-pretenuring --heap-growing-percent=200 dist/main.js
CMD ["node", "--optimize-for-size", "dist/main.js"]
