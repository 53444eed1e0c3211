#!/usr/bin/env bash
# Three headless tlr-wall consoles on one throwaway PostgreSQL (issue 8's must-show), on demand:
#   tests/e2e/room-three-walls.sh [BUILD_DIR]
# Console 1 and 2 are tlr-e2e-acknowledge (the real wall with a supervisor at the desk pressing
# A, a note, Enter), both taking up to 100 alerts at the same moment, so that they race on the
# same rows; console 3 only watches. It reports how long an acknowledgement recorded on one
# console took to be heard and applied on the others (p50, p99), checks that no alert has two
# acknowledgements in the audit log, verifies the chain, then kills console 3 and starts it
# again on its local file: it must show the same acknowledged alerts.
set -euo pipefail
build=$(realpath "${1:-build}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "SKIP: no PostgreSQL server binaries"; exit 77; }
work=$(mktemp -d /tmp/tlr-room.XXXXXX)
as_pg=()
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$work"; as_pg=(runuser -u postgres --); fi
echo "tlr-room-secret" > "$work/pw"; [[ ${#as_pg[@]} -gt 0 ]] && chown postgres: "$work/pw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$bin/initdb" -D "$work/data" --username=tlr --pwfile="$work/pw" \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off" start >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
export PGPASSWORD=tlr-room-secret
psql -h 127.0.0.1 -p "$port" -U tlr -d postgres -qc "CREATE DATABASE room" >/dev/null
url="postgresql://tlr@127.0.0.1:$port/room"
export QT_QPA_PLATFORM=offscreen
export QT_MESSAGE_PATTERN='%{time yyyy-MM-ddThh:mm:ss.zzz} %{category}: %{message}'
start=$(date -u -d "-214 minutes" +%FT%TZ)
sim="--scenario storm --speed 60 --start $start"
echo "PostgreSQL on $port; walls on the storm from $start"

"$build/bin/tlr-wall" --demo --db "$url" --local-db "$work/w3.sqlite" --quit-after 150 \
    --feedsim-args "$sim" >"$work/w3.log" 2>&1 &
w3=$!
"$build/bin/tlr-e2e-acknowledge" 60 100 --demo --db "$url" --local-db "$work/w2.sqlite" \
    --quit-after 140 --feedsim-args "$sim" >"$work/w2.log" 2>&1 &
w2=$!
"$build/bin/tlr-e2e-acknowledge" 60 100 --demo --db "$url" --local-db "$work/w1.sqlite" \
    --quit-after 140 --feedsim-args "$sim" >"$work/w1.log" 2>&1
wait "$w2" "$w3" || true

python3 - "$work" <<'PY'
import re, sys, datetime, statistics
work = sys.argv[1]
def events(name, kind):
    out = {}
    for line in open(f"{work}/{name}.log", errors="replace"):
        m = re.match(r"(\S+) tlr.alerts: shared acknowledgement " + kind + r": (alert:\d+)", line)
        if m:
            out.setdefault(m.group(2), datetime.datetime.fromisoformat(m.group(1)))
    return out
recorded = {}
for w in ("w1", "w2"):
    for alert, at in events(w, "recorded").items():
        recorded[alert] = (w, at)
delays = []
for alert, (who, at) in recorded.items():
    for w in ("w1", "w2", "w3"):
        if w == who:
            continue
        heard = events(w, "heard").get(alert)
        if heard:
            delays.append((heard - at).total_seconds() * 1000)
print(f"acknowledgements recorded: {len(recorded)} (w1 {sum(1 for v in recorded.values() if v[0]=='w1')}, "
      f"w2 {sum(1 for v in recorded.values() if v[0]=='w2')}); heard on the others: {len(delays)} "
      f"of {2*len(recorded)}")
if delays:
    delays.sort()
    p = lambda q: delays[min(len(delays)-1, int(q*(len(delays)-1)+0.5))]
    print(f"recorded -> heard and applied: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {delays[-1]:.1f} ms")
PY
echo "alerts with more than one acknowledgement in the audit log:" \
    "$(psql -h 127.0.0.1 -p "$port" -U tlr -d room -Atc "SELECT count(*) FROM (SELECT subject FROM audit_log WHERE action = 'alert.acknowledged' GROUP BY subject HAVING count(*) > 1) t")"
"$build/bin/tlr-wall" --db "$url" --verify-audit | head -2

# Console 3 again, on its own file and the shared database: the same acknowledged alerts.
before=$(sqlite3 "$work/w3.sqlite" "SELECT count(*) FROM alert_states WHERE acknowledged = 1")
"$build/bin/tlr-wall" --demo --db "$url" --local-db "$work/w3.sqlite" --quit-after 8 \
    --feedsim-args "$sim" >"$work/w3-again.log" 2>&1 &
w3=$!; sleep 5; kill -9 "$w3" 2>/dev/null || true; wait "$w3" 2>/dev/null || true
after=$(sqlite3 "$work/w3.sqlite" "SELECT count(*) FROM alert_states WHERE acknowledged = 1")
grep -h "restored" "$work/w3-again.log" | head -2 || true
echo "console 3 acknowledged alerts: $before before the restart, $after after (killed with -9)"
echo "logs in $work"
