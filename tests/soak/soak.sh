#!/usr/bin/env bash
# The soak: tlr-feedsim plays a storm day (the storm scenario from HOURS ago to now, faults on)
# at SPEED simulated seconds a second into a headless tlr-wall with a database, then checks:
#   - accepted = sent − deliberately bad, per feed (the simulator's exit report against the
#     wall's --stats);
#   - nothing stored twice (SQL on the database: messages per feed against accepted, archived
#     frames against message rows);
#   - resident memory (VmRSS, sampled from /proc) grew < 5 % from the end of the warm-up to the
#     end of the feeds;
#   - no GUI frame over 100 ms: the GUI thread's event loop never away over 100 ms of its own
#     CPU time (--stats gui_stalls; the clock's figure is printed too, a busy machine inflates it);
#   - the database verifies (PRAGMA integrity_check) and the audit chain verifies
#     (tlr-wall --verify-audit).
# The room works its incidents meanwhile: the wall runs as tlr-e2e-desk (tests/e2e/duty_desk.cpp),
# the real wall with a supervisor who resolves and closes each incident once it has been open
# TLR_SOAK_DESK_HOURS of the day. A room nobody works piles up open incidents without end.
# Prints every figure and PASS or FAIL per check; exit 0 when all pass.
#
# Usage: tests/soak/soak.sh [HOURS=24] [SPEED=240]
#   HOURS: simulated hours (fractions allowed); SPEED: simulated seconds per real second.
#   24 h at 240× runs 6 minutes. The simulator generates at most what the machine allows: its
#   report's simulated end says how much of the day it covered, and the soak prints it.
# Environment: TLR_BUILD_DIR (default build), TLR_SOAK_DIR (kept; default a new /tmp dir),
#   TLR_SOAK_FAULTS (default malformed=0.005,duplicate=0.01,reorder=0.01,disconnect=60: real
#   seconds between disconnects), TLR_SOAK_WARMUP (share of the run that is warm-up, default
#   0.5), TLR_SOAK_SCREENS (a screens file for the offscreen platform; default the 7 monitors of
#   tests/data/screens/screens-7.json), TLR_SOAK_CHECKS (the checks whose failure fails the soak,
#   comma separated, of exit, accepted, duplicates, memory, stalls, integrity, audit; default
#   all: the others are still measured and printed, marked INFO), TLR_SOAK_DRAIN_FACTOR
#   (multiplies the wall's drain time; a sanitizer build reads its sockets several times slower
#   and needs longer to take what the simulator sent; default 1), TLR_SOAK_DESK_HOURS (simulated
#   hours an incident stays open before the desk closes it; default 4; 0: nobody works the
#   incidents and the soak runs tlr-wall itself).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
hours=${1:-24}
speed=${2:-240}
build=$(realpath "${TLR_BUILD_DIR:-build}")
faults=${TLR_SOAK_FAULTS:-malformed=0.005,duplicate=0.01,reorder=0.01,disconnect=60}
warmup=${TLR_SOAK_WARMUP:-0.5}
screens=${TLR_SOAK_SCREENS:-$root/tests/data/screens/screens-7.json}
work=${TLR_SOAK_DIR:-}
keep=${work:+yes} # a directory of one's own is kept; a temporary one only when a check failed
[[ -n $work ]] || work=$(mktemp -d /tmp/tlr-soak.XXXXXX)
mkdir -p "$work"

