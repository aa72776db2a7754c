#!/usr/bin/env bash
# bench/compare.sh: Khabar's page cache against nginx serving the same bytes, in one run.
#
#   bench/compare.sh [seconds] [scale_articles]     (defaults: 15 and 1000000)
#
# On a generated 10,000-article site (bench_gen), with wrk -t2 -c64 --latency and again
# at -c256, it measures:
#   1. Khabar, article page, cache warm, Accept-Encoding: gzip
#   2. nginx (Debian) serving the exact same response bytes as a static file, gzip_static on
#   3. Khabar with the cache off (the render path), the same article
#   4. Khabar home page and a category page, cache warm
# then the ratios 1/2 and 3/2; resident memory after a crawl of every URL of the site;
# and, on a generated site of `scale_articles`, the cache-off median latency of the home,
# a category, a tag and an article page against the 10,000-article site.
# Everything runs on 127.0.0.1; wrk shares the machine's cores with the servers.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
scale=${2:-1000000}

command -v wrk >/dev/null || scripts/deps
if ! command -v nginx >/dev/null; then
  # Debian starts a newly installed nginx on port 80; this benchmark runs its own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
cmake --build build-release -j2 >/dev/null
khabar=build-release/khabar
gen=build-release/bench/bench_gen

work=$(mktemp -d /tmp/khabar-compare-XXXXXX)
chmod 755 "$work"  # nginx's workers (www-data) read the files below it
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
serve() {  # serve DATA CACHE_MB -> prints "pid port"
  local port; port=$(free_port)
  "$khabar" serve --data "$1" --listen "127.0.0.1:$port" --threads 2 --cache-mb "$2" \
    >"$work/serve-$port.log" 2>&1 &
  local pid=$!
  for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
  echo "$pid $port"
}
# run NAME URL CONNECTIONS [ENCODING] -> one table row; keeps req/s and p99 in $rps and $p99.
# ENCODING is gzip (the default) or identity (no Accept-Encoding: feed readers, bots, curl).
run() {
  local out accept=(-H 'Accept-Encoding: gzip')
  [ "${4:-gzip}" = identity ] && accept=()
  out=$(wrk -t2 -c"$3" -d"${seconds}s" --latency "${accept[@]}" "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local bytes; bytes=$(curl -s "${accept[@]}" -o /dev/null -w '%{size_download}' "$2")
  local errors; errors=$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr -s ' ' | tr '\n' ' ')
  printf '| %-44s | %5s | %10s | %9s | %9s | %6s |%s\n' "$1" "$3" "$rps" "$p50" "$p99" "$bytes" \
    "${errors:+ $errors}"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else print v*1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "# bench/compare.sh — $(date -u +%Y-%m-%d) — Khabar $(git rev-parse --short HEAD)"
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(nginx -v 2>&1 | cut -d' ' -f3)"
echo
"$gen" --data "$work/site" --articles 10000 2>"$work/gen.log"
read -r cached_pid cached_port < <(serve "$work/site" 256); pids+=("$cached_pid")
read -r plain_pid plain_port < <(serve "$work/site" 0); pids+=("$plain_pid")
article=/report-10/  # has threaded comments
category=/category/world/
home=/

# nginx serves the very bytes Khabar sends for the article (identity and gzip).
mkdir -p "$work/nginx/root/a" "$work/nginx/tmp"
curl -s "http://127.0.0.1:$cached_port$article" -o "$work/nginx/root/a/index.html"
curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$cached_port$article" -o "$work/nginx/root/a/index.html.gz"
chmod -R a+rX "$work/nginx"
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 100000;
  gzip_static on; etag on;
  types { text/html html; }
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/root; index index.html; }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/a/" && break; sleep 0.05; done
# Same bytes, or the comparison means nothing: the same size, and the same page once the
# comment form's token (it names the second it was served) is set aside.
same_page() {  # URL NAME
  curl -s -H 'Accept-Encoding: gzip' "$1" -o "$work/$2.gz"
  wc -c <"$work/$2.gz"
  gzip -dc "$work/$2.gz" | sed -E 's/name="_token" value="[^"]*"/name="_token"/'
}
cmp -s <(same_page "http://127.0.0.1:$nginx_port/a/" nginx) \
       <(same_page "http://127.0.0.1:$cached_port$article" khabar) ||
  { echo "nginx does not serve the same bytes as Khabar" >&2; exit 1; }
for url in "http://127.0.0.1:$cached_port$article" "http://127.0.0.1:$cached_port$home" \
           "http://127.0.0.1:$cached_port$category"; do curl -s -o /dev/null "$url"; done

