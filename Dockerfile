# syntax=docker/dockerfile:1
# The portal image: one image for the portals, the worker (node dist/worker.js) and migrations
# (npm run db:migrate). Node 24 slim, no dev dependencies, no secrets: configuration comes from the environment
# at run time (docs/operations.md).

# Build: the full install, `next build` and the bundled entry points in dist/.
FROM node:24-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && rm -rf .next/cache

# Production dependencies only (prisma's postinstall generates its client into lib/generated).
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/public ./public
COPY --chown=root:root package.json package-lock.json prisma.config.ts ./
COPY --chown=root:root prisma ./prisma
# The code is root's and read-only to the process; the process runs as the unprivileged node user.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm, receives SIGTERM and drains (server.ts).
CMD ["node", "dist/server.js"]
