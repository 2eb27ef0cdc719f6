#!/usr/bin/env bash
# The fuzz smoke run of CI (docs/reliability.md): a fixed budget of about two minutes in all.
#   1. The in-process loop of fuzz/Pcf.Accounting.Fuzz on every harness, FUZZ_SECONDS each (default 8 s x 9 harnesses).
#   2. afl-fuzz (Debian's afl++, installed when absent and the machine runs as root) over SharpFuzz-instrumented
#      assemblies, on the pcf-system/1 reader for FUZZ_AFL_SECONDS (default 30 s).
# Exits 1 when either finds a crash, a hang, an unclear message or a violation; the inputs are kept under $FUZZ_FINDINGS
# (default: a temporary folder, printed). A machine without afl-fuzz (and without root to install it) runs step 1 only, and says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-8}
afl_seconds=${FUZZ_AFL_SECONDS:-30}
findings=${FUZZ_FINDINGS:-$(mktemp -d -t pcf-fuzz-XXXXXX)}
mkdir -p "$findings"
started=$(date +%s)

dotnet build fuzz/Pcf.Accounting.Fuzz/Pcf.Accounting.Fuzz.csproj -c Release -warnaserror -nologo -v q
bin=fuzz/Pcf.Accounting.Fuzz/bin/Release/net10.0

status=0
dotnet "$bin/Pcf.Accounting.Fuzz.dll" smoke --seconds "$seconds" --findings "$findings/loop" || status=1

if ! command -v afl-fuzz >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends afl++ >/dev/null 2>&1 || true
fi

if command -v afl-fuzz >/dev/null 2>&1; then
  work=$(mktemp -d -t pcf-afl-XXXXXX)
  dotnet tool install --tool-path "$work/tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
  cp -r "$bin" "$work/bin"
  # Instrument the library under test (SharpFuzz rewrites its IL with afl's coverage hooks).
  "$work/tools/sharpfuzz" "$work/bin/Pcf.Accounting.dll"
  # -V: stop after the budget; -t: a run past 10 s is a hang (the first one starts the library); memory is the runtime's (-m none).
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    afl-fuzz -V "$afl_seconds" -i fuzz/corpus/system -o "$findings/afl" -t 10000 -m none -- \
    dotnet "$work/bin/Pcf.Accounting.Fuzz.dll" afl system >"$findings/afl.log" 2>&1 || true
  stats=$(find "$findings/afl" -name fuzzer_stats 2>/dev/null | head -1 || true)
  if [ -z "$stats" ]; then
    echo "fuzz afl: afl-fuzz did not start (see $findings/afl.log)" >&2
    tail -20 "$findings/afl.log" >&2 || true
    status=1
  else
    crashes=$(find "$findings/afl" -path '*/crashes/id:*' 2>/dev/null | wc -l)
    hangs=$(find "$findings/afl" -path '*/hangs/id:*' 2>/dev/null | wc -l)
    execs=$(awk -F: '/^execs_done/ { gsub(/ /, "", $2); print $2 }' "$stats")
    echo "fuzz afl system: $execs executions, $crashes crashes, $hangs hangs (afl-fuzz, $afl_seconds s)"
    if [ "$crashes" -ne 0 ] || [ "$hangs" -ne 0 ]; then status=1; fi
  fi
  rm -rf "$work"
else
  echo "fuzz afl: afl-fuzz is not installed (apt-get install afl++); the in-process loop ran alone"
fi

echo "fuzz smoke: $([ $status -eq 0 ] && echo clean || echo "FINDINGS under $findings"); $(( $(date +%s) - started )) s"
exit $status
