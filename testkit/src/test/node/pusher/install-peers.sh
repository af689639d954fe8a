#!/usr/bin/env bash
# Installs the official Pusher client (pusher-js) and server library (pusher) that the testkit's PusherServer tests
# drive, pinned by package-lock.json (npm ci; no package install script runs). Left alone when node_modules is
# already newer than the lock file. The testkit's Maven build runs this before its tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "npm not found: the testkit's Pusher tests need Node.js and npm" >&2; exit 1; }
stamp="node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
echo "installing the Pusher test peers (npm ci)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