if [[ ! -f $build/build.ninja ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
desk_hours=${TLR_SOAK_DESK_HOURS:-4}
nice cmake --build "$build" --target tlr-wall tlr-feedsim tlr-e2e-desk >"$work/build.log" 2>&1 ||
    { tail -20 "$work/build.log" >&2; exit 2; }

read -r real drain start_iso <<<"$(python3 - "$hours" "$speed" "${TLR_SOAK_DRAIN_FACTOR:-1}" <<'PY'
import sys, datetime
hours, speed, drain_factor = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
real = max(5, round(hours * 3600 / speed))
start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=hours)
# The simulator stops after `real` seconds once a slow client has taken what it sent (30 s at
# most); the wall is then given `drain` seconds for what it holds, and stopped with SIGTERM.
print(real, round(max(3, real * 0.05) * drain_factor), start.strftime("%Y-%m-%dT%H:%M:%SZ"))
PY
)"
echo "soak: ${hours} h of the storm day from $start_iso at ${speed}x: ${real} s of feeds," \
     "then ${drain} s for the wall to drain; faults $faults; incidents closed after" \
     "${desk_hours} h; in $work"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# The simulator waits for nobody: the wall resumes each feed from seq 0 and the simulator
# replays what it holds (100,000 messages a feed), so the seconds the wall takes to start lose
# nothing.
"$build/bin/tlr-feedsim" --port 0 --scenario storm --speed "$speed" --start "$start_iso" \
    --duration "$real" --faults "$faults" --seed 20261123 --report "$work/feedsim-report.json" \
    >"$work/feedsim.out" 2>"$work/feedsim.err" &
sim=$!
pids+=("$sim")
port=
for _ in $(seq 100); do
    port=$(sed -n 's|.*listening on ws://[^:]*:\([0-9]*\).*|\1|p' "$work/feedsim.out" | head -1)
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n $port ]] || { echo "soak: tlr-feedsim did not start" >&2; cat "$work/feedsim.err" >&2; exit 2; }

# The demo's five feeds on that port. No rate limit: the day is compressed ${speed}-fold, and a
# per-feed limit sized for real time would reject what a real day never sends that fast.
python3 - "$port" "$root/resources/feeds/demo.json" >"$work/feeds.json" <<'PY'
import json, sys
port, demo = sys.argv[1], json.load(open(sys.argv[2]))
for feed in demo["feeds"]:
    feed["url"] = feed["url"].replace("${DEMO_PORT}", port)
    feed["max_messages_per_second"] = 0
print(json.dumps({"feeds": demo["feeds"]}, indent=1))
PY

export QT_QPA_PLATFORM="offscreen:configfile=$screens"
# Seconds since the wall started on every log line: a stall or a step in memory is placed in the
# run by it.
export QT_MESSAGE_PATTERN="%{time process} %{if-category}%{category}: %{endif}%{message}"
# The heap's figures once a minute (MemoryLog): what the wall uses against what its allocator
# keeps, beside the resident memory the check judges.
export QT_LOGGING_RULES="tlr.stats.memory.debug=true${QT_LOGGING_RULES:+;$QT_LOGGING_RULES}"
wall_command=("$build/bin/tlr-wall")
[[ $desk_hours == 0 ]] || wall_command=("$build/bin/tlr-e2e-desk" "$desk_hours")
"${wall_command[@]}" --feeds "$work/feeds.json" --db "$work/soak.sqlite" --stats "$work/stats.json" \
    --quit-after "$((real + drain + 120))" >"$work/wall.log" 2>&1 &
wall=$!
pids+=("$wall")

# Resident memory once a second (or 300 samples over a long run): seconds since start, kB.
interval=$((real / 300 > 1 ? real / 300 : 1))
t0=$(date +%s%N)
stop_at=
while kill -0 "$wall" 2>/dev/null; do
    # The simulator gone (its report is written once its last frames are out), the wall gets
    # its drain time, then SIGTERM: the orderly stop that writes --stats (--quit-after is only
    # the backstop).
    if [[ -z $stop_at && -s $work/feedsim-report.json ]]; then
        stop_at=$(($(date +%s) + drain))
    elif [[ -n $stop_at && $stop_at != never && $(date +%s) -ge $stop_at ]]; then
        kill -TERM "$wall" 2>/dev/null || true
        stop_at=never
    fi
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$wall/status" 2>/dev/null || true)
    elapsed_ms=$((($(date +%s%N) - t0) / 1000000))
    [[ -n $rss ]] && printf '%d.%03d\t%s\n' $((elapsed_ms / 1000)) $((elapsed_ms % 1000)) "$rss" >>"$work/rss.tsv"
    sleep "$interval"
