#!/usr/bin/env bash
# Makes sure `kubectl` (for `kubectl kustomize`) is on the PATH for the manifest validation
# (tools/k8s/validate.ts). On Debian/Ubuntu as root a missing one is installed from Debian's
# kubernetes-client package (kubectl 1.20, Kustomize v2.0.3 — the oldest renderer the manifests
# support); elsewhere we stop with the command to run. $KUBECTL names another binary.
set -euo pipefail
kubectl_bin="${KUBECTL:-kubectl}"
if command -v "$kubectl_bin" >/dev/null; then exit 0; fi
if [ "$kubectl_bin" = kubectl ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "[kubectl] installing Debian's kubernetes-client (apt-get install -y kubernetes-client)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >&2
  exit 0
fi
echo "[kubectl] no $kubectl_bin on the PATH. Install one (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y kubernetes-client) or set KUBECTL." >&2
exit 1