echo "## Throughput and latency (wrk -t2 -d${seconds}s --latency, Accept-Encoding: gzip)"
echo
echo "| what | conns | req/s | p50 | p99 | bytes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for conns in 64 256; do
  run "1. Khabar article, cache warm" "http://127.0.0.1:$cached_port$article" "$conns"
  k_rps=$rps; k_p99=$p99
  run "2. nginx, same bytes, gzip_static" "http://127.0.0.1:$nginx_port/a/" "$conns"
  n_rps=$rps; n_p99=$p99
  run "3. Khabar article, cache off (render path)" "http://127.0.0.1:$plain_port$article" "$conns"
  r_rps=$rps
  run "5. Khabar article, cache warm, uncompressed" "http://127.0.0.1:$cached_port$article" "$conns" identity
  ki_rps=$rps
  run "6. nginx, same bytes, uncompressed" "http://127.0.0.1:$nginx_port/a/" "$conns" identity
  ni_rps=$rps
  run "4. Khabar home, cache warm" "http://127.0.0.1:$cached_port$home" "$conns"
  run "4. Khabar category, cache warm" "http://127.0.0.1:$cached_port$category" "$conns"
  ratios+=("c$conns: 1/2 req/s = $(ratio "$k_rps" "$n_rps"), p99 1/2 = $(ratio "$(to_ms "$k_p99")" "$(to_ms "$n_p99")"), 3/2 req/s = $(ratio "$r_rps" "$n_rps") (render path: $r_rps pages/s), uncompressed 5/6 req/s = $(ratio "$ki_rps" "$ni_rps")")
done
echo
echo "Ratios:"
for r in "${ratios[@]}"; do echo "- $r"; done

echo
echo "## Memory after a crawl of every URL of the 10,000-article site"
db="$work/site/khabar.db"
{
  echo /; echo /feed/
  sqlite3 "$db" "SELECT '/' || slug || '/' FROM articles WHERE status = 'published'"
  # Every listing with every one of its pages (10 articles a page) and its feed; authors and
  # tags only with published work (the others answer 404).
  sqlite3 -separator ' ' "$db" "
    SELECT '/category/' || c.path || '/', (SELECT count(*) FROM articles a JOIN categories d ON d.id = a.category_id
      WHERE a.status = 'published' AND (d.path = c.path OR d.path LIKE c.path || '/%')) FROM categories c;
    SELECT '/tag/' || t.slug || '/', count(*) FROM tags t JOIN article_tags x ON x.tag_id = t.id
      JOIN articles a ON a.id = x.article_id AND a.status = 'published' GROUP BY t.id;
    SELECT '/author/' || u.slug || '/', count(*) FROM users u JOIN article_authors w ON w.user_id = u.id
      JOIN articles a ON a.id = w.article_id AND a.status = 'published' GROUP BY u.id;
    SELECT '/', count(*) FROM articles WHERE status = 'published' AND kind = 'article';" |
  while read -r url n; do
    [ "$url" = / ] || echo "$url"
    echo "${url}feed/"
    for ((p = 2; p <= (n + 9) / 10; p++)); do echo "${url}page/$p/"; done
  done
} >"$work/urls.txt"
# Each wrk thread stops after one pass over the list; -d only bounds the wait.
crawl_seconds=$(( $(wc -l <"$work/urls.txt") / 1000 + 10 ))
CRAWL_FILE="$work/urls.txt" wrk -t2 -c16 -d"${crawl_seconds}s" -s bench/crawl.lua \
  "http://127.0.0.1:$cached_port" >"$work/crawl.txt"
crawled=$(awk '/requests in/ {print $1}' "$work/crawl.txt")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$cached_pid/status")
echo "$(wc -l <"$work/urls.txt") URLs, each requested by both wrk threads ($crawled requests): resident memory $((rss_kb / 1024)) MiB (target < 200 MiB)"
# The cache's own count of what it holds, from the server's last log line as it stops.
kill -TERM "$cached_pid"  # (not this shell's child: serve ran in a process substitution)
for _ in $(seq 100); do kill -0 "$cached_pid" 2>/dev/null || break; sleep 0.1; done
grep -o 'page cache: .*' "$work/serve-$cached_port.log" | tail -1

echo
echo "## Scale: cache-off median latency, 10,000 vs $scale articles (wrk -t1 -c1 -d5s)"
if [ "$scale" -gt 0 ]; then
  "$gen" --data "$work/big" --articles "$scale" 2>"$work/gen-big.log"
  read -r big_pid big_port < <(serve "$work/big" 0); pids+=("$big_pid")
  echo
  echo "| page | 10,000 p50 | $scale p50 | ratio |"
  echo "| --- | ---: | ---: | ---: |"
  tag=$(sqlite3 "$db" "SELECT '/tag/' || slug || '/' FROM tags WHERE slug = 'topic-0'")
  big_article="/report-$((scale / 2))/"
  for pair in "home|/|/" "category|/category/world/|/category/world/" "tag|$tag|$tag" \
              "article|/report-5000/|$big_article"; do
    IFS='|' read -r name small_path big_path <<<"$pair"
    small=$(wrk -t1 -c1 -d5s --latency "http://127.0.0.1:$plain_port$small_path" | awk '$1=="50%" {print $2}')
    big=$(wrk -t1 -c1 -d5s --latency "http://127.0.0.1:$big_port$big_path" | awk '$1=="50%" {print $2}')
    printf '| %s | %s | %s | %s |\n' "$name" "$small" "$big" "$(ratio "$(to_ms "$big")" "$(to_ms "$small")")"
  done
fi
