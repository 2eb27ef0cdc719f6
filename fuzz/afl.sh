#!/usr/bin/env bash
# One afl-fuzz run of one harness over SharpFuzz-instrumented assemblies (docs/reliability.md, "Running longer").
#   fuzz/afl.sh TARGET [EXECUTIONS] [SEED]
# Builds nothing: run `dotnet build fuzz/Pcf.Accounting.Fuzz -c Release` first. Instruments every assembly of the library
# that the harness exercises, runs afl-fuzz until about EXECUTIONS executions (default 1,000,000; afl-fuzz -E) with a fixed
# RNG seed (default 1; afl-fuzz -s), and prints one line: executions, crashes, hangs, wall time, the command.
# The findings stay under $AFL_OUT (default /tmp/pcf-afl-TARGET); exit 1 when afl-fuzz saved a crash or a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/afl.sh TARGET [EXECUTIONS] [SEED]}
executions=${2:-1000000}
seed=${3:-1}
out=${AFL_OUT:-/tmp/pcf-afl-$target}
bin=fuzz/Pcf.Accounting.Fuzz/bin/Release/net10.0
[ -f "$bin/Pcf.Accounting.Fuzz.dll" ] || { echo "fuzz/afl.sh: build fuzz/Pcf.Accounting.Fuzz -c Release first" >&2; exit 2; }

# The assemblies whose code the harness runs: the core always, and the package of the reader.
case "$target" in
  pact | pact-event | product-metadata) assemblies="Pcf.Accounting.dll Pcf.Accounting.Pact.dll" ;;
  cli) assemblies="Pcf.Accounting.dll Pcf.Accounting.Cli.dll" ;;
  template-params) assemblies="Pcf.Accounting.dll Pcf.Accounting.Templates.dll" ;;
  *) assemblies="Pcf.Accounting.dll" ;;
esac
corpus=fuzz/corpus/$target
[ "$target" = cli ] && corpus=fuzz/corpus/system

work=$(mktemp -d -t pcf-afl-bin-XXXXXX)
trap 'rm -rf "$work"' EXIT
tools=${SHARPFUZZ_TOOLS:-$work/tools}
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi
cp -r "$bin" "$work/bin"
for a in $assemblies; do "$tools/sharpfuzz" "$work/bin/$a" >/dev/null; done

rm -rf "$out"
started=$(date +%s)
# -t: an execution past 10 s is a hang (the first one sets the library up); -m none: memory is the runtime's.
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  afl-fuzz -s "$seed" -E "$executions" -i "$corpus" -o "$out" -t 10000 -m none -- \
  dotnet "$work/bin/Pcf.Accounting.Fuzz.dll" afl "$target" >"$out.log" 2>&1 || true
stats=$(find "$out" -name fuzzer_stats 2>/dev/null | head -1 || true)
if [ -z "$stats" ]; then
  echo "fuzz afl $target: afl-fuzz did not start (see $out.log)" >&2
  tail -20 "$out.log" >&2 || true
  exit 1
fi
crashes=$(find "$out" -path '*/crashes/id:*' 2>/dev/null | wc -l)
hangs=$(find "$out" -path '*/hangs/id:*' 2>/dev/null | wc -l)
execs=$(awk -F: '/^execs_done/ { gsub(/ /, "", $2); print $2 }' "$stats")
version=$(awk -F: '/^afl_version/ { gsub(/ /, "", $2); print $2 }' "$stats")
echo "fuzz afl $target: $execs executions, $crashes crashes, $hangs hangs; afl-fuzz $version -s $seed -E $executions; $(( $(date +%s) - started )) s wall; instrumented: $assemblies; findings under $out"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
