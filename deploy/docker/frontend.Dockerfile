# docker build -f deploy/docker/frontend.Dockerfile -t ghcr.io/invigil/frontend:0.1.0 .
FROM node:20.20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx build frontend

# Unprivileged nginx (uid 101, port 8080); the manifests mount emptyDirs for its temp folders.
FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime
COPY deploy/docker/frontend-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist/frontend/browser/ /usr/share/nginx/html/
USER 101
CMD ["nginx", "-g", "daemon off;"]
