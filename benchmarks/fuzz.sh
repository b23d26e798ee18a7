#!/usr/bin/env bash
# Fuzzes every Jazzer target in turn (each until its @FuzzTest maxExecutions, 10 million inputs, or its maxDuration)
# and prints libFuzzer's count of inputs run and the seconds per target, with the load average at the end:
#   benchmarks/fuzz.sh [target ...]     targets as module:TestClass, default: all of them
# Findings (crashing inputs) are written by Jazzer next to the stored inputs, in src/test/resources/**/<Test>Inputs/,
# so they replay in mvn verify once the bug is fixed; the generated corpus goes to .cifuzz-corpus/ (not committed).
# Extra Maven arguments (such as -o) can be passed in MAVEN_ARGS.
set -uo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(exchange-kraken:KrakenParserFuzzTest exchange-binance:BinanceParserFuzzTest
    exchange-kucoin:KuCoinParserFuzzTest exchange-coinbase:CoinbaseParserFuzzTest
    distribution:RecordedFrameFuzzTest core:DurationFuzzTest core:InstrumentFuzzTest core:ConfigurationFuzzTest)
fi
mkdir -p benchmarks/target/fuzz
for target in "${targets[@]}"; do
  module=${target%%:*}
  test=${target#*:}
  log=benchmarks/target/fuzz/$test.log
  # shellcheck disable=SC2086
  JAZZER_FUZZ=1 mvn -B ${MAVEN_ARGS:-} test -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djacoco.skip=true > "$log" 2>&1
  status=$?
  report=$(ls "$module"/target/surefire-reports/*"$test"-output.txt 2>/dev/null | head -1)
  done_line=$(grep -ho 'Done [0-9]* runs in [0-9]* second' "$log" ${report:+"$report"} | tail -1)
  runs=$(echo "$done_line" | awk '{print $2}')
  seconds=$(echo "$done_line" | awk '{print $5}')
  findings=$(grep -c 'FuzzTestFindingException' "$log")
  echo "$test: ${runs:-?} inputs in ${seconds:-?} s, ${findings:-0} findings, maven exit $status, finished $(date -u +%H:%M:%S)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) (log: $log)"
done
