#!/usr/bin/env bash
# Runs the whole benchmark suite (about 10 minutes on 2 cores) from a clean build:
#   1. parsers: JMH, one thread, -prof gc, pricefeed and XChange-stream 5.2.0 on the same sample frames
#   2. end to end over loopback: emulator process -> one client process, saturation and 1k/20k/100k frames/s
#      (Binance: pricefeed with its defaults, pricefeed in its fastest documented configuration (pricefeed-fast),
#      XChange-stream, a reference: the JDK WebSocket client + pricefeed's parser alone, and jdk-floor: the JDK
#      WebSocket client alone, parsing nothing;
#      Coinbase Exchange: pricefeed, pricefeed-fast and XChange-stream)
#   3. recovery after a drop (pricefeed: 20 drops; XChange: 3, it waits 15 s each)
#   4. start to first tick of bin/pricefeed (skipped when the distribution cannot be built)
#   5. scale: 1,000 instruments over the four exchanges
# Raw results go to benchmarks/results/raw/, tables to benchmarks/results/RESULTS.md and into BENCHMARKS.md.
# Extra Maven arguments (such as -o) can be passed in MAVEN_ARGS. STEPS picks a subset (default: all of
# "parsers loopback recovery start scale"); results of the steps not run are kept from the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

RAW=benchmarks/results/raw
mkdir -p "$RAW"
STEPS=${STEPS:-parsers loopback recovery start scale}
step() { [[ " $STEPS " == *" $1 "* ]]; }
for s in parsers loopback recovery start scale; do
  if step "$s"; then rm -f "$RAW/$s"*.json; fi
done
started=$(date +%s)
startdate=$(date -u +%Y-%m-%dT%H:%M:%SZ)
log() { echo "[run.sh $(date +%T)] $*" >&2; }

log "building the benchmarks and the distribution"
# shellcheck disable=SC2086
if ! mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks,distribution -am package -DskipTests; then
  log "the distribution did not build; building the benchmarks alone (start-up will be skipped)"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi

CP="benchmarks/target/classes:benchmarks/target/lib/*"
JAVA=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
jvm=$(java -version 2>&1 | tr '\n' ' ' | sed 's/"/\\"/g; s/ *$//')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
load=$(cut -d' ' -f1-3 /proc/loadavg)
machine() {
  cat > "$RAW/machine.json" <<JSON
{
  "date": "$startdate",
  "commit": "$commit",
  "nproc": "$(nproc)",
  "memory": "$mem",
  "cpu": "$cpu",
  "jvm": "$jvm",
  "load average at start (1/5/15 min)": "$load",
  "load average at end (1/5/15 min)": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "duration": "$(( $(date +%s) - started )) s",
  "command": "STEPS='$STEPS' benchmarks/run.sh"
}
JSON
}
machine

if step parsers; then
  log "1/5 parsers (JMH: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, -prof gc)"
  "${JAVA[@]}" org.openjdk.jmh.Main "ParserBenchmark|XChangeParseBenchmark" -f 1 -wi 3 -w 1s -i 5 -r 1s \
    -prof gc -rf json -rff "$RAW/parsers.json" > "$RAW/parsers.txt"
fi

if step loopback; then
  log "2/5 end to end over loopback"
  for client in pricefeed pricefeed-fast xchange reference jdk-floor; do
    "${JAVA[@]}" -Xms512m -Xmx512m dev.pricefeed.benchmarks.loopback.LoopbackBenchmark "$client" \
      "$RAW/loopback-$client.json" binance
  done
  for client in pricefeed pricefeed-fast xchange; do
    "${JAVA[@]}" -Xms512m -Xmx512m dev.pricefeed.benchmarks.loopback.LoopbackBenchmark "$client" \
      "$RAW/loopback-coinbase-$client.json" coinbase
  done
fi

if step recovery; then
  log "3/5 recovery after a drop"
  "${JAVA[@]}" -Xmx256m dev.pricefeed.benchmarks.loopback.RecoveryBenchmark pricefeed \
    "$RAW/recovery-pricefeed.json" 20 3000 1000
  "${JAVA[@]}" -Xmx256m dev.pricefeed.benchmarks.loopback.RecoveryBenchmark pricefeed \
    "$RAW/recovery-pricefeed-unhealthy.json" 2 3000
  "${JAVA[@]}" -Xmx256m dev.pricefeed.benchmarks.loopback.RecoveryBenchmark xchange \
    "$RAW/recovery-xchange.json" 3 3000 2> "$RAW/recovery-xchange.log"
fi

if step start; then
  log "4/5 start to first tick"
  "${JAVA[@]}" -Xmx256m dev.pricefeed.benchmarks.loopback.StartBenchmark distribution/target/pricefeed \
    "$RAW/start.json" 5
fi

if step scale; then
  log "5/5 scale: 1,000 instruments"
  "${JAVA[@]}" -Xmx256m dev.pricefeed.benchmarks.loopback.ScaleBenchmark "$RAW/scale.json" 250 10 10 20
fi

machine
"${JAVA[@]}" dev.pricefeed.benchmarks.Report benchmarks/results BENCHMARKS.md > /dev/null
log "done in $(( $(date +%s) - started )) s: benchmarks/results/RESULTS.md and BENCHMARKS.md"
