#!/usr/bin/env bash
# bench/admin_pages.sh: the admin's long lists on a big site. bench_gen --admin-scale makes
# 10,000 articles, 1,000 categories, 20,000 tags, 200 users, 50,000 media items and
# 1,000,000 comments; an administrator signs in and each screen (first page, a deep page,
# a search) is fetched: its HTML size and the median of 5 fetches. Target: every page
# under 100 KB. The reference in the same run: the home page, which the cache answers.
#
#   bench/admin_pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
echo "== bench_gen --articles 10000 --admin-scale"
/usr/bin/time -f "   %e s" build-release/bench/bench_gen --data "$work/site" --articles 10000 --admin-scale
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$khabar" settings --data "$work/site" url "$base" >/dev/null
link=$("$khabar" user add --data "$work/site" --login benchadmin --role administrator | grep -o 'http[^ ]*token=[0-9a-f]*')
"$khabar" serve --data "$work/site" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf -o /dev/null "$base/" && break; sleep 0.1; done

jar="$work/cookies"
password="Seven quiet lanterns 42 over Herat"
token_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1; }
page=$(curl -s -c "$jar" -b "$jar" "${link/http:\/\/127.0.0.1:8080/$base}")
form_token=$(token_of <<<"$page")
password_token=$(sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n1)
curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" --data-urlencode "_csrf=$form_token" \
  --data-urlencode "token=$password_token" --data-urlencode "password=$password" \
  --data-urlencode "confirm=$password" "$base/admin/password"
form_token=$(curl -s -c "$jar" -b "$jar" "$base/admin/login" | token_of)
curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" --data-urlencode "_csrf=$form_token" \
  --data-urlencode "login=benchadmin" --data-urlencode "password=$password" "$base/admin/login"
# (Read whole first: grep -q stopping early would fail the pipe under pipefail.)
profile=$(curl -s -b "$jar" "$base/admin/profile")
grep -q 'benchadmin' <<<"$profile" || { echo "sign-in failed"; cat "$work/serve.log"; exit 1; }
found=$(curl -s -b "$jar" "$base/admin/categories?q=region+999")
category=$(grep -o '/admin/categories/[0-9]*' <<<"$found" | head -n1)

measure() {
  local path=$1 times=() size=0
  for _ in 1 2 3 4 5; do
    read -r size t < <(curl -s -o /dev/null -b "$jar" -w '%{size_download} %{time_total}\n' "$base$path")
    times+=("$t")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '  %-44s %8d bytes %8.1f ms%s\n' "$path" "$size" "$(awk "BEGIN { print $median * 1000 }")" \
    "$([ "$size" -ge 102400 ] && echo '   OVER 100 KB' || true)"
}
# A keyset cursor 900,000 approved comments deep (the screen's "Next page" links carry one).
deep=$(sqlite3 "$work/site/khabar.db" "SELECT created_at || '.' || id FROM comments WHERE status = 'approved' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 900000")
echo "== pages (size, median of 5)"
for path in / /admin/categories "/admin/categories?page=20" "$category" \
  /admin/tags "/admin/tags?page=400" "/admin/tags?q=topic+1999" \
  /admin/users "/admin/users?q=writer77" \
  /admin/media "/admin/media?page=999" "/admin/media?q=photo49999" \
  "/admin/comments?status=pending" "/admin/comments?status=approved&older=$deep" \
  "/admin/comments?status=approved&q=reader+4242" "/admin/comments?status=approved&q=nowhere-at-all" \
  /admin/articles; do
  measure "$path"
done
