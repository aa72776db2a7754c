#!/usr/bin/env bash
# bench/reader.sh: req/s and p99 latency of the reader pages under wrk, on a Release
# build serving the demo site from 127.0.0.1 with the page cache off: every request
# renders (bench/compare.sh measures the cache).
#   bench/reader.sh [seconds]      (default 10; wrk -t2 -c64)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
source bench/common.sh
demo_site
serve_demo --threads 2 --cache-mb 0

echo "Khabar $(git rev-parse --short HEAD 2>/dev/null) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo "wrk -t2 -c64 -d${seconds}s, Accept-Encoding: gzip, no page cache (render on every request)"
printf '%-62s %10s %10s %10s\n' page req/s p50 p99
for path in / /category/world/ /kabul-opens-three-new-public-libraries-before-winter/; do
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  printf '%-62s %10s %10s %10s\n' "$path" "$rps" "$p50" "$p99"
  [ -z "$errors" ] || echo "  $errors"
done
