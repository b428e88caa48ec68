#!/usr/bin/env bash
# Finds a Chromium for the browser tests: $CHROME_PATH, else /usr/bin/chromium. On Debian/Ubuntu
# as root a missing one is installed from Debian's packages; elsewhere we stop with the command.
set -euo pipefail
path="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then echo "$path"; exit 0; fi
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "[chromium] installing Debian's chromium (apt-get install -y chromium)" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  echo /usr/bin/chromium
  exit 0
fi
echo "[chromium] no Chromium at $path. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH." >&2
exit 1
