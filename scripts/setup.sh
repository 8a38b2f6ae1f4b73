#!/usr/bin/env bash
# Installs the workspace from nothing (a machine with Node 20 and npm only)
# and builds it. Safe to run again: it only installs when the lockfile changed.
# It says what it does on stderr, so a first run that takes a minute is never
# silent, while callers may still keep stdout clean.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*" >&2; }
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION with npm"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || say "could not install pnpm globally; using npx pnpm@$PNPM_VERSION"
fi
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then PNPM=(pnpm); else PNPM=(npx -y "pnpm@$PNPM_VERSION"); fi
stamp=node_modules/.qualify-install-stamp
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  say "installing the workspace's packages from pnpm-lock.yaml (the first run takes a minute or two)"
  "${PNPM[@]}" install --frozen-lockfile --reporter=append-only >&2
  touch "$stamp"
  installed=yes
fi
say "building the TypeScript (tsc -b; only what changed)"
node node_modules/typescript/bin/tsc -b
if [ "${installed:-no}" = yes ]; then say "ready: the workspace is installed and built"; fi
