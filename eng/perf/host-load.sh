#!/usr/bin/env bash
# A bounded load test of `pcf serve` on loopback: wrk (Debian package) with 50 connections for 30 s against ListFootprints
# (limit 10) and GetFootprint, over HTTPS with a bearer token. Prints wrk's figures (throughput, latency percentiles, errors)
# and the host's CPU time. Only 127.0.0.1 is ever addressed.
#
#   bash eng/perf/host-load.sh [CONNECTIONS] [SECONDS] [STORE]      (defaults: 50 30 sqlite in a temporary folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
connections=${1:-50}; seconds=${2:-30}
command -v wrk >/dev/null || { echo "host-load: wrk is missing (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/pcf-load.XXXXXX)
store=${3:-sqlite:$work/footprints.db}
host_pid=""
cleanup() { local status=$?; set +e; [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null; rm -rf "$work"; exit "$status"; }
trap cleanup EXIT
cli_dll="$root/src/Pcf.Accounting.Cli/bin/Release/net10.0/Pcf.Accounting.Cli.dll"
[ -f "$cli_dll" ] || dotnet build "$root/src/Pcf.Accounting.Cli/Pcf.Accounting.Cli.csproj" -c Release -nologo -v q
pcf() { dotnet "$cli_dll" "$@"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')

pcf store client add load --secret "$secret" --store "$store" >/dev/null
# 20 products: the bracket published under 20 product ids (the same calculation, different metadata).
for i in $(seq -w 1 20); do
  sed "s/bracket-400/bracket-4$i/" "$root/eng/ci/conformance/bracket.meta.json" >"$work/meta.json"
  pcf publish "$root/samples/steel-bracket.json" --product "$work/meta.json" --store "$store" --share load >/dev/null
done

DOTNET_gcServer=1 dotnet "$cli_dll" serve --store "$store" --urls "https://127.0.0.1:$port" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 120); do curl -skf "https://127.0.0.1:$port/.well-known/openid-configuration" >/dev/null 2>&1 && break; sleep 0.5; done
server_pid=$host_pid
token=$(curl -sk -u "load:$secret" -d grant_type=client_credentials "https://127.0.0.1:$port/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
id=$(curl -sk -H "Authorization: Bearer $token" "https://127.0.0.1:$port/3/footprints?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
# Warm-up (JIT, connection pools), not measured.
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "https://127.0.0.1:$port/3/footprints?limit=10" >/dev/null

cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks=$(getconf CLK_TCK)
for target in "/3/footprints?limit=10" "/3/footprints/$id"; do
  before=$(cpu)
  echo "== GET $target: $connections connections, ${seconds} s, 2 threads"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "https://127.0.0.1:$port$target"
  after=$(cpu)
  echo "host CPU time: $(python3 -c "print(round(($after - $before) / $ticks, 1))") s over ${seconds} s"
done
