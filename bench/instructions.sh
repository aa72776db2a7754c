#!/usr/bin/env bash
# bench/instructions.sh: the instructions the server executes per request, for the cached
# article page and the render path, of this checkout against an earlier commit's binary.
# Instruction counts (valgrind's callgrind) do not move with what else the machine is
# doing, unlike req/s on a shared 2-core machine, so a few percent can be shown.
#
#   bench/instructions.sh BASELINE_REV [requests]        (default: 2000)
#
# Builds BASELINE_REV (kept in build-baseline/, as bench/before_after.sh does) and this tree
# in Release, generates a 10,000-article site (bench_gen of this tree), and for each binary
# with the page cache on and off: starts `khabar serve --threads 1` under callgrind, warms
# the page up, zeroes the counters, sends `requests` keep-alive GETs of /report-10/ (gzip)
# from one client, dumps the counters and divides. Prints each count and the ratios
# new/old. Everything runs on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/instructions.sh BASELINE_REV [requests]}
requests=${2:-2000}
command -v valgrind >/dev/null || scripts/deps
work=$(mktemp -d /tmp/khabar-instructions-XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source bench/baseline.sh
build_old_and_new "$base"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
get() {  # PORT COUNT: COUNT keep-alive GETs of the article (gzip); fails on anything but 200
  python3 - "$1" "$2" <<'PY'
import http.client, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
for _ in range(count):
    c.request("GET", "/report-10/", headers={"Accept-Encoding": "gzip"})
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit(f"status {r.status}")
PY
}
measure() {  # BINARY CACHE_MB -> instructions per request
  local port out
  port=$(free_port)
  out="$work/cg.$port"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$1" serve --data "$work/site" \
    --listen "127.0.0.1:$port" --threads 1 --cache-mb "$2" >"$work/serve-$port.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  get "$port" 50
  callgrind_control -z "$pid" >/dev/null 2>&1
  get "$port" "$requests"
  callgrind_control -d "$pid" >/dev/null 2>&1
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  # The dump made after the requests: the one whose name ends in .1 (the exit dump is the last).
  awk '/^(summary|totals):/ {print $2; exit}' "$out.1" | awk -v n="$requests" '{printf "%.0f", $1 / n}'
}

echo "# bench/instructions.sh — $(date -u +%Y-%m-%d) — $(git rev-parse --short "$base") (old) vs $(git rev-parse --short HEAD) (new), $requests requests each"
build-release/bench/bench_gen --data "$work/site" --articles 10000 2>"$work/gen.log"
old_cached=$(measure build-baseline/khabar 256)
new_cached=$(measure build-release/khabar 256)
old_render=$(measure build-baseline/khabar 0)
new_render=$(measure build-release/khabar 0)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
echo
echo "| page | old instructions/request | new instructions/request | new/old |"
echo "| --- | ---: | ---: | ---: |"
echo "| cached article | $old_cached | $new_cached | $(ratio "$new_cached" "$old_cached") |"
echo "| render path (cache off) | $old_render | $new_render | $(ratio "$new_render" "$old_render") |"
