#!/usr/bin/env bash
# The whole test suite: unit, property and CLI tests (vitest), then the
# editor's end-to-end tests in headless Chromium. Chromium is checked (and
# installed where possible) first, so a missing browser is said in the first
# seconds, not after minutes of unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/setup.sh
node_modules/.bin/vitest run "$@"
(cd packages/editor && node_modules/.bin/vitest run --config vitest.e2e.config.ts)
