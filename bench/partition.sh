#!/usr/bin/env bash
# Partitioned night benchmark (issue 20): the first night of a generated book run one step
# each (refund.partition.count=1, the default) and on the local partition handler
# (refund.partition.count=COUNT, THREADS partitions at once; 0 = one per core), each on an H2
# file of its own. Prints each run's wall time, the decision and certificate steps, the
# speed-up, and whether every output file is byte-identical.
#   bench/partition.sh [MEMBERS=100000] [COUNT=4] [THREADS=0] [JAR=target/refund-batch.jar]
# Remote workers (refund.partition.mode=remote) are not built yet: see the README.
# Work files go to bench/work/partition-<MEMBERS>/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"; count="${2:-4}"; threads="${3:-0}"; jar_in="${4:-}"
work="bench/work/partition-$members"; rm -rf "$work"; mkdir -p "$work"
if [ -z "$jar_in" ]; then ./mvnw -q -DskipTests package; jar_in=target/refund-batch.jar; fi
cp "$jar_in" "$work/refund-batch.jar"   # a rebuild during the run must not touch the running jar
jvm=(java -Xms2g -Xmx2g -XX:+UseG1GC)

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
run one-step
run "partitioned-$count" --refund.partition.count="$count" --refund.partition.threads="$threads"

step_s() { grep -E "step $2 completed" "$work/$1.log" | grep -oE "in [0-9.]+ s" | grep -oE "[0-9.]+" || echo 0; }
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
if diff -r "$work/one-step/output" "$work/partitioned-$count/output" > "$work/diff.txt"; then
  echo "== same bytes: $(find "$work/one-step/output" -type f | wc -l) files identical"
else
  echo "== DIFFERENT outputs: see $work/diff.txt"; exit 1
fi
