#!/usr/bin/env bash
# The fuzz smoke run of CI (docs/reliability.md): a regression guard, reproducible, about two minutes in all.
#   1. The in-process loop of fuzz/Pcf.Accounting.Fuzz on every harness for a fixed number of executions each (the harness's
#      own count times FUZZ_SCALE, default 1) from a fixed seed (FUZZ_SEED, default 1): the same commit runs the same inputs
#      on every machine, whatever its speed.
#   2. afl-fuzz (Debian's afl++, installed when absent and the machine runs as root) over SharpFuzz-instrumented
#      assemblies, on the pcf-system/1 reader, for about FUZZ_AFL_EXECUTIONS executions (default 200,000; afl-fuzz -E) from
#      the fixed seed (afl-fuzz -s): fuzz/afl.sh.
# Exits 1 when either finds a crash, a hang, an unclear message or a violation; the inputs are kept under $FUZZ_FINDINGS
# (default: a temporary folder, printed). A machine without afl-fuzz (and without root to install it) runs step 1 only, and says so.
# Discovery is the long runs' work (fuzz/afl.sh TARGET 1000000), not CI's.
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${FUZZ_SEED:-1}
scale=${FUZZ_SCALE:-1}
afl_executions=${FUZZ_AFL_EXECUTIONS:-200000}
findings=${FUZZ_FINDINGS:-$(mktemp -d -t pcf-fuzz-XXXXXX)}
mkdir -p "$findings"
started=$(date +%s)

dotnet build fuzz/Pcf.Accounting.Fuzz/Pcf.Accounting.Fuzz.csproj -c Release -warnaserror -nologo -v q
bin=fuzz/Pcf.Accounting.Fuzz/bin/Release/net10.0

status=0
dotnet "$bin/Pcf.Accounting.Fuzz.dll" smoke --seed "$seed" --scale "$scale" --findings "$findings/loop" || status=1

if ! command -v afl-fuzz >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends afl++ >/dev/null 2>&1 || true
fi

if command -v afl-fuzz >/dev/null 2>&1; then
  AFL_OUT="$findings/afl" fuzz/afl.sh system "$afl_executions" "$seed" || status=1
else
  echo "fuzz afl: afl-fuzz is not installed (apt-get install afl++); the in-process loop ran alone"
fi

echo "fuzz smoke: $([ $status -eq 0 ] && echo clean || echo "FINDINGS under $findings"); $(( $(date +%s) - started )) s"
exit $status
