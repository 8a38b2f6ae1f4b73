#!/usr/bin/env bash
# The long hostile-input fuzz: the same properties as the default test suite
# (test/hostile), with many more inputs and a fresh seed each time.
#
#   QUALIFY_FUZZ_RUNS          inputs per property (default 2000; the suite's default is 80-300)
#   QUALIFY_FUZZ_SEED          fast-check seed (default: a random one, printed so a failure can be replayed)
#   QUALIFY_FUZZ_HANG_SECONDS  how long one input may take before it counts as a hang (default 30)
#
# Replay a failure with the seed it prints:
#   QUALIFY_FUZZ_SEED=123 QUALIFY_FUZZ_RUNS=2000 bash scripts/fuzz-long.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export QUALIFY_FUZZ_RUNS="${QUALIFY_FUZZ_RUNS:-2000}"
export QUALIFY_FUZZ_SEED="${QUALIFY_FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
export QUALIFY_FUZZ_HANG_SECONDS="${QUALIFY_FUZZ_HANG_SECONDS:-30}"

echo "fuzz-long: seed ${QUALIFY_FUZZ_SEED}, ${QUALIFY_FUZZ_RUNS} runs per property, hang after ${QUALIFY_FUZZ_HANG_SECONDS} s per input"
start=$(date +%s)
status=0
# The fuzz targets run on the built packages (dist/); the test setup builds them first.
npx vitest run test/hostile/front-end.fuzz.test.ts test/hostile/leads.fuzz.test.ts test/hostile/batch.property.test.ts test/hostile/regex-safety.test.ts || status=$?
echo "fuzz-long: seed ${QUALIFY_FUZZ_SEED}, ${QUALIFY_FUZZ_RUNS} runs per property, $(( $(date +%s) - start )) s, exit ${status}"
if [ "$status" -ne 0 ]; then
  echo "fuzz-long: replay with QUALIFY_FUZZ_SEED=${QUALIFY_FUZZ_SEED} QUALIFY_FUZZ_RUNS=${QUALIFY_FUZZ_RUNS} bash scripts/fuzz-long.sh"
fi
exit "$status"
