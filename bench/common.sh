# Sourced by the bench scripts that serve the demo site: builds the Release binary, makes a
# demo site in a temporary folder (removed at exit, with the server), and starts it.
#   source bench/common.sh
#   demo_site                      # $khabar, $work, $work/site
#   serve_demo [serve options...]  # $port, $server_pid; waits until it answers
set -euo pipefail
command -v wrk >/dev/null || scripts/deps
# KHABAR_BENCH_BUILD=build: measure the binaries of an existing build folder instead.
bench_build=${KHABAR_BENCH_BUILD:-build-release}
if [ -z "${KHABAR_BENCH_BUILD:-}" ]; then
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON >/dev/null
  cmake --build build-release -j2 >/dev/null
fi
khabar=$bench_build/khabar
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

demo_site() {
  "$khabar" init --data "$work/site" >/dev/null
  "$khabar" demo --data "$work/site" >/dev/null
}

serve_demo() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$khabar" serve --data "$work/site" --listen "127.0.0.1:$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
}
