# syntax=docker/dockerfile:1
# Better Ads: one image with the API, the fal emulator and the built React client.
# The server runs from TypeScript through tsx (a root devDependency), so the full
# node_modules tree (dev dependencies included) is kept in the runtime image.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Manifests first so the dependency layer is cached until they change. The root
# postinstall (scripts/prisma-generate.mjs) runs `prisma generate`, which needs
# prisma/ (schema), prisma.config.ts and scripts/ to be present before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY server/package.json server/
COPY client/package.json client/
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci

# Sources (node_modules, .data, client/dist and the generated Prisma client are
# excluded by .dockerignore), then the client bundle into client/dist.
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000
WORKDIR /app
# Application files stay owned by root (read-only for the app); only the data
# directory (DATA_DIR, default .data) is writable by the unprivileged user.
COPY --from=build /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "server/src/main.ts"]
