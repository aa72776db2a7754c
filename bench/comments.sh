#!/usr/bin/env bash
# bench/comments.sh: acknowledged comments per second (each answered 303 only after its
# commit) from 32 connections, while another wrk reads a cached article from 32 more; both
# rates printed. Flood control is off for the run (every comment comes from 127.0.0.1);
# first-time commenters are held, as by default.
#   bench/comments.sh [seconds]      (default 15; target 2,000 comments/s on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
source bench/common.sh
demo_site
"$khabar" settings --data "$work/site" comments_flood_seconds 0 >/dev/null
serve_demo --threads 2
target=/herat-farmers-try-drip-irrigation-as-wells-run-lower/
reading=/kabul-opens-three-new-public-libraries-before-winter/
token=$(curl -s "http://127.0.0.1:$port$target" | grep -o 'name="_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
token=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$token")
sleep 4  # the form's minimum age
before=$(sqlite3 "$work/site/khabar.db" "SELECT count(*) FROM comments")

echo "# bench/comments.sh — $(date -u +%Y-%m-%d) — Khabar $(git rev-parse --short HEAD)"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); ${seconds}s"
COMMENT_TOKEN="$token" COMMENT_PATH="$target" \
  wrk -t1 -c32 -d"${seconds}s" -s bench/comments.lua "http://127.0.0.1:$port" >"$work/post.txt" &
poster=$!
wrk -t1 -c32 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$reading" >"$work/read.txt"
wait "$poster"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
after=$(sqlite3 "$work/site/khabar.db" "SELECT count(*) FROM comments")
stored=$((after - before))
echo
echo "| load | req/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: |"
printf '| posting comments (32 conns) | %s | %s | %s |\n' "$(awk '/Requests\/sec/ {print $2}' "$work/post.txt")" \
  "$(awk '/Latency/ {print $2}' "$work/post.txt")" "-"
printf '| reading a cached article (32 conns) | %s | %s | %s |\n' "$(awk '/Requests\/sec/ {print $2}' "$work/read.txt")" \
  "$(awk '$1=="50%" {print $2}' "$work/read.txt")" "$(awk '$1=="99%" {print $2}' "$work/read.txt")"
echo
grep posted "$work/post.txt" || true
echo "comments stored: $stored in ${seconds}s = $((stored / seconds)) acknowledged comments/s (target 2,000)"
echo "server resident memory after the run: $((rss_kb / 1024)) MiB"
