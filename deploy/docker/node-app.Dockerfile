# One image per Node deployable: docker build -f deploy/docker/node-app.Dockerfile --build-arg APP=sessions -t ghcr.io/invigil/sessions:0.1.0 .
# APP is one of: sessions, enrollment, monitoring, messaging, scoring, gateway.

FROM node:20.20-slim AS build
ARG APP
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles the app and the libs it reaches; writes dist/apps/$APP with its own package.json and lock.
RUN node tools/run-ts.js tools/build/build-app.ts "$APP"

FROM node:20.20-slim AS runtime
ARG APP
ENV NODE_ENV=production
WORKDIR /app
# Only the production dependencies this app requires, exactly as locked.
COPY --from=build /src/dist/apps/${APP}/package.json /src/dist/apps/${APP}/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force && rm -rf /root/.npm
COPY --from=build /src/dist/apps/${APP}/ ./
# The node user (uid 1000) of the base image; the manifests run with runAsUser 1000 and a read-only root.
USER 1000:1000
# Exec form: node is PID 1 and receives SIGTERM directly for the graceful shutdown.
# `node main.js migrate` is the migration Job's command.
CMD ["node", "main.js"]
