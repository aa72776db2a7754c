#!/usr/bin/env bash
# bench/import.sh: how fast a large WordPress export imports, and how much memory it takes.
# Generates a WXR file with POSTS posts and COMMENTS comments per post (bench_wxr_gen),
# imports it into a new site with a Release build, and prints the time, items/s and the
# peak resident memory (GNU time). Targets (issue 6): 100,000 posts and 500,000 comments
# in under 60 s on 2 cores; peak RSS under 300 MB for a 1 GB export.
#   bench/import.sh [POSTS] [COMMENTS_PER_POST]     (default 100000 5)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-100000}
per_post=${2:-5}
[ -x /usr/bin/time ] || scripts/deps
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
cmake --build build-release -j2 --target khabar bench_wxr_gen >/dev/null
khabar=build-release/khabar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Khabar $(git rev-parse --short HEAD 2>/dev/null) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
build-release/bench/bench_wxr_gen "$work/export.xml" "$posts" "$per_post"
size=$(stat -c %s "$work/export.xml")
items=$((posts + posts * per_post))
echo "export: $posts posts, $((posts * per_post)) comments, $((size / 1048576)) MiB"
"$khabar" init --data "$work/site" >/dev/null
/usr/bin/time -f '%e %M' -o "$work/time" "$khabar" import wordpress --data "$work/site" "$work/export.xml" \
  >"$work/summary" 2>/dev/null
read -r seconds peak_kb <"$work/time"
grep -E '^  (posts|comments) ' "$work/summary"
awk -v s="$seconds" -v n="$items" -v kb="$peak_kb" 'BEGIN {
  printf "import: %.1f s, %.0f items/s (posts + comments), peak RSS %.0f MiB\n", s, n / s, kb / 1024 }'
