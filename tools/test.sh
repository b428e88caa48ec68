#!/usr/bin/env bash
# npm test: lint, type checks, unit tests, integration tests (real PostgreSQL, Redis, NATS) and the
# browser tests (real Chromium against the real stack). Servers are started when they are down.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
bash tools/ensure-servers.sh test
CHROME_PATH="$(bash tools/ensure-chromium.sh)"; export CHROME_PATH

step() { printf '\n==== %s\n' "$*"; }
step "formatting (Prettier), lint, typecheck and unit tests"
npx prettier --check . --log-level warn
npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=static
step "Kubernetes manifests (render every overlay, validate against the schemas and the checklist)"
bash tools/ensure-kubectl.sh
node tools/run-ts.js tools/k8s/validate.ts
step "build the frontend (the browser tests use the built app)"
npx nx build frontend --outputStyle=static
step "integration tests"
timeout 900 npx jest -c jest.integration.config.js --ci
step "browser tests"
timeout 900 npx jest -c frontend/e2e/jest.config.js --ci
