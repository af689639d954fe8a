#!/usr/bin/env bash
# Installs telegram-test-api, the independent Telegram Bot API emulator the Bot API tests run against
# (launcher.js starts it), pinned by package-lock.json (npm ci; no package install script runs). Left alone
# when node_modules is already newer than the lock file. The telegram module's Maven build runs this before
# its tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "npm not found: the Telegram Bot API tests need Node.js and npm" >&2; exit 1; }
stamp="node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
echo "installing the Telegram Bot API emulator test peer (npm ci)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
