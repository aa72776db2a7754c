#!/usr/bin/env bash
# bench/search.sh: reader search on a generated archive (issue 19).
#   bench/search.sh [ARTICLES] [REFERENCE_QUERIES]    (default 100000 200)
# Generates a site of ARTICLES articles in English and Pashto (bench_gen --news-text; a
# Zipf vocabulary, a quarter of the articles in Pashto with some words in Arabic-keyboard
# spellings), then prints:
#   - the generation time (the index is kept as every article is written), the size of
#     the article text, of the index (the FTS5 tables) and of the searched text's copy
#     (search_text, which snippets are cut from, and the filter rows search_docs);
#   - `khabar search reindex` time;
#   - median and p99 latency of 200 different searches (one-word, two-word, phrase,
#     prefix, Pashto, Pashto typed with variant spellings, filtered) over HTTP against a
#     server with the page cache off, one after another after a warm-up pass, and the
#     median per kind;
#   - the reference: WordPress's search (every word LIKE '%word%' in title, excerpt or
#     content, ordered by title match then date, plus its found-rows count) over the same
#     SQLite table in the same run, on the first REFERENCE_QUERIES searches' words.
# Targets: p99 <= 50 ms at 100k and <= 150 ms at 1M articles, index <= 0.6x the text,
# reindex of 100k <= 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
reference=${2:-200}
source bench/common.sh
echo "Khabar $(git rev-parse --short HEAD 2>/dev/null) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
site=$work/site
/usr/bin/time -f %e -o "$work/gen.time" build-release/bench/bench_gen --data "$site" \
  --articles "$articles" --news-text --queries "$work/queries.tsv" 2>"$work/gen.log"
echo "generated $articles articles (index kept on every write) in $(cat "$work/gen.time") s"
"$khabar" settings --data "$site" search_per_minute 10000 >/dev/null
/usr/bin/python3 - "$site/khabar.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
text = db.execute("SELECT sum(length(CAST(title AS BLOB)) + length(CAST(excerpt AS BLOB)) + "
                  "length(CAST(body_markdown AS BLOB)) + length(CAST(body_html AS BLOB))) "
                  "FROM articles").fetchone()[0]
index = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN "
                   "('search_data', 'search_idx', 'search_docsize', 'search_config')").fetchone()[0]
docs = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN ('search_docs', 'search_text')").fetchone()[0]
mib = 1024 * 1024
print(f"article text {text / mib:.1f} MiB; index {index / mib:.1f} MiB = {index / text:.2f}x the text; "
      f"searched text and filter rows (search_text, search_docs) {docs / mib:.1f} MiB = {docs / text:.2f}x")
PY
/usr/bin/time -f %e -o "$work/reindex.time" "$khabar" search reindex --data "$site" >/dev/null 2>&1
echo "khabar search reindex: $(cat "$work/reindex.time") s"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$khabar" serve --data "$site" --listen "127.0.0.1:$port" --cache-mb 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
/usr/bin/python3 - "$port" "$work/queries.tsv" "$site/khabar.db" "$reference" <<'PY'
import sqlite3, statistics, sys, time
sys.path.insert(0, "bench")
from latency import Client, p99
port, queries_file, database, reference = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
queries = [line.rstrip("\n").split("\t") for line in open(queries_file, encoding="utf-8")]
get = Client(port).get
found = 0
for q in queries:  # warm-up: the file's pages into the page cache of the kernel
    _, body = get(q[1])
times, by_kind = [], {}
for q in queries:
    ms, body = get(q[1])
    found += b'class="result"' in body
    times.append(ms)
    by_kind.setdefault(q[0], []).append(ms)
print(f"khabar /search/ ({len(times)} different queries, cache off): median {statistics.median(times):.1f} ms, "
      f"p99 {p99(times):.1f} ms, max {max(times):.1f} ms; {found} of {len(times)} found something")
print("  by kind (median / max ms): " + ", ".join(
    f"{k} {statistics.median(v):.1f}/{max(v):.1f}" for k, v in by_kind.items()))
db = sqlite3.connect(database)
ref = []
for q in queries[:reference]:
    words = q[2:]
    cond = " AND ".join("(title LIKE ? OR excerpt LIKE ? OR body_markdown LIKE ? OR body_html LIKE ?)"
                        for _ in words)
    args = [a for w in words for a in ["%" + w + "%"] * 4]
    whole = "%" + " ".join(words) + "%"
    start = time.perf_counter()
    db.execute(f"SELECT id FROM articles WHERE {cond} AND kind = 'article' AND status = 'published' "
               "ORDER BY (title LIKE ?) DESC, published_at DESC LIMIT 0, 10", args + [whole]).fetchall()
    db.execute(f"SELECT count(*) FROM articles WHERE {cond} AND kind = 'article' AND "
               "status = 'published'", args).fetchone()
    ref.append((time.perf_counter() - start) * 1000)
print(f"reference, WordPress-style LIKE '%word%' over the same table ({len(ref)} queries, in process, "
      f"no HTTP): median {statistics.median(ref):.1f} ms, p99 {p99(ref):.1f} ms")
print(f"ratio of medians LIKE / khabar: {statistics.median(ref) / statistics.median(times[:len(ref)]):.0f}x")
PY
