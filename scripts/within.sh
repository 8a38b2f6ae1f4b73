#!/usr/bin/env bash
# Runs a part of the test suite with a time limit:
#
#   bash scripts/within.sh MINUTES "PART" COMMAND [ARG...]
#
# A test stuck where no test timeout reaches (synchronous code, a child
# process that ignores SIGTERM) would otherwise hold the run until CI gives
# up, with a log that just stops. Past the limit the whole process group is
# stopped (SIGTERM, then SIGKILL 30 s later) and the reason is said; the
# exit status is timeout's, 124 (or 137 when it had to kill).
set -uo pipefail
minutes="$1" part="$2"
shift 2
timeout --kill-after=30s "${minutes}m" "$@"
rc=$?
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  echo "test: the $part did not finish within $minutes minutes and were stopped; the last [still running] line above names the file" >&2
fi
exit "$rc"
