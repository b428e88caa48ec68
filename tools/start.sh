#!/usr/bin/env bash
# npm start: servers up, frontend built, then every service, the gateway and demo data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_NO_CLOUD=true NX_DAEMON=false
bash tools/ensure-servers.sh invigil
echo "[start] building the frontend"
npx nx build frontend --skip-nx-cache=false >/dev/null
exec node tools/run-ts.js tools/start-stack.ts
