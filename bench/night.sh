#!/usr/bin/env bash
# Full-night benchmark: generates a book, runs the first night with the real jar, and
# prints per-stage rates, wall time, peak heap and RSS, the H2 file's size after the night,
# and — measured in the same run on the same files — the floors it is compared with (OpenCSV
# parse, H2 CSVREAD bulk load, certificates at the fast rate) and one ratio per database.
#   bench/night.sh [MEMBERS=100000] [SEED=2019]        e.g. bench/night.sh 1500000
# PostgreSQL mode: with TEST_PG_URL, _USER and _PASSWORD naming a throw-away server
# (docs/postgresql.md), the same night also runs on a new database there, with the COPY
# floor and the fast certificate floor, and the target 2 x (parse + COPY) + certificates beside H2's.
# Work files go to bench/work/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"; seed="${2:-2019}"
work="bench/work/$members"; rm -rf "$work"; mkdir -p "$work"
./mvnw -q -DskipTests package test-compile
cp target/refund-batch.jar "$work/refund-batch.jar"   # a rebuild during the run must not touch the running jar
cp=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
jvm=(java -Xms2g -Xmx2g -XX:+UseG1GC)

echo "== generate $members members (seed $seed)"
start=$(date +%s.%N)
"${jvm[@]}" -jar "$work/refund-batch.jar" generate --out="$work/input" --members="$members" --seed="$seed" | tail -1
gen_s=$(echo "$(date +%s.%N) - $start" | bc)
night=$(ls "$work/input" | head -1)

echo "== floors on input/$night"
"${jvm[@]}" -cp "target/classes:target/test-classes:$cp" jp.refund.NightFloors "$work/input/$night" "$work/floor" \
  | tee "$work/floors.txt"

echo "== the night (first night of the book)"
# JFR with the JDK's default settings (about 1% overhead): the profile of the night, in night.jfr.
# Spring Batch's per-item events are off: 8 M of them filled the recording (250 MB) and cost time.
sb=org.springframework.batch.core.observability.jfr.events.step.chunk
/usr/bin/time -v -o "$work/time.txt" "${jvm[@]}" -Xlog:gc:file="$work/gc.log" \
  -XX:StartFlightRecording=filename="$work/night.jfr",settings=default,+$sb.ItemReadEvent#enabled=false,+$sb.ItemProcessEvent#enabled=false -jar "$work/refund-batch.jar" nightly \
  --date="$night" --input="$work/input" --output="$work/output" \
  --spring.datasource.url="jdbc:h2:file:$(pwd)/$work/db/refunds" > "$work/night.log" 2>&1 || { tail -5 "$work/night.log"; exit 1; }
sed -n '/steps of night/,/  total/p' "$work/night.log" | sed 's/^[0-9:]* INFO  /  /'
grep -E "certificates:.*rendered|scheduled .* transfer" "$work/night.log" | sed 's/^[0-9:]* INFO  /  /'
certs=$(grep -oE "certificates: [0-9]+ rendered" "$work/night.log" | grep -oE "[0-9]+" || echo 0)

echo "== support look-ups on the night's database"
"${jvm[@]}" -cp "target/classes:target/test-classes:$cp" jp.refund.status.LookupBenchmark \
  "jdbc:h2:file:$(pwd)/$work/db/refunds" 2000 2>/dev/null | grep -E "^lookup" | sed 's/^/  /'

echo "== naive certificate floor"
"${jvm[@]}" -cp "target/classes:target/test-classes:$cp" jp.refund.certificate.CertificateBenchmark 3000 "$(nproc)" \
  | tee "$work/certs.txt" | grep -E "naive|warm|speed"

