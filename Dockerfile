# briefbot: Telegram and/or Discord, configured by environment variables (see .env.example).
# tsx is a runtime dependency, so the TypeScript runs as is: no build step.
FROM node:20-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY knowledge ./knowledge
COPY tsconfig.json ./

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
CMD ["node", "--max-semi-space-size=64", "--no-allocation-site-pretenuring", "--heap-growing-percent=200", "--import", "tsx", "src/main.ts"]
