#!/usr/bin/env bash
# The whole test suite: unit, property and CLI tests (vitest), then the
# editor's end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node_modules/.bin/vitest run "$@"
if [ ! -x "${QUALIFY_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "The editor's browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium)." >&2
  exit 1
fi
(cd packages/editor && node_modules/.bin/vitest run --config vitest.e2e.config.ts)
