#!/usr/bin/env bash
# Installs the real libtdjson the TDLib tests load: the npm package @prebuilt-tdlib/linux-x64-glibc
# (TDLib 1.8.67, OpenSSL and zlib linked in, 0BSD), pinned by package-lock.json (npm ci; no package
# install script runs). Left alone when node_modules is already newer than the lock file. The
# telegram module's Maven build runs this before its tests. The package exists for Linux x64 (glibc)
# only: elsewhere nothing is installed and the native tests say why they did not run.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(uname -s)" != "Linux" ] || [ "$(uname -m)" != "x86_64" ]; then
  echo "libtdjson test peer: $(uname -s) $(uname -m) is not Linux x64; the native TDLib tests will not run"
  exit 0
fi
command -v npm >/dev/null || { echo "npm not found: the TDLib tests need Node.js and npm to install libtdjson" >&2; exit 1; }
stamp="node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
echo "installing the real libtdjson test peer (npm ci, ~60 MB)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
