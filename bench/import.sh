#!/usr/bin/env bash
# bench/import.sh: how fast a large WordPress export imports, and how much memory it takes.
# Generates a WXR file with POSTS posts and COMMENTS comments per post (bench_wxr_gen),
# imports it into a new site with a Release build, and prints the time, items/s and the
# peak resident memory (GNU time). Targets (issue 6): 100,000 posts and 500,000 comments
# in under 60 s on 2 cores; peak RSS under 300 MB for a 1 GB export.
# With REV, the same export is imported by a Release build of commit REV too, and the
# ratio printed (issue 19: the search index may cost an import at most 1.5x).
# With EMBEDS=1, every post also holds four embeds ([embed], a URL line, an embed block,
# an X iframe: bench_wxr_gen's "embeds"), to measure the import's embeds_as_links pass.
#   bench/import.sh [POSTS] [COMMENTS_PER_POST] [REV]     (default 100000 5)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-100000}
per_post=${2:-5}
rev=${3:-}
[ -x /usr/bin/time ] || scripts/deps
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
cmake --build build-release -j2 --target khabar bench_wxr_gen >/dev/null
khabar=build-release/khabar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$rev" ]; then
  source bench/baseline.sh
  build_old_and_new "$rev"
fi
echo "Khabar $(git rev-parse --short HEAD 2>/dev/null) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
build-release/bench/bench_wxr_gen "$work/export.xml" "$posts" "$per_post" ${EMBEDS:+embeds}
size=$(stat -c %s "$work/export.xml")
items=$((posts + posts * per_post))
echo "export: $posts posts, $((posts * per_post)) comments, $((size / 1048576)) MiB${EMBEDS:+, 4 embeds a post}"
import_with() {  # binary, label
  rm -rf "$work/site"
  "$1" init --data "$work/site" >/dev/null
  /usr/bin/time -f '%e %M' -o "$work/time" "$1" import wordpress --data "$work/site" \
    "$work/export.xml" >"$work/summary" 2>/dev/null
  read -r seconds peak_kb <"$work/time"
  grep -E '^  (posts|comments) ' "$work/summary"
  awk -v s="$seconds" -v n="$items" -v kb="$peak_kb" -v l="$2" 'BEGIN {
    printf "import (%s): %.1f s, %.0f items/s (posts + comments), peak RSS %.0f MiB\n", l, s, n / s, kb / 1024 }'
  last_seconds=$seconds
}
import_with "$khabar" "this tree"
if [ -n "$rev" ]; then
  new_seconds=$last_seconds
  import_with build-baseline/khabar "$(git rev-parse --short "$rev")"
  awk -v a="$new_seconds" -v b="$last_seconds" 'BEGIN { printf "ratio this tree / baseline: %.2fx\n", a / b }'
fi
