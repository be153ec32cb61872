#!/usr/bin/env bash
# The whole benchmark set of docs/benchmarks.md in one run (about 12-15 minutes on 2 cores):
#   1. JMH, side by side in one JVM run: FanOut (the SFU path) vs MinimalForwarder, and SRTP protect, each with
#      jitsi-srtp's AES on SunJCE and on OpenSSL. bench/report.sh turns it into the ratio tables.
#   2. Two members started here (ports below, never the defaults), then capacity ramps of `fanout` (subscribers on
#      the publisher's member) and `fanout-cross` (subscribers on the other member, through a pipe), 500 kbit/s video.
#   3. An end-to-end A/B of the AES backend at a fixed load: members restarted with sfu.media.srtp-aes = sunjce and
#      = auto, alternately, same subscribers, SFU CPU per delivered stream.
#   4. The chart (docs/capacity.svg unless BENCH_CHART says otherwise) and a summary (OUT/summary.md).
#
#   bench/run-all.sh [OUT_DIR]         default OUT_DIR: bench/results/run-<UTC time>
#
# Environment (defaults in brackets):
#   BENCH_HTTP_BASE [3300] BENCH_REMOTING_BASE [2750] BENCH_MANAGEMENT_BASE [8757] BENCH_MEDIA_BASE [40300]
#       member n (1, 2) listens on BASE + n
#   BENCH_RAMP_STEPS [25,50,100,150,200,300,400,500,600,800,1000,1200,1600]   subscribers per ramp step
#   BENCH_SECONDS [8]            measured seconds per step       BENCH_VIDEO_KBPS [500]
#   BENCH_MAX_P99_MS [20] BENCH_MAX_LOSS_PCT [0.5]   ramp limits (issue 8's); a step over them is measured twice
#   BENCH_AB_SUBSCRIBERS [100]   subscribers of the AES A/B      BENCH_SKIP_JMH / BENCH_SKIP_AB [unset]
#   BENCH_JMH ["-wi 5 -w 2s -i 3 -r 2s -f 1"]   BENCH_CHART [docs/capacity.svg]
#   SFU_JAVA_OPTS [-Xms64m -Xmx512m] (members, as ./sfu)   SFU_BENCH_JAVA_OPTS (load tool, as ./sfu bench)
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/results/run-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
HOST=127.0.0.1
HTTP_BASE="${BENCH_HTTP_BASE:-3300}"
REMOTING_BASE="${BENCH_REMOTING_BASE:-2750}"
MANAGEMENT_BASE="${BENCH_MANAGEMENT_BASE:-8757}"
MEDIA_BASE="${BENCH_MEDIA_BASE:-40300}"
RAMP_STEPS="${BENCH_RAMP_STEPS:-25,50,100,150,200,300,400,500,600,800,1000,1200,1600}"
SECONDS_PER_STEP="${BENCH_SECONDS:-8}"
VIDEO_KBPS="${BENCH_VIDEO_KBPS:-500}"
MAX_P99_MS="${BENCH_MAX_P99_MS:-20}"
MAX_LOSS_PCT="${BENCH_MAX_LOSS_PCT:-0.5}"
AB_SUBSCRIBERS="${BENCH_AB_SUBSCRIBERS:-100}"
JMH_OPTS="${BENCH_JMH:--wi 5 -w 2s -i 3 -r 2s -f 1}"
CHART="${BENCH_CHART:-$ROOT/docs/capacity.svg}"
MEMBER_OPTS="${SFU_JAVA_OPTS:--Xms64m -Xmx512m}"
NODE_JAR="$ROOT/cluster-node/target/sfu-node.jar"
BENCH_JAR="$ROOT/bench/target/sfu-bench.jar"
PIDS=()

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
machine_load() { printf 'load %s' "$(cut -d' ' -f1-3 /proc/loadavg)"; }

stop_members() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_members EXIT INT TERM

# start_members [extra JVM flags...]: members b1 (seed, hosts the publisher) and b2; waits until both are Up.
start_members() {
  local n port
  for n in 1 2; do
    for port in "$((HTTP_BASE + n))" "$((REMOTING_BASE + n))" "$((MANAGEMENT_BASE + n))"; do
      [[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] || { say "TCP port $port is taken"; exit 1; }
    done
    # Many clients from one address: the per-address quotas would refuse them (README, load tests).
    # shellcheck disable=SC2086
    SFU_LIMITS_ENABLED="${SFU_LIMITS_ENABLED:-off}" nohup java $MEMBER_OPTS "$@" -jar "$NODE_JAR" --id "b$n" --hostname "$HOST" --http-port "$((HTTP_BASE + n))" \
      --remoting-port "$((REMOTING_BASE + n))" --management-port "$((MANAGEMENT_BASE + n))" \
      --media-port "$((MEDIA_BASE + n))" --seed-nodes "$HOST:$((REMOTING_BASE + 1))" \
      >"$OUT/member-b$n.log" 2>&1 </dev/null &
    PIDS+=("$!")
  done
  for _ in $(seq 1 240); do
    local up
    up="$(curl -s --max-time 2 "http://$HOST:$((HTTP_BASE + 1))/api/sfu-nodes" 2>/dev/null \
      | jq '[.[] | select(.status == "Up")] | length' 2>/dev/null || echo 0)"
    [[ "$up" == 2 ]] && { say "members up (pids ${PIDS[*]}; $*)"; return; }
    sleep 0.5
  done
  say "members did not come up; see $OUT/member-b*.log"
  exit 1
}

