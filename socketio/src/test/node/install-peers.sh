#!/usr/bin/env bash
# Installs the Node.js Socket.IO test peers: one folder per server generation, each pinned by its
# package-lock.json (npm ci; no package install script runs). A folder whose node_modules is already
# newer than its lock file is left alone. The socketio module's Maven build runs this before its tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "npm not found: the Socket.IO tests need Node.js and npm" >&2; exit 1; }
for peer in v09 v1 v2 v3 v4; do
  stamp="$peer/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$peer/package-lock.json" ]; then
    continue
  fi
  echo "installing the socket.io $peer test peer (npm ci)"
  (cd "$peer" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
done
