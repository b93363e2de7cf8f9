#!/usr/bin/env bash
# Benchmarks: many sockets need many file descriptors; everything else is in bench/main.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# Always rebuilt (well under a second): a stale build would measure yesterday's server.
npm run build -w apps/server >/dev/null
exec npx tsx bench/main.ts "$@"
