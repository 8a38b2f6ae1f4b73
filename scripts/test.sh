#!/usr/bin/env bash
# The whole test suite: unit, property and CLI tests (vitest), then the
# editor's end-to-end tests in headless Chromium. Chromium is checked (and
# installed where possible) first, so a missing browser is said in the first
# seconds, not after minutes of unit tests. A throw-away PostgreSQL server is
# started for the SQL back end's tests (scripts/ensure-postgres.sh) and
# stopped at the end; when it cannot start the run fails, unless
# QUALIFY_SKIP_PG=1 says to skip those tests (they print that they skip).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/setup.sh
pg_dir="${TMPDIR:-/tmp}/qualify-pg-$$"
if url="$(bash scripts/ensure-postgres.sh start "$pg_dir")"; then
  export QUALIFY_PG_URL="$url"
  trap 'bash scripts/ensure-postgres.sh stop "$pg_dir"' EXIT
elif [ "${QUALIFY_SKIP_PG:-}" = 1 ]; then
  echo "test: PostgreSQL could not start; its tests are skipped (QUALIFY_SKIP_PG=1)" >&2
else
  echo "test: PostgreSQL could not start (see above); set QUALIFY_SKIP_PG=1 to run without its tests" >&2
  exit 1
fi
# Each part has a time limit far above its usual length (about 8 and 1
# minutes on 2 cores): see scripts/within.sh. A unit run that hangs (a bug,
# named by its "[still running]" lines) is run once more, so one stuck test
# does not cost a whole CI run; a test that fails is never run again.
rc=0
bash scripts/within.sh 30 "unit tests" node_modules/.bin/vitest run "$@" || rc=$?
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  echo "test: the unit tests hung (see the [still running] lines above); running them once more" >&2
  rc=0
  bash scripts/within.sh 30 "unit tests (second run)" node_modules/.bin/vitest run "$@" || rc=$?
fi
[ "$rc" = 0 ] || exit "$rc"
(cd packages/editor && bash ../../scripts/within.sh 20 "editor's browser tests" node_modules/.bin/vitest run --config vitest.e2e.config.ts)
