#!/usr/bin/env bash
# Where a night's CPU went, from the JFR recording bench/night.sh leaves in bench/work/<N>/night.jfr:
# execution samples per thread, per step of the night (from the step start/end lines of the
# night's log), and per first frame of our own code and per top frame (the hot spots).
#   bench/hotspots.sh bench/work/1500000            (reads night.jfr and night.log there)
set -euo pipefail
work="${1:?usage: bench/hotspots.sh WORK_DIR}"
jfr print --events jdk.ExecutionSample --stack-depth 96 "$work/night.jfr" > "$work/samples.txt"
python3 - "$work" <<'PY'
import collections, re, sys
work = sys.argv[1]
steps = []  # (name, start, end) as HH:MM:SS from the log
starts = {}
for line in open(f"{work}/night.log", encoding="utf-8", errors="replace"):
    m = re.match(r"(\d\d:\d\d:\d\d) INFO  step (\S+) (started|completed|failed)", line)
    if m:
        if m.group(3) == "started":
            starts[m.group(2)] = m.group(1)
        else:
            steps.append((m.group(2), starts.get(m.group(2), m.group(1)), m.group(1)))
def step_of(ts):
    for name, a, b in steps:
        if a <= ts <= b:
            return name
    return "(start-up / between steps)"
text = open(f"{work}/samples.txt").read()
threads, by_step, ours, top, step_ours = (collections.Counter() for _ in range(5))
total = 0
for e in text.split("jdk.ExecutionSample {")[1:]:
    ts = re.search(r"startTime = (\d\d:\d\d:\d\d)", e).group(1)
    th = re.search(r'sampledThread = "([^"]*)"', e)
    frames = re.findall(r"^\s+([\w.$<>]+)\(.*?\)\s+line: (\d+)", e, re.M)
    if not frames:
        continue
    total += 1
    thread = th.group(1) if th else "?"
    threads[re.sub(r"\d+$", "N", thread)] += 1
    step = step_of(ts)
    by_step[step] += 1
    top[frames[0][0]] += 1
    mine = next((f"{f}:{l}" for f, l in frames if f.startswith("jp.refund")), "(no jp.refund frame: " + thread + ")")
    ours[mine] += 1
    step_ours[(step, mine)] += 1
def show(title, counter, n):
    print(f"== {title}")
    for k, v in counter.most_common(n):
        print(f"  {v:7d} {100.0 * v / total:5.1f}%  {k}")
print(f"{total} execution samples (one per thread about every 20 ms of CPU)")
show("threads", threads, 8)
show("steps", by_step, 20)
show("first frame of our code (where our code calls into the work)", ours, 25)
show("top frames (where the CPU is)", top, 20)
show("per step: first frame of our code", step_ours, 30)
PY
