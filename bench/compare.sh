#!/usr/bin/env bash
# Two builds side by side on the first night of one generated book: H2 in the order A B B A
# and, with TEST_PG_URL, _USER and _PASSWORD naming a throw-away PostgreSQL server, one night
# each there on a new database. Prints every run's wall time and main steps, the H2 file's size
# after the night, whether each run's outputs are byte-identical to its build's first H2 run,
# and which files differ between the two builds.
#   bench/compare.sh A.jar B.jar [MEMBERS=200000] [SEED=2019]
# Work files go to bench/work/compare-<MEMBERS>/ (not in git). Run it on an otherwise idle machine.
set -euo pipefail
a_jar=$(realpath "$1"); b_jar=$(realpath "$2"); members=${3:-200000}; seed=${4:-2019}
cd "$(dirname "$0")/.."
work="bench/work/compare-$members"; rm -rf "$work"; mkdir -p "$work"; work=$(realpath "$work")
jvm=(java -Xms2g -Xmx2g -XX:+UseG1GC)
"${jvm[@]}" -jar "$b_jar" generate --out="$work/input" --members="$members" --seed="$seed" | tail -1
night=$(ls "$work/input" | head -1)

run() { # name jar url [env...]
  local name=$1 jar=$2 url=$3; shift 3
  local start; start=$(date +%s.%N)
  env "$@" "${jvm[@]}" -jar "$jar" nightly --date="$night" --input="$work/input" --output="$work/out-$name" \
    --spring.datasource.url="$url" > "$work/$name.log" 2>&1 || { tail -5 "$work/$name.log"; exit 1; }
  echo "$name $(echo "$(date +%s.%N) - $start" | bc)" >> "$work/walls.txt"
}
run h2-A1 "$a_jar" "jdbc:h2:file:$work/db-A1/refunds"
run h2-B1 "$b_jar" "jdbc:h2:file:$work/db-B1/refunds"
run h2-B2 "$b_jar" "jdbc:h2:file:$work/db-B2/refunds"
run h2-A2 "$a_jar" "jdbc:h2:file:$work/db-A2/refunds"
if [ -n "${TEST_PG_URL:-}" ]; then
  base="${TEST_PG_URL%/*}"; host=$(echo "$base" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
  port=$(echo "$base" | sed -E 's#.*:([0-9]+)$#\1#')
  for side in A B; do
    PGPASSWORD="$TEST_PG_PASSWORD" psql -X -q -h "$host" -p "$port" -U "$TEST_PG_USER" -d postgres \
      -c "DROP DATABASE IF EXISTS refund_compare_${side,,}" \
      -c "CREATE DATABASE refund_compare_${side,,} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
    jar=$a_jar; [ "$side" = B ] && jar=$b_jar
    run "pg-$side" "$jar" "$base/refund_compare_${side,,}" SPRING_DATASOURCE_USERNAME="$TEST_PG_USER" \
      SPRING_DATASOURCE_PASSWORD="$TEST_PG_PASSWORD"
  done
fi
python3 - "$work" <<'PY'
import os, re, subprocess, sys
work = sys.argv[1]
walls = dict(l.split() for l in open(f"{work}/walls.txt"))
steps = ["ingest", "decide-applications", "schedule-payouts", "write-certificates", "create-notices",
         "write-audit-workbook"]
print(f"{'run':8} {'wall s':>8} " + " ".join(f"{s[:12]:>12}" for s in steps) + f" {'H2 file MB':>10}  outputs")
for name in walls:
    log = open(f"{work}/{name}.log", encoding="utf-8", errors="replace").read()
    secs = {}
    for m in re.finditer(r"^  (\S+)\s+\d+\s+\d+\s+([\d.]+)", log, re.M):
        key = "ingest" if m.group(1).startswith("ingest-") else m.group(1)
        secs[key] = secs.get(key, 0) + float(m.group(2))
    db = f"{work}/db-{name[3:]}" if name.startswith("h2-") else None
    size = sum(os.path.getsize(os.path.join(db, f)) for f in os.listdir(db)) / 2**20 if db else 0
    first = "h2-A1" if name.endswith("A") or "-A" in name else "h2-B1"
    same = subprocess.run(["diff", "-rq", f"{work}/out-{first}", f"{work}/out-{name}"],
                          capture_output=True).returncode == 0
    print(f"{name:8} {float(walls[name]):8.1f} " + " ".join(f"{secs.get(s, 0):12.1f}" for s in steps)
          + (f" {size:10.0f}" if db else f" {'':>10}") + (f"  same as {first}" if same else f"  DIFFER from {first}"))
diff = subprocess.run(["diff", "-rq", f"{work}/out-h2-A1", f"{work}/out-h2-B1"], capture_output=True, text=True).stdout
lines = diff.splitlines()
print(f"A against B: {len(lines)} file(s) differ" + "".join(f"\n  {l}" for l in lines[:20]))
PY
