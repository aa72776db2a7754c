#!/usr/bin/env bash
# bench/reader.sh: req/s and p99 latency of the reader pages under wrk, on a Release
# build serving the demo site from 127.0.0.1 with the page cache off: every request
# renders (bench/compare.sh measures the cache).
#   bench/reader.sh [seconds]      (default 10; wrk -t2 -c64)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || scripts/deps
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
cmake --build build-release -j2 >/dev/null
khabar=build-release/khabar

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$khabar" init --data "$work/site" >/dev/null
"$khabar" demo --data "$work/site" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$khabar" serve --data "$work/site" --listen "127.0.0.1:$port" --threads 2 --cache-mb 0 \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

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
