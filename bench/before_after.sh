#!/usr/bin/env bash
# bench/before_after.sh: the cached article page and the render path of this checkout
# against an earlier commit's binary, in one run on one generated site (a refactoring
# must not cost readers anything).
#
#   bench/before_after.sh BASELINE_REV [seconds] [rounds]     (defaults: 10 s, 3 rounds)
#
# Builds BASELINE_REV (a git worktree) and this tree in Release, generates a 10,000-article
# site (bench_gen of this tree), serves it with both binaries (cache on and cache off,
# 2 threads each) and runs wrk -t2 -c64 (Accept-Encoding: gzip) against each in turn,
# `rounds` times, alternating old and new so that drift hits both. Prints every run, the
# median req/s of each and the ratios new/old; and, steadier on a shared machine than
# req/s (which moves with how the two cores are shared between wrk and the server), the
# server's CPU time per request: its user + system time (/proc/PID/stat) over the run
# divided by the requests wrk completed. Everything runs on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/before_after.sh BASELINE_REV [seconds] [rounds]}
seconds=${2:-10}
rounds=${3:-3}
command -v wrk >/dev/null || scripts/deps
work=$(mktemp -d /tmp/khabar-before-after-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

source bench/baseline.sh
build_old_and_new "$base"
old=build-baseline/khabar
new=build-release/khabar

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ports=()
serve() {  # BINARY CACHE_MB: starts it (its pid in pids, its port in ports)
  local port; port=$(free_port)
  "$1" serve --data "$work/site" --listen "127.0.0.1:$port" --threads 2 --cache-mb "$2" \
    >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
  for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.05; done
  echo "khabar did not start on $port" >&2
  exit 1
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # PID -> CPU clock ticks so far
hz=$(getconf CLK_TCK)
rps() {  # PORT PID PATH -> "req/s µs-of-server-CPU-per-request"
  local before after out
  before=$(ticks "$2")
  out=$(wrk -t2 -c64 -d"${seconds}s" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1$3")
  after=$(ticks "$2")
  awk -v t=$((after - before)) -v hz="$hz" '
    /requests in/ {n = $1}
    /Requests\/sec/ {r = $2}
    END {printf "%s %.2f\n", r, t / hz * 1e6 / n}' <<<"$out"
}
median() { tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "# bench/before_after.sh — $(date -u +%Y-%m-%d) — $(git rev-parse --short "$base") (old) vs $(git rev-parse --short HEAD) (new)"
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
build-release/bench/bench_gen --data "$work/site" --articles 10000 2>"$work/gen.log"
serve "$old" 256
serve "$new" 256
serve "$old" 0
serve "$new" 0
article=/report-10/
for port in "${ports[@]}"; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$article"; done
declare -A runs cpus
echo
echo "Each run: req/s, then the server's µs of CPU per request."
echo
echo "| round | old cached | new cached | old render | new render |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for ((r = 1; r <= rounds; r++)); do
  row=()
  # Odd rounds old first, even rounds new first: drift in time hits both alike.
  order=(0 1 2 3)
  [ $((r % 2)) = 0 ] && order=(1 0 3 2)
  for k in "${order[@]}"; do
    read -r v cpu < <(rps "${ports[$k]}" "${pids[$k]}" "$article")
    runs[$k]="${runs[$k]:-} $v"
    cpus[$k]="${cpus[$k]:-} $cpu"
    row[$k]="$v / $cpu"
  done
  echo "| $r | ${row[0]} | ${row[1]} | ${row[2]} | ${row[3]} |"
done
for k in 0 1 2 3; do
  med[$k]=$(median <<<"${runs[$k]# }")
  cmed[$k]=$(median <<<"${cpus[$k]# }")
done
echo
echo "Medians: cached old ${med[0]}, new ${med[1]} req/s (new/old $(awk -v a="${med[1]}" -v b="${med[0]}" 'BEGIN{printf "%.3f", a/b}')); render path old ${med[2]}, new ${med[3]} pages/s (new/old $(awk -v a="${med[3]}" -v b="${med[2]}" 'BEGIN{printf "%.3f", a/b}'))"
echo "Server CPU per request (medians): cached old ${cmed[0]}, new ${cmed[1]} µs (new/old $(awk -v a="${cmed[1]}" -v b="${cmed[0]}" 'BEGIN{printf "%.3f", a/b}')); render path old ${cmed[2]}, new ${cmed[3]} µs (new/old $(awk -v a="${cmed[3]}" -v b="${cmed[2]}" 'BEGIN{printf "%.3f", a/b}'))"
