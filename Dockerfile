# syntax=docker/dockerfile:1
# Better Ads: one image with the API, the fal emulator and the built React client, on Node 24 LTS.
# The server is built to JavaScript (`npm run build:server` → server/dist) and runs on plain node, with
# production dependencies only (no tsx, TypeScript, Vite or test tools in the runtime image).

FROM node:24-bookworm-slim AS manifests
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# Manifests first so the dependency layers are cached until they change. The root postinstall
# (scripts/prisma-generate.mjs) runs `prisma generate`, which needs prisma/ (schema), prisma.config.ts
# and scripts/ to be present before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY server/package.json server/
COPY client/package.json client/
COPY prisma ./prisma
COPY scripts ./scripts

FROM manifests AS build
RUN npm ci
# Sources (node_modules, .data, dist folders and the generated Prisma client are excluded by
# .dockerignore), then the client bundle into client/dist and the server into server/dist.
COPY . .
RUN npm run build && npm run build:server

FROM manifests AS production-dependencies
# prisma and the Pothos generator are server dependencies, so the postinstall still generates the client.
RUN npm ci --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000
WORKDIR /app
# Application files stay owned by root (read-only for the app); only the data directory (DATA_DIR,
# default .data) is writable by the unprivileged user. prisma/migrations is applied at start-up.
COPY --from=production-dependencies /app /app
COPY --from=build /app/server/dist /app/server/dist
COPY --from=build /app/client/dist /app/client/dist
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
