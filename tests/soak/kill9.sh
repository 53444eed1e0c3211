#!/usr/bin/env bash
# Crash safety: the wall killed with SIGKILL during heavy ingest and acknowledgement traffic,
# ROUNDS times on one database. Each round starts tlr-e2e-acknowledge (the real wall, with a
# supervisor at the desk acknowledging every waiting alert through the panel's keys) on the
# storm, fed by one tlr-feedsim at high speed, and kills it at a random moment while both go
# on. After every kill:
#   - the database opens and PRAGMA integrity_check says ok;
#   - the audit chain verifies (tlr-wall --verify-audit);
#   - every acknowledgement the panel confirmed to the supervisor before the kill (the tool's
#     "acknowledged: alert:ID acknowledged after N ms: …" lines, printed when the panel says it
#     is recorded, which it does once the store has committed it) is in the store: its
#     alert_states row acknowledged, and an alert.acknowledged entry for alert:ID in the audit
#     log. Acknowledgements pressed but not yet confirmed when the kill came may be lost: the
#     supervisor was never told they were done (counted as "unconfirmed" when the tool waited
#     in vain, otherwise not seen at all).
# and the next round's wall must start on the killed database. Prints a line per round and the
# totals; exit 0 when every round passed.
#
# Usage: tests/soak/kill9.sh [ROUNDS=20]
# Environment: TLR_BUILD_DIR (default build), TLR_KILL9_DIR (kept; default a new /tmp dir),
#   TLR_KILL9_SPEED (simulator speed, default 120), TLR_KILL9_RATE (load multiplier, default 2),
#   TLR_KILL9_AFTER (seconds a round runs before the kill: a random one in MIN..MAX, default 6..12),
#   TLR_KILL9_WARMUP (seconds a first wall takes in the storm before the rounds, default 90).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
rounds=${1:-20}
build=$(realpath "${TLR_BUILD_DIR:-build}")
speed=${TLR_KILL9_SPEED:-120}
rate=${TLR_KILL9_RATE:-2}
after=${TLR_KILL9_AFTER:-6..12}
min_after=${after%..*} max_after=${after#*..}
work=${TLR_KILL9_DIR:-}
keep=${work:+yes} # a directory of one's own is kept; a temporary one only when a round failed
[[ -n $work ]] || work=$(mktemp -d /tmp/tlr-kill9.XXXXXX)
mkdir -p "$work"

if [[ ! -f $build/build.ninja ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
nice cmake --build "$build" --target tlr-wall tlr-feedsim tlr-e2e-acknowledge >"$work/build.log" 2>&1 ||
    { tail -20 "$work/build.log" >&2; exit 2; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# One simulator for every round. Each restarted wall subscribes from seq 0 and is sent all the
# simulator still holds (up to 100,000 messages a feed): the store keeps each (feed, seq) once,
# and every round begins with that backlog on top of the live storm: heavy ingest.
"$build/bin/tlr-feedsim" --port 0 --scenario storm --speed "$speed" --rate "$rate" \
    --start "$(date -u -d '-6 hours' +%FT%TZ)" --seed 9 >"$work/feedsim.out" 2>"$work/feedsim.err" &
pids+=("$!")
port=
for _ in $(seq 100); do
    port=$(sed -n 's|.*listening on ws://[^:]*:\([0-9]*\).*|\1|p' "$work/feedsim.out" | head -1)
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n $port ]] || { echo "kill9: tlr-feedsim did not start" >&2; exit 2; }
python3 - "$port" "$root/resources/feeds/demo.json" >"$work/feeds.json" <<'PY'
import json, sys
port, demo = sys.argv[1], json.load(open(sys.argv[2]))
for feed in demo["feeds"]:
    feed["url"] = feed["url"].replace("${DEMO_PORT}", port)
    feed["max_messages_per_second"] = 0  # the storm at many times real speed
print(json.dumps({"feeds": demo["feeds"]}, indent=1))
PY

export QT_QPA_PLATFORM=offscreen
db=$work/wall.sqlite
# The storm raises its alerts as the rain builds up (the river lags the rain by an hour). A
# wall left alone first takes the storm's first hours into the database; every round's wall
# then restores those alerts, unacknowledged, for the supervisor to take at once.
warmup=${TLR_KILL9_WARMUP:-90}
echo "kill9: a wall takes in the storm for ${warmup} s before the first round"
"$build/bin/tlr-wall" --feeds "$work/feeds.json" --db "$db" --quit-after "$warmup" \
    >"$work/warmup.log" 2>&1 || { echo "kill9: the first wall failed" >&2; tail "$work/warmup.log" >&2; exit 2; }
echo "kill9: $(python3 -c "import sqlite3; print(sqlite3.connect('$db').execute(\"SELECT count(*) FROM alert_states WHERE state = 'unacknowledged'\").fetchone()[0])") alerts waiting"

echo "kill9: $rounds rounds on $db; storm at ${speed}x, rate $rate; killed ${min_after}-${max_after} s into each"
printf 'round\tkilled_at_s\tconfirmed\tfound\tmissing\tintegrity\taudit\n'
failed=0
total_acks=0
total_missing=0
total_found=0
for round in $(seq "$rounds"); do
    log=$work/round-$round.out
    # Acknowledging from 2 s on, every alert the panel shows waiting (up to 100,000).
    "$build/bin/tlr-e2e-acknowledge" 2 100000 --feeds "$work/feeds.json" --db "$db" \
        >"$log" 2>"$work/round-$round.err" &
    wall=$!
    pids+=("$wall")
    kill_after=$(python3 -c "import random; print(round(random.uniform($min_after, $max_after), 1))")
    sleep "$kill_after"
    started=yes
    if kill -0 "$wall" 2>/dev/null; then
        kill -9 "$wall"
    else
        started=no # it exited on its own: it did not start on this database
    fi
    wait "$wall" 2>/dev/null || true

    verify_status=0
    "$build/bin/tlr-wall" --db "$db" --verify-audit >"$work/verify-$round.out" 2>&1 || verify_status=$?
    result=$(python3 - "$db" "$work" "$round" "$verify_status" "$started" <<'PY'
import collections, re, sqlite3, sys
db_path, work, round_, verify_status, started = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
    int(sys.argv[4]), sys.argv[5]
def confirmed_in(round_):  # what the panel confirmed as recorded in that round
    acks = []
    for line in open(f"{work}/round-{round_}.out", errors="replace"):
        m = re.match(r"acknowledged: alert:(\d+) (\S+) after (\d+) ms", line)
        if m and m.group(2) == "acknowledged":
            acks.append(int(m.group(1)))
    return acks
confirmed = confirmed_in(round_)
# An alert may be acknowledged again in a later round (re-opened in between): each confirmed
# acknowledgement is one audit entry, so the log must hold at least as many as were confirmed.
confirmed_so_far = collections.Counter(a for r in range(1, round_ + 1) for a in confirmed_in(r))
try:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    integrity = ";".join(row[0] for row in db.execute("PRAGMA integrity_check"))
    missing = []
    for alert in confirmed:
        subject = f"alert:{alert}"
        row = db.execute("SELECT acknowledged FROM alert_states WHERE id = ?", (alert,)).fetchone()
        audited = db.execute("SELECT count(*), max(seq) FROM audit_log WHERE action = "
                             "'alert.acknowledged' AND subject = ?", (subject,)).fetchone()
        # Acknowledged, unless the engine re-opened it since (a graver level), which is
        # recorded after the acknowledgement: then the row rightly says unacknowledged.
        reopened = db.execute("SELECT count(*) FROM audit_log WHERE action = 'alert.reopened' "
                              "AND subject = ? AND seq > ?", (subject, audited[1] or 0)).fetchone()[0]
        if not row or (row[0] != 1 and reopened == 0) or audited[0] < confirmed_so_far[alert]:
            missing.append(f"{subject}(state {'row' if row else 'none'}"
                           f"{'' if not row else ' ack=' + str(row[0])}, audit {audited[0]}"
                           f" of {confirmed_so_far[alert]} confirmed, reopened after {reopened})")
except sqlite3.Error as error:
    integrity, missing = f"cannot open: {error}", []
ok = started == "yes" and integrity == "ok" and verify_status == 0 and not missing
print(f"{len(confirmed)}\t{len(confirmed) - len(missing)}\t{len(missing)}\t{integrity}"
      f"\t{'ok' if verify_status == 0 else 'FAILED'}"
      f"\t{'PASS' if ok else 'FAIL'}\t{' '.join(missing[:10])}")
PY
)
    IFS=$'\t' read -r acks found missing integrity audit verdict detail <<<"$result"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n' "$round" "$kill_after" "$acks" "$found" "$missing" \
        "$integrity" "$audit" "$([[ $started == yes ]] || echo ' (the wall did not start)')"
    [[ -z $detail ]] || echo "  missing: $detail"
    [[ $verdict == PASS ]] || failed=$((failed + 1))
    total_acks=$((total_acks + acks))
    total_missing=$((total_missing + missing))
    total_found=$((total_found + found))
done
entries=$("$build/bin/tlr-wall" --db "$db" --verify-audit 2>&1 | head -1)
# How long the supervisor waited between Enter and the panel's "recorded", over every round.
confirm_ms=$(cat "$work"/round-*.out | python3 -c '
import re, statistics, sys
ms = sorted(int(m.group(1)) for m in (re.search(r" after (\d+) ms:", l) for l in sys.stdin) if m)
print(f"p50 {statistics.median(ms):.0f} ms, max {ms[-1]} ms" if ms else "none")')
unconfirmed=$(cat "$work"/round-*.out | grep -c '^unconfirmed:' || true)
echo "kill9: $rounds rounds, $failed failed; $total_acks acknowledgements confirmed before a kill," \
     "$total_found found in the store after the restarts, $total_missing missing;" \
     "confirmation took $confirm_ms; $unconfirmed waited in vain for 10 s; audit: $entries ($work)"
[[ $failed -eq 0 ]] || exit 1
cleanup
[[ $keep == yes ]] || rm -rf "$work"