pg_wall_s=0
if [ -n "${TEST_PG_URL:-}" ]; then
  echo "== PostgreSQL: COPY floor and the same night on ${TEST_PG_URL%%\?*}"
  pgdb="refund_bench_$members"
  base="${TEST_PG_URL%/*}"
  "${jvm[@]}" -cp "target/classes:target/test-classes:$cp" jp.refund.PostgresCopyFloor "$work/input/$night" \
    "$TEST_PG_URL" | tee -a "$work/floors.txt"
  PGPASSWORD="$TEST_PG_PASSWORD" psql -X -q -h "$(echo "$base" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')" \
    -p "$(echo "$base" | sed -E 's#.*:([0-9]+)$#\1#')" -U "$TEST_PG_USER" -d postgres \
    -c "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
  start=$(date +%s.%N)
  SPRING_DATASOURCE_USERNAME="$TEST_PG_USER" SPRING_DATASOURCE_PASSWORD="$TEST_PG_PASSWORD" \
    "${jvm[@]}" -jar "$work/refund-batch.jar" nightly --date="$night" --input="$work/input" --output="$work/output-pg" \
    --spring.datasource.url="$base/$pgdb" > "$work/night-pg.log" 2>&1 || { tail -5 "$work/night-pg.log"; exit 1; }
  pg_wall_s=$(echo "$(date +%s.%N) - $start" | bc)
  sed -n '/steps of night/,/  total/p' "$work/night-pg.log" | sed 's/^[0-9:]* INFO  /  /'
  diff -r "$work/output" "$work/output-pg" >/dev/null && echo "  outputs: byte-identical to the H2 night" \
    || echo "  outputs: DIFFER from the H2 night (diff -r $work/output $work/output-pg)"
fi

python3 - "$work" "$gen_s" "$certs" "$pg_wall_s" <<'PY'
import re, sys
work, gen_s, certs, pg_wall_s = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
floors = dict(l.strip().split("=") for l in open(f"{work}/floors.txt") if "=" in l)
t = open(f"{work}/time.txt").read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split()[0]
parts = [float(p) for p in wall.split(":")]
wall_s = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
gcs = re.findall(r"(\d+)M->(\d+)M", open(f"{work}/gc.log").read())
heap = [int(b) for b, a in gcs]
live = [int(a) for b, a in gcs]
naive = float(re.search(r"naive.*?:\s+([\d.]+) certificates/s", open(f"{work}/certs.txt").read()).group(1))
warm = float(re.search(r"batch renderer, warm\s*:\s+([\d.]+) certificates/s", open(f"{work}/certs.txt").read()).group(1))
csv_s, h2_s = float(floors["floor.csv_parse_s"]), float(floors["floor.h2_csvread_s"])
# one target per database, always with the fast certificate floor (font parsed once per thread, all cores)
fast_floor = certs / warm if warm else 0
h2_target = 2 * (csv_s + h2_s) + fast_floor
import glob, os
db_files = glob.glob(f"{work}/db/*.mv.db")
db_mb = sum(os.path.getsize(f) for f in db_files) / 2**20
input_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(f"{work}/input") for f in fs) / 2**20
print("== summary")
print(f"  generate                : {gen_s:8.1f} s")
print(f"  night wall (H2)         : {wall_s:8.1f} s   peak heap {max(heap) if heap else 0} MB (after GC at most {max(live) if live else 0} MB), max RSS {rss_mb:.0f} MB")
print(f"  H2 file after the night : {db_mb:8.0f} MB  ({db_mb / input_mb:.1f} x the input's {input_mb:.0f} MB)")
print(f"  floor CSV parse         : {csv_s:8.2f} s   ({int(floors['floor.csv_rows']):,} rows, {int(floors['floor.csv_rows'])/csv_s:,.0f} rows/s)")
print(f"  floor H2 CSVREAD        : {h2_s:8.2f} s")
print(f"  floor certificates, fast: {fast_floor:8.1f} s   ({certs} certificates at {warm:.1f}/s, font once per thread; naive PDFBox {naive:.1f}/s, a yardstick only)")
print(f"  Zengin writing          : {float(floors['zengin_records_per_s']):,.0f} records/s")
print(f"  H2 night                : {wall_s:8.1f} s   target 2x(CSV+CSVREAD)+fast certs {h2_target:.1f} s   ratio {wall_s/h2_target:.2f}")
if pg_wall_s:
    copy_s = float(floors["floor.pg_copy_s"])
    pg_target = 2 * (csv_s + copy_s) + fast_floor
    print(f"  floor PostgreSQL COPY   : {copy_s:8.2f} s   ({int(floors['floor.pg_copy_rows']):,} rows)")
    print(f"  PostgreSQL night        : {pg_wall_s:8.1f} s   target 2x(CSV+COPY)+fast certs {pg_target:.1f} s   ratio {pg_wall_s/pg_target:.2f}")
PY
