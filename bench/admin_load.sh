#!/usr/bin/env bash
# bench/admin_load.sh: do readers feel the newsroom at work? Reader latency on a cached
# article while sign-ins (each an argon2id verification) hammer /admin/ at the same time,
# with admin requests on their own threads (admin_threads = 2, the default) and, as the
# reference in the same run, on the reader threads (admin_threads = 0).
#
#   bench/admin_load.sh [seconds]      (default 10; wrk -t1 -c32 on the article)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || scripts/deps
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
cmake --build build-release -j2 >/dev/null
khabar=build-release/khabar
article=/kabul-opens-three-new-public-libraries-before-winter/

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
"$khabar" init --data "$work/site" >/dev/null
"$khabar" demo --data "$work/site" >/dev/null

# Sign-ins with wrong passwords, each from another (forwarded) address so that the
# throttle does not turn them into cheap 429s; counts them in $work/signins-$1.
hammer() {
  local port=$1 n=0
  while :; do
    local page token
    page=$(curl -s "http://127.0.0.1:$port/admin/login")
    token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n1)
    curl -s -o /dev/null -H "X-Forwarded-For: 10.$((RANDOM % 250)).$((RANDOM % 250)).$((RANDOM % 250))" \
      --data-urlencode "_csrf=$token" --data-urlencode "login=nobody$RANDOM" \
      --data-urlencode "password=wrong password $RANDOM" "http://127.0.0.1:$port/admin/login"
    n=$((n + 1))
    echo "$n" >"$work/signins-$port-$BASHPID"
  done
}

measure() {  # measure ADMIN_THREADS -> table rows
  sed -i "s/^admin_threads = .*/admin_threads = $1/" "$work/site/khabar.toml"
  grep -q '^admin_threads' "$work/site/khabar.toml" || sed -i "s/^\[server\]/[server]\nadmin_threads = $1/" "$work/site/khabar.toml"
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$khabar" serve --data "$work/site" --listen "127.0.0.1:$port" --threads 2 >"$work/serve-$1.log" 2>&1 &
  local server=$!
  pids+=("$server")
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$port$article"
  local quiet busy
  quiet=$(wrk -t1 -c32 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$article")
  local hammers=()
  for _ in 1 2; do hammer "$port" & hammers+=("$!"); done
  sleep 1
  busy=$(wrk -t1 -c32 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$article")
  for h in "${hammers[@]}"; do kill "$h" 2>/dev/null || true; wait "$h" 2>/dev/null || true; done
  local signins; signins=$(cat "$work"/signins-"$port"-* 2>/dev/null | awk '{s += $1} END {print s + 0}')
  kill "$server"; wait "$server" 2>/dev/null || true
  for which in quiet busy; do
    local out=${!which}
    printf '| %d | %-28s | %10s | %8s | %8s |\n' "$1" \
      "$([ "$which" = quiet ] && echo "readers alone" || echo "readers + $signins sign-ins")" \
      "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
      "$(awk '$1=="99%" {print $2}' <<<"$out")"
  done
  p99_quiet=$(awk '$1=="99%" {print $2}' <<<"$quiet"); p99_busy=$(awk '$1=="99%" {print $2}' <<<"$busy")
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else print v*1000 }'; }

echo "# bench/admin_load.sh — $(date -u +%Y-%m-%d) — Khabar $(git rev-parse --short HEAD)"
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); wrk -t1 -c32 -d${seconds}s on a cached article, 2 reader threads"
echo
echo "| admin_threads | load | req/s | p50 | p99 |"
echo "| ---: | --- | ---: | ---: | ---: |"
measure 2; apart=$(awk -v a="$(to_ms "$p99_busy")" -v b="$(to_ms "$p99_quiet")" 'BEGIN { printf "%.1f", a / b }')
measure 0; shared=$(awk -v a="$(to_ms "$p99_busy")" -v b="$(to_ms "$p99_quiet")" 'BEGIN { printf "%.1f", a / b }')
echo
echo "Reader p99 under sign-in load / alone: ${apart}x with admin threads apart, ${shared}x on the reader threads."
