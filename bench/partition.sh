#!/usr/bin/env bash
# Partitioned night benchmark (issue 20): the first night of a generated book run one step
# each (refund.partition.count=1, the default) and on the local partition handler
# (refund.partition.count=COUNT, THREADS partitions at once; 0 = one per core), each on an H2
# file of its own. Prints each run's wall time, the decision and certificate steps, the
# speed-up, and whether every output file is byte-identical.
#   bench/partition.sh [MEMBERS=100000] [COUNT=4] [THREADS=0] [JAR=target/refund-batch.jar]
# With TEST_PG_URL, _USER and _PASSWORD naming a throw-away PostgreSQL server (as bench/night.sh),
# the same night also runs there, each on a new database: one step, the local partition handler,
# and remote partitioning (refund.partition.mode=remote, a broker embedded in the manager) with 1
# and with 2 worker JVMs on this host; each against the one-step PostgreSQL night, and every
# output file compared with the one-step H2 night.
# H2=0 skips the two H2 nights (the four PostgreSQL ones take long enough at 1.5 M); the one-step
# PostgreSQL night is then the reference for the byte comparison. HEAP sets every JVM's heap
# (default 2g; give the 1.5 M night 3g).
# Work files go to bench/work/partition-<MEMBERS>/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"; count="${2:-4}"; threads="${3:-0}"; jar_in="${4:-}"
work="bench/work/partition-$members"; rm -rf "$work"; mkdir -p "$work"
if [ -z "$jar_in" ]; then ./mvnw -q -DskipTests package; jar_in=target/refund-batch.jar; fi
cp "$jar_in" "$work/refund-batch.jar"   # a rebuild during the run must not touch the running jar
heap="${HEAP:-2g}"; with_h2="${H2:-1}"
jvm=(java "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC)

echo "== generate $members members"
"${jvm[@]}" -jar "$work/refund-batch.jar" generate --out="$work/input" --members="$members" --seed=2019 | tail -1
night=$(ls "$work/input" | head -1)

run() { # name, extra settings...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "${jvm[@]}" -jar "$work/refund-batch.jar" nightly --date="$night" --input="$work/input" \
    --output="$work/$name/output" --spring.datasource.url="jdbc:h2:file:$(pwd)/$work/$name/db/refunds" "$@" \
    > "$work/$name.log" 2>&1 || { tail -5 "$work/$name.log"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc > "$work/$name.wall"
  printf '%-28s wall %6.1f s\n' "$name" "$(cat "$work/$name.wall")"
  grep -E "step (assess-applications|decide-applications|render-certificates|write-certificates) (completed|failed)" \
    "$work/$name.log" | sed -E 's/^.*step /    /'
}

echo "== night $night"
if [ "$with_h2" = 1 ]; then
  run one-step
  run "partitioned-$count" --refund.partition.count="$count" --refund.partition.threads="$threads"
fi

pg_runs=()
if [ -n "${TEST_PG_URL:-}" ]; then
  pg_base="${TEST_PG_URL%/*}"
  pg_host=$(echo "$pg_base" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#'); pg_port=$(echo "$pg_base" | sed -E 's#.*:([0-9]+)$#\1#')
  export SPRING_DATASOURCE_USERNAME="$TEST_PG_USER" SPRING_DATASOURCE_PASSWORD="$TEST_PG_PASSWORD"
  pg_run() { # name, workers, extra settings...
    local name=$1 workers=$2; shift 2
    local db; db="bench_$(echo "$name" | tr -c 'a-z0-9\n' '_')"
    PGPASSWORD="$TEST_PG_PASSWORD" psql -X -q -h "$pg_host" -p "$pg_port" -U "$TEST_PG_USER" -d postgres \
      -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
    local broker="tcp://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    local pids=() i start end
    for ((i = 1; i <= workers; i++)); do
      java "-Xmx$heap" -XX:+UseG1GC -jar "$work/refund-batch.jar" worker --spring.datasource.url="$pg_base/$db" \
        --spring.artemis.broker-url="$broker" > "$work/$name-worker$i.log" 2>&1 &
      pids+=($!)
    done
    start=$(date +%s.%N)
    "${jvm[@]}" -jar "$work/refund-batch.jar" nightly --date="$night" --input="$work/input" \
      --output="$work/$name/output" --spring.datasource.url="$pg_base/$db" --spring.artemis.broker-url="$broker" "$@" \
      > "$work/$name.log" 2>&1 || { tail -5 "$work/$name.log"; kill "${pids[@]}" 2>/dev/null; exit 1; }
    end=$(date +%s.%N)
    if [ "$workers" -gt 0 ]; then kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true; fi
    echo "$end - $start" | bc > "$work/$name.wall"
    printf '%-28s wall %6.1f s\n' "$name" "$(cat "$work/$name.wall")"
    grep -E "step (assess-applications|decide-applications|render-certificates|write-certificates) (completed|failed)" \
      "$work/$name.log" | sed -E 's/^.*step /    /'
    for ((i = 1; i <= workers; i++)); do
      echo "    worker $i ran $(grep -cE "^.*partition .*\]\): COMPLETED," "$work/$name-worker$i.log" || true) partition(s)"
    done
    pg_runs+=("$name")
    # the outputs are files; at 1.5 M each book is gigabytes, and four of them need not stay
    PGPASSWORD="$TEST_PG_PASSWORD" psql -X -q -h "$pg_host" -p "$pg_port" -U "$TEST_PG_USER" -d postgres \
      -c "DROP DATABASE $db"
  }
  echo "== the same night on PostgreSQL (${TEST_PG_URL%%\?*})"
  pg_run pg-one-step 0
  pg_run "pg-local-$count" 0 --refund.partition.count="$count" --refund.partition.threads="$threads"
  for workers in 1 2; do
    pg_run "pg-remote-$count-$workers-workers" "$workers" --refund.partition.count="$count" \
      --refund.partition.mode=remote --refund.partition.remote.embedded-broker=true
  done
fi

step_s() { grep -E "step $2 completed" "$work/$1.log" | grep -oE "in [0-9.]+ s" | grep -oE "[0-9.]+" || echo 0; }
if [ "$with_h2" = 1 ]; then
one=$(cat "$work/one-step.wall"); part=$(cat "$work/partitioned-$count.wall")
one_dec=$(step_s one-step decide-applications)
part_dec=$(echo "$(step_s "partitioned-$count" assess-applications) + $(step_s "partitioned-$count" decide-applications)" | bc)
one_cert=$(step_s one-step write-certificates)
part_cert=$(echo "$(step_s "partitioned-$count" render-certificates) + $(step_s "partitioned-$count" write-certificates)" | bc)
echo "== speed-up (one step / partitioned)"
printf '  night        %6.1f s / %6.1f s = %.2f\n' "$one" "$part" "$(echo "$one / $part" | bc -l)"
printf '  decisions    %6.1f s / %6.1f s = %.2f\n' "$one_dec" "$part_dec" "$(echo "$one_dec / $part_dec" | bc -l)"
if [ "$(echo "$part_cert > 0" | bc)" = 1 ]; then
  printf '  certificates %6.1f s / %6.1f s = %.2f\n' "$one_cert" "$part_cert" "$(echo "$one_cert / $part_cert" | bc -l)"
fi
fi
if [ ${#pg_runs[@]} -gt 0 ]; then
  pg_one=$(cat "$work/pg-one-step.wall"); pg_one_dec=$(step_s pg-one-step decide-applications)
  pg_one_cert=$(step_s pg-one-step write-certificates)
  echo "== PostgreSQL speed-up (one step / each), decisions = assess + decide, certificates = render + mailing list"
  for name in "${pg_runs[@]:1}"; do
    wall=$(cat "$work/$name.wall")
    dec=$(echo "$(step_s "$name" assess-applications) + $(step_s "$name" decide-applications)" | bc)
    cert=$(echo "$(step_s "$name" render-certificates) + $(step_s "$name" write-certificates)" | bc)
    printf '  %-26s night %.2f (%6.1f s)  decisions %.2f (%6.1f s)  certificates %.2f (%6.1f s)\n' "$name" \
      "$(echo "$pg_one / $wall" | bc -l)" "$wall" "$(echo "$pg_one_dec / $dec" | bc -l)" "$dec" \
      "$(echo "$pg_one_cert / $cert" | bc -l)" "$cert"
  done
fi
if [ "$with_h2" = 1 ]; then reference=one-step; compared=("partitioned-$count" "${pg_runs[@]}")
else reference=pg-one-step; compared=("${pg_runs[@]:1}"); fi
for name in "${compared[@]}"; do
  if ! diff -r "$work/$reference/output" "$work/$name/output" > "$work/diff-$name.txt"; then
    echo "== DIFFERENT outputs: $name, see $work/diff-$name.txt"; exit 1
  fi
done
echo "== same bytes: $(find "$work/$reference/output" -type f | wc -l) files of $reference identical in each of the ${#compared[@]} other runs"

# Amdahl (issue 33): from each local partitioned night, the serial part (every step but the partitions'
# own work) and the parallel part (the sum of the partitions' times: what one worker would spend),
# against the one-step night of the same database.
python3 - "$work" "$count" ${with_h2:+$with_h2} <<'PY'
import re, sys, os
work, count = sys.argv[1], sys.argv[2]
def steps(name):
    log = open(f"{work}/{name}.log", encoding="utf-8", errors="replace").read()
    return [(m.group(1), float(m.group(2))) for m in
            re.finditer(r"step (\S+) (?:completed|failed)[^\n]*? in ([\d.]+) s", log)]
pairs = [("one-step", f"partitioned-{count}"), ("pg-one-step", f"pg-local-{count}")]
for one, part in pairs:
    if not (os.path.exists(f"{work}/{one}.log") and os.path.exists(f"{work}/{part}.log")):
        continue
    one_wall = float(open(f"{work}/{one}.wall").read())
    part_wall = float(open(f"{work}/{part}.wall").read())
    s = steps(part)
    parallel = sum(t for n, t in s if n.startswith(("assess-application-range", "render-certificate-range")))
    managers = sum(t for n, t in s if n in ("assess-applications", "render-certificates"))
    serial = part_wall - managers
    work_total = serial + parallel
    share = serial / work_total if work_total else 0
    print(f"== Amdahl, {part} against {one}")
    print(f"  serial part {serial:7.1f} s = {share:.0%} of the night's work ({work_total:.1f} s: serial + every partition)")
    print(f"  partitions' sum {parallel:7.1f} s; cutting's overhead: (serial + partitions) / one step = {work_total / one_wall:.2f}")
    for n in (2, 4, 8):
        t = serial + parallel / n
        print(f"  {n} workers: {t:7.1f} s, speed-up against one step {one_wall / t:.2f}")
PY
