#!/usr/bin/env bash
# Installs the workspace from nothing (a machine with Node 20 and npm only)
# and builds it. Safe to run again: it only installs when the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || true
fi
if command -v pnpm >/dev/null 2>&1; then PNPM=(pnpm); else PNPM=(npx -y "pnpm@$PNPM_VERSION"); fi
stamp=node_modules/.qualify-install-stamp
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  "${PNPM[@]}" install --frozen-lockfile --reporter=append-only
  touch "$stamp"
fi
node node_modules/typescript/bin/tsc -b
