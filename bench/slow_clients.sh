#!/usr/bin/env bash
# bench/slow_clients.sh: readers' latency while 1,000 connections send their headers one byte
# a second (issue 18). wrk -t1 -c32 reads a cached demo article from 127.0.0.1 (a trusted
# proxy: no per-client limit) three times, in one run:
#   1. alone (the reference);
#   2. with 1,000 slow connections from one client (127.0.0.2): the per-client cap (256 by
#      default) refuses the rest;
#   3. with 1,000 slow connections from 250 addresses (127.0.1.x), against a server whose
#      max_connections is 600 and shed_idle_at 400: each new connection beyond closes the
#      one waiting longest.
#   bench/slow_clients.sh [seconds]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
source bench/common.sh
demo_site
sed -i 's/^max_connections = 10000/max_connections = 600/; s/^shed_idle_at = 9000/shed_idle_at = 400/' "$work/site/khabar.toml"
ulimit -n "$(ulimit -Hn)"  # the hard limit (1,000 slow connections plus readers)
serve_demo --threads 2
article=/kabul-opens-three-new-public-libraries-before-winter/
curl -s -o /dev/null "http://127.0.0.1:$port$article"

echo "# bench/slow_clients.sh — $(date -u +%Y-%m-%d) — Khabar $(git rev-parse --short HEAD)"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t1 -c32 -d${seconds}s on a cached article"
echo
echo "| load | req/s | p50 | p99 | slow connections |"
echo "| --- | ---: | ---: | ---: | --- |"
readers() {
  local out; out=$(wrk -t1 -c32 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$article")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$2"
}
readers "readers alone" "-"
python3 bench/slow_clients.py "$port" 1000 $((seconds + 10)) 127.0.0.2 >"$work/slow1.txt" &
slow=$!; sleep 8
readers "1,000 slow from one client" "(below)"
wait "$slow"
sources=$(python3 -c 'print(",".join(f"127.0.1.{i}" for i in range(1, 251)))')
python3 bench/slow_clients.py "$port" 1000 $((seconds + 10)) "$sources" >"$work/slow2.txt" &
slow=$!; sleep 8
readers "1,000 slow from 250 clients, cap 600" "(below)"
wait "$slow"
echo
echo "- one client (127.0.0.2): $(cat "$work/slow1.txt")"
echo "- 250 clients (127.0.1.x): $(cat "$work/slow2.txt")"
