#!/usr/bin/env bash
# Makes sure the editor's browser tests have Debian's Chromium, before any
# test runs: installs it with apt-get when this user can, otherwise says at
# once what to do (the browser tests come last, minutes after the start).
# Never downloads a browser of its own.
set -euo pipefail
browser="${QUALIFY_CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$browser" = /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "setup: installing Debian's chromium for the editor's browser tests (apt-get install chromium)..." >&2
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    [ -x "$browser" ] && exit 0
  fi
fi
echo "The editor's browser tests need Chromium at $browser and it is not there." >&2
echo "Install Debian's package (as root: apt-get install -y chromium) or set QUALIFY_CHROMIUM to a Chromium binary, then run npm test again." >&2
exit 1