done
wall_status=0
wait "$wall" || wall_status=$?
wait "$sim" || true
pids=()

verify_status=0
"$build/bin/tlr-wall" --db "$work/soak.sqlite" --verify-audit >"$work/verify-audit.out" 2>&1 || verify_status=$?

status=0
python3 - "$work" "$real" "$warmup" "$wall_status" "$verify_status" \
    "${TLR_SOAK_CHECKS:-exit,accepted,duplicates,memory,stalls,integrity,audit}" <<'PY' || status=$?
import json, re, sqlite3, statistics, sys
work, real, warmup = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
wall_status, verify_status = int(sys.argv[4]), int(sys.argv[5])
judged = set(sys.argv[6].split(","))
failed = []
def check(key, name, ok, figures):
    verdict = ("PASS" if ok else "FAIL") if key in judged else "INFO"
    print(f"{verdict}  {name}: {figures}")
    if not ok and key in judged:
        failed.append(name)

print(f"the wall exited with status {wall_status}")
check("exit", "wall ran and exited cleanly", wall_status == 0, f"exit status {wall_status}")
try:
    stats = json.load(open(f"{work}/stats.json"))
    sim = json.load(open(f"{work}/feedsim-report.json"))
except (OSError, ValueError) as error:
    print(f"FAIL  no figures to check: {error}")
    sys.exit(1)

print(f"simulated {sim['simulatedStart']} .. {sim['simulatedEnd']} in {sim['realSeconds']:.0f} s")
# accepted = sent − deliberately bad: the corrupted frames (malformed) are the bad ones; a
# duplicate or a reordered frame is a good message sent oddly and must be taken once.
wall_feeds = {f["id"]: f for f in stats["feeds"]}
db = sqlite3.connect(f"file:{work}/soak.sqlite?mode=ro", uri=True)
stored = dict(db.execute("SELECT feed, count(*) FROM messages GROUP BY feed"))
total = {"sent": 0, "bad": 0, "accepted": 0, "stored": 0}
print("feed\tsent\tmalformed\tduplicates\treordered\taccepted\trejected\tstored\texpected")
rows_ok = True
for feed in sim["feeds"]:
    w = wall_feeds.get(feed["id"], {})
    accepted, rejected = w.get("accepted", 0), w.get("rejected", 0)
    expected = feed["sent"] - feed["malformed"]
    kept = stored.get(feed["id"], 0)
    print(f"{feed['id']}\t{feed['sent']}\t{feed['malformed']}\t{feed['duplicates']}\t"
          f"{feed['reordered']}\t{accepted}\t{rejected}\t{kept}\t{expected}")
    rows_ok &= accepted == expected
    total["sent"] += feed["sent"]; total["bad"] += feed["malformed"]
    total["accepted"] += accepted; total["stored"] += kept
check("accepted", "accepted = sent - deliberately bad", rows_ok,
      f"accepted {total['accepted']} of {total['sent']} sent, {total['bad']} sent corrupted, "
      f"expected {total['sent'] - total['bad']}")

archived = db.execute("SELECT coalesce(sum(message_count), 0) FROM message_archive").fetchone()[0]
distinct = db.execute("SELECT count(*) FROM (SELECT DISTINCT feed, seq FROM messages)").fetchone()[0]
twice = {f: n for f, n in stored.items() if n > wall_feeds.get(f, {}).get("accepted", 0)
         + wall_feeds.get(f, {}).get("rejected", 0)}
check("duplicates", "no duplicate stored", distinct == total["stored"] and archived == total["stored"] and not twice,
      f"{total['stored']} message rows, {distinct} distinct (feed, seq), {archived} frames archived"
      + (f"; more rows than messages taken: {twice}" if twice else ""))