# CPU ticks per thread group of a process ("name ticks", digits in thread names folded: media-3-1 -> media-N-N).
thread_ticks() {
  local task stat name
  for task in /proc/"$1"/task/*; do
    stat="$(cat "$task/stat" 2>/dev/null)" || continue
    name="${stat#*(}" name="${name%)*}"
    set -- $(echo "${stat##*) }")
    echo "$(echo "$name" | sed 's/[0-9]\+/N/g' | tr ' ' '_') $((${12} + ${13}))"
  done | awk '{t[$1] += $2} END {for (n in t) print n, t[n]}' | sort
}

# Where the members' CPU went between two thread_ticks snapshots: top thread groups, in cores.
thread_breakdown() {
  local before="$1" after="$2" seconds="$3"
  join -a2 -e0 -o 0,1.2,2.2 "$before" "$after" | awk -v s="$seconds" -v hz="$(getconf CLK_TCK)" \
    '{c = ($3 - $2) / hz / s; if (c >= 0.005) printf "%s %.3f\n", $1, c}' | sort -k2 -nr | head -12
}

load_tool() {
  # shellcheck disable=SC2086
  java ${SFU_BENCH_JAVA_OPTS:--Xms64m -Xmx1g} -cp "$BENCH_JAR" dev.sfu.bench.load.LoadTool "$@" \
    --target "http://$HOST:$((HTTP_BASE + 1)),http://$HOST:$((HTTP_BASE + 2))" \
    --server-pids "$(IFS=,; echo "${PIDS[*]}")"
}

main() {
  say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1); $(machine_load)"
  say "output in $OUT"
  if [[ ! -f "$NODE_JAR" || ! -f "$BENCH_JAR" || -n "$(cd "$ROOT" && find bench/src media-engine/src cluster-node/src \
        signaling-http/src src -type f -newer "$BENCH_JAR" -print -quit 2>/dev/null)" ]]; then
    say "building (mvn -B -q -DskipTests install)"
    (cd "$ROOT" && mvn -B -q -DskipTests install >"$OUT/build.log" 2>&1) || { say "build failed: $OUT/build.log"; exit 1; }
  fi

  # 1. JMH: SFU path vs minimal forwarder, SunJCE vs OpenSSL, in one run.
  if [[ -z "${BENCH_SKIP_JMH:-}" ]]; then
    say "JMH ($JMH_OPTS); $(machine_load)"
    # shellcheck disable=SC2086
    java -jar "$BENCH_JAR" 'FanOutBenchmark|MinimalForwarderBenchmark|SrtpBenchmark.protect' \
      -p consumers=10,100 -p stream=VIDEO -p aes=SunJCE,OpenSSL -p payloadSize=1200 $JMH_OPTS -prof gc \
      -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.txt" 2>&1 || { say "JMH failed: $OUT/jmh.txt"; exit 1; }
    "$ROOT/bench/report.sh" "$OUT/jmh.json" >"$OUT/jmh.md"
    say "JMH done; $(machine_load)"
  fi

  # 2. Capacity ramps, same member and cross member, on one pair of members.
  start_members
  # A short warm-up, so the first ramp step does not pay for the members' JIT compilation.
  load_tool fanout --subscribers 20 --seconds 5 --video-kbps "$VIDEO_KBPS" >"$OUT/warmup.out" 2>&1 || true
  for scenario in fanout fanout-cross; do
    say "ramp $scenario (steps $RAMP_STEPS, ${SECONDS_PER_STEP}s each, video $VIDEO_KBPS kbit/s, limits p99 $MAX_P99_MS ms loss $MAX_LOSS_PCT %); $(machine_load)"
    for n in 1 2; do thread_ticks "${PIDS[$((n - 1))]}" >"$OUT/$scenario-threads-b$n.before"; done
    started=$(date +%s)
    load_tool "$scenario" --ramp-steps "$RAMP_STEPS" --seconds "$SECONDS_PER_STEP" --video-kbps "$VIDEO_KBPS" \
      --max-p99-ms "$MAX_P99_MS" --max-loss-pct "$MAX_LOSS_PCT" --steps-file "$OUT/$scenario.jsonl" >"$OUT/$scenario.out" 2>"$OUT/$scenario.err" || true
    elapsed=$(($(date +%s) - started))
    for n in 1 2; do
      thread_ticks "${PIDS[$((n - 1))]}" >"$OUT/$scenario-threads-b$n.after"
      thread_breakdown "$OUT/$scenario-threads-b$n.before" "$OUT/$scenario-threads-b$n.after" "$elapsed" \
        >"$OUT/$scenario-threads-b$n.txt"
    done
    tail -1 "$OUT/$scenario.out" >"$OUT/$scenario.json"
    say "$scenario: $(jq -c '{capacitySubscribers, consumerStreams, p99Ms, cpuCores, streamsPerCore, rampEndedBy, error}' \
      "$OUT/$scenario.json" 2>/dev/null || tail -1 "$OUT/$scenario.out"); $(machine_load)"
  done
  stop_members

  # 3. AES backend A/B at a fixed load (members restarted for each run; alternating to spread drift).
  if [[ -z "${BENCH_SKIP_AB:-}" ]]; then
    : >"$OUT/aes-ab.jsonl"
    for aes in sunjce auto sunjce auto; do
      start_members "-Dsfu.media.srtp-aes=$aes"
      load_tool fanout --subscribers "$AB_SUBSCRIBERS" --seconds 10 --settle-seconds 8 --video-kbps "$VIDEO_KBPS" \
        >"$OUT/aes-$aes.out" 2>&1 || true
      tail -1 "$OUT/aes-$aes.out" | jq -c --arg aes "$aes" --arg load "$(machine_load)" \
        '{aes: $aes, load: $load, subscribers, consumerStreams, lossPct, p99Ms, cpuCores, streamsPerCore, toolCpuCores}' \
        >>"$OUT/aes-ab.jsonl" || true
      say "AES $aes: $(tail -1 "$OUT/aes-ab.jsonl")"
      stop_members
    done
  fi

  # 4. Chart and summary.
  java -cp "$BENCH_JAR" dev.sfu.bench.chart.CapacityChart "$CHART" \
    --title "Capacity ramp: 1 publisher (${VIDEO_KBPS} kbit/s video + audio), subscribers on the same member vs through a pipe" \
    --note "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')) shared by the SFU members AND the load tool; $(date -u +%Y-%m-%dT%H:%MZ); $(machine_load) at the end" \
    --max-p99-ms "$MAX_P99_MS" --max-loss-pct "$MAX_LOSS_PCT" "$OUT/fanout.jsonl" "$OUT/fanout-cross.jsonl" && cp "$CHART" "$OUT/capacity.svg"
  {
    echo "## Capacity ramps ($(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "| scenario | subs | streams | loss % | p50 ms | p99 ms | SFU cores | streams/core | tool cores | busiest SFU media thread | busiest tool thread | machine busy % | load | within | saturated |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for scenario in fanout fanout-cross; do
      [[ -f "$OUT/$scenario.jsonl" ]] && jq -r '"| \(.scenario) | \(.subscribers) | \(.consumerStreams) | \(.lossPct) | \(.p50Ms) | \(.p99Ms) | \(.cpuCores) | \(.streamsPerCore | if . == null then "–" else round end) | \(.toolCpuCores) | \(.sfuMediaThreadCores) | \(.toolBusiestThreadCores) | \(.machineBusyPct) | \(.loadAverage) | \(.within) | \(.bottleneck) |"' "$OUT/$scenario.jsonl"
    done
    echo
    for scenario in fanout fanout-cross; do
      [[ -f "$OUT/$scenario.json" ]] && echo "- $scenario: \`$(jq -c '{scenario, capacitySubscribers, consumerStreams, lossPct, p50Ms, p99Ms, cpuCores, streamsPerCore, toolCpuCores, rampEndedBy}' "$OUT/$scenario.json")\`"
    done
    echo
    echo "Where the members' CPU went over each whole ramp (joins included), cores per thread group (digits folded):"
    for scenario in fanout fanout-cross; do
      for n in 1 2; do
        [[ -s "$OUT/$scenario-threads-b$n.txt" ]] && echo "- $scenario, b$n: $(tr '\n' ' ' <"$OUT/$scenario-threads-b$n.txt" | sed 's/ $//; s/\([0-9]\) /\1, /g')"
      done
    done
    if [[ -s "$OUT/aes-ab.jsonl" ]]; then
      echo
      echo "## AES backend A/B, fanout, $AB_SUBSCRIBERS subscribers"
      echo
      echo "| aes | streams | loss % | p99 ms | SFU cores | streams/core | tool cores | load |"
      echo "|---|---:|---:|---:|---:|---:|---:|---|"
      jq -r '"| \(.aes) | \(.consumerStreams) | \(.lossPct) | \(.p99Ms) | \(.cpuCores) | \(.streamsPerCore | if . == null then "–" else round end) | \(.toolCpuCores) | \(.load) |"' "$OUT/aes-ab.jsonl"
    fi
    if [[ -f "$OUT/jmh.md" ]]; then
      echo
      echo "## JMH (same run)"
      echo
      cat "$OUT/jmh.md"
    fi
  } >"$OUT/summary.md"
  say "done: $OUT/summary.md, chart $CHART; $(machine_load)"
}

# Bash reads a script as it runs it: all of it is parsed first, so editing this file during a run is safe.
main "$@"
