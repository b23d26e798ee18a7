#!/usr/bin/env bash
# The one-hour soak (issue 12): the four exchange emulators at 10,000 numbered frames/s in total, one feed per
# exchange, a seeded random drop every 30-90 s, a hung peer every 10 minutes, slow-listener phases; a row of heap
# after GC, threads, file descriptors, live subscriptions and lost frames every minute, written to SOAK.md (rewritten
# after every row, verdict at the end).
#   benchmarks/soak.sh [duration=60m] [report=SOAK.md] [seed=42] [frames/s=10000]
# Extra Maven arguments (such as -o) can be passed in MAVEN_ARGS; SKIP_BUILD=1 uses the classes already built.
# The class path is copied first, so rebuilding the project while the soak runs does not disturb it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60m}
report=${2:-SOAK.md}
seed=${3:-42}
rate=${4:-10000}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi
run=benchmarks/target/soak-run
rm -rf "$run"
mkdir -p "$run"
cp -r benchmarks/target/classes "$run/classes"
cp -r benchmarks/target/lib "$run/lib"
echo "[soak.sh $(date -u +%T)] soak of $duration at $rate frames/s, seed $seed, report $report" >&2
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.dev.pricefeed.benchmarks.soak=info \
  -cp "$run/classes:$run/lib/*" dev.pricefeed.benchmarks.soak.SoakMain "$duration" "$report" "$seed" "$rate"