samples = [tuple(map(float, line.split("\t"))) for line in open(f"{work}/rss.tsv")]
running = [(t, kb) for t, kb in samples if t <= real]
def window(lo, hi):
    values = [kb for t, kb in running if lo <= t <= hi]
    return statistics.median(values) if values else None
span = max(2.0, real * 0.05)
after_warmup = window(real * warmup, real * warmup + span)
at_end = window(real - span, real)
peak = max((kb for t, kb in running if t >= real * warmup), default=None)
if after_warmup and at_end:
    growth = (at_end - after_warmup) / after_warmup * 100
    check("memory", "resident memory growth < 5 % after warm-up", growth < 5.0,
          f"{after_warmup / 1024:.1f} MB at {real * warmup:.0f} s (end of warm-up), "
          f"{at_end / 1024:.1f} MB at the end of the feeds: {growth:+.2f} %; "
          f"peak after warm-up {peak / 1024:.1f} MB; {len(samples)} samples")
else:
    check("memory", "resident memory growth < 5 % after warm-up", False, f"too few samples ({len(samples)})")
# "123.456 tlr.stats.memory: heap 238.2 MB in use, 297.3 MB held; resident …"
heap = []
for line in open(f"{work}/wall.log", errors="replace"):
    match = re.match(r"\s*([\d.]+) tlr\.stats\.memory: heap ([\d.]+) MB in use, ([\d.]+) MB held", line)
    if match:
        heap.append(tuple(map(float, match.groups())))
def heap_near(t):
    return min(heap, key=lambda sample: abs(sample[0] - t)) if heap else None
heap_start, heap_end = heap_near(real * warmup), heap_near(real)
if heap_start and heap_end:
    print(f"heap in use {heap_start[1]:.1f} MB at {heap_start[0]:.0f} s, {heap_end[1]:.1f} MB at "
          f"{heap_end[0]:.0f} s: {(heap_end[1] - heap_start[1]) / heap_start[1] * 100:+.2f} %; the "
          f"allocator held {heap_start[2]:.1f} and {heap_end[2]:.1f} MB ({len(heap)} samples)")

stalls = stats.get("gui_stalls", {})
check("stalls", "no GUI frame over 100 ms", stalls.get("beats", 0) > 0 and stalls.get("cpu_over_limit", 1) == 0,
      f"longest GUI-thread stall {stalls.get('cpu_max_ms', 0):.1f} ms of CPU time, "
      f"{stalls.get('cpu_over_limit')} over {stalls.get('limit_ms')} ms; by the clock "
      f"{stalls.get('max_ms', 0):.1f} ms, {stalls.get('over_limit')} over (waiting for a core "
      f"included); map frames p99 {stats.get('frame_ms_p99', 0):.1f} ms, max "
      f"{stats.get('frame_ms_max', 0):.1f} ms; {stalls.get('beats')} heartbeats")

integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
check("integrity", "database integrity_check", integrity == ["ok"], "; ".join(integrity[:5]))
verify = open(f"{work}/verify-audit.out").read().strip().replace("\n", "; ")
check("audit", "audit chain verifies", verify_status == 0, f"exit {verify_status}: {verify}")

closed = db.execute("SELECT count(*) FROM incidents WHERE state = 'closed'").fetchone()[0]
print(f"stored events {stats.get('stored_events')}, quarantined {stats.get('quarantined')}, "
      f"open incidents {stats.get('incidents')}, closed {closed}, "
      f"peak RSS {stats.get('peak_rss_mb', 0):.0f} MB")
print(f"soak: {'FAILED ' + ', '.join(failed) if failed else 'all checks passed'} ({work})")
sys.exit(1 if failed else 0)
PY
[[ $status -ne 0 || $keep == yes ]] || rm -rf "$work"
exit "$status"
