#!/usr/bin/env bash
# Runs WBCSD's PACT conformance suite (V3.0) against `pcf serve` on loopback, twice:
#  1. the suite's command-line runner (BASE_URL CLIENT_ID SECRET): every test but the two callbacks (13 and 14.B), which its
#     command line cannot receive and reports as pending;
#  2. the suite's own service (its Express server on a throw-away PostgreSQL, eng/ci/postgres.sh), which receives the host's
#     callbacks at its /3/events and grades them: all 41 tests.
# The host is seeded with `pcf publish` (two products, one of them in two versions) into a temporary SQLite store.
#
#   bash eng/ci/conformance.sh            (needs the Release build of src/Pcf.Accounting.Cli, Node 20 and npm)
#
# The suite is looked for at ../shared/tools beside the checkout (PACT_CONFORMANCE_RUN overrides); without it the script
# says so and exits 0. PACT_CONFORMANCE_CACHE keeps the suite's npm packages between runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runner=${PACT_CONFORMANCE_RUN:-$root/../shared/tools/pact-conformance-run}
if [ ! -x "$runner" ]; then
  echo "pact conformance: skipped, the suite's runner is not at $runner"
  exit 0
fi
suite_src="$(cd "$(dirname "$(readlink -f "$runner")")/pact-conformance" && pwd)"

work=$(mktemp -d /tmp/pcf-conformance.XXXXXX)
export PACT_CONFORMANCE_CACHE=${PACT_CONFORMANCE_CACHE:-$work/suite}
host_pid=""; service_pid=""
cleanup() {
  local status=$?  # the script's own exit status, kept whatever the stopping below returns
  set +e
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  declare -F pg_stop >/dev/null && pg_stop
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

cli_dll="$root/src/Pcf.Accounting.Cli/bin/Release/net10.0/Pcf.Accounting.Cli.dll"
[ -f "$cli_dll" ] || dotnet build "$root/src/Pcf.Accounting.Cli/Pcf.Accounting.Cli.csproj" -c Release -nologo -v q
pcf() { dotnet "$cli_dll" "$@"; }

# --- 1. Seed: clients, then footprints shared with them.
store="sqlite:$work/footprints.db"
port=$(free_port); service_port=$(free_port)
secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
# The command-line runner's callbacks go to http://127.0.0.1:9 (nothing listens: they are retried, then abandoned);
# the service's go to its own /3/events, authenticated with the credentials its FAQ gives (test_client_id / test_client_secret).
pcf store client add conformance-cli --secret "$secret" --events-url http://127.0.0.1:9 --store "$store" >/dev/null
pcf store client add conformance --secret "$secret" --events-url "http://127.0.0.1:$service_port" \
  --events-client-id test_client_id --events-client-secret test_client_secret --store "$store" >/dev/null
share=(--share conformance-cli --share conformance)
pcf publish "$root/samples/steel-bracket.json" --product "$root/eng/ci/conformance/bracket.meta.json" --store "$store" "${share[@]}" >/dev/null
pcf publish "$root/samples/steel-bracket.json" --product "$root/eng/ci/conformance/bracket.meta.json" --store "$store" >/dev/null  # a second version
pcf publish "$root/samples/battery-cells-by-region.json" --product "$root/eng/ci/conformance/cells.meta.json" --store "$store" "${share[@]}" >/dev/null

# --- 2. The host, on loopback with an in-memory development certificate.
dotnet "$cli_dll" serve --store "$store" --urls "https://127.0.0.1:$port" --allow-insecure-loopback-events >"$work/host.log" 2>&1 &
host_pid=$!  # the dotnet process itself, so that stopping it stops the host
for _ in $(seq 1 120); do
  curl -skf "https://127.0.0.1:$port/.well-known/openid-configuration" >/dev/null 2>&1 && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; echo "pact conformance: the host did not start" >&2; exit 1; }
  sleep 0.5
done

# --- 3. The command-line runner: 39 tests graded at once, the 2 callbacks pending.
status=0
"$runner" "https://127.0.0.1:$port" conformance-cli "$secret" V3.0 >"$work/cli.log" 2>&1 || status=$?
sed 's/\x1b\[[0-9;]*m//g' "$work/cli.log" | grep -A1 -E "✗ Test Case" | head -40 || true
cli_line=$(tail -n 1 "$work/cli.log")
pending=$(grep -m1 -oE 'Pending: *[0-9]+' "$work/cli.log" | grep -oE '[0-9]+$' || echo "?")
echo "$cli_line (command-line runner; $pending callback tests pending, graded below)"
[ "$status" -eq 0 ] || { echo "pact conformance: the command-line runner failed (exit $status)" >&2; sed 's/\x1b\[[0-9;]*m//g' "$work/cli.log" | tail -60 >&2; exit 1; }

# --- 4. The suite's service, which receives the callbacks: all 41 tests.
source "$root/eng/ci/postgres.sh"
pg_start
( cd "$PACT_CONFORMANCE_CACHE" && export NODE_ENV=development PORT=$service_port DB_CONNECTION_STRING=$PCF_TEST_POSTGRES_URL \
    CONFORMANCE_API=http://127.0.0.1:$service_port JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))') \
    NODE_TLS_REJECT_UNAUTHORIZED=0 LOG_OUTPUT=console \
  && node node_modules/ts-node/dist/bin.js --transpile-only src/data/migrate.ts latest >"$work/migrate.log" 2>&1 \
  && exec node node_modules/ts-node/dist/bin.js --transpile-only src/server.ts ) >"$work/service.log" 2>&1 &
service_pid=$!  # exec: the node process itself
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$service_port/health-check" >/dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/migrate.log" "$work/service.log" >&2; echo "pact conformance: the suite's service did not start" >&2; exit 1; }
  sleep 0.5
done
body=$(printf '{"baseUrl":"https://127.0.0.1:%s","clientId":"conformance","clientSecret":"%s","version":"V3.0","organizationName":"Pcf.Accounting","adminEmail":"ci@example.com","adminName":"CI"}' "$port" "$secret")
run=$(curl -sf -X POST "http://127.0.0.1:$service_port/testruns/" -H 'Content-Type: application/json' -d "$body")
run_id=$(printf '%s' "$run" | python3 -c 'import json,sys; print(json.load(sys.stdin)["testRunId"])')
summary=""
for _ in $(seq 1 60); do  # the callbacks arrive within seconds; the suite's own limit for them is 30 s
  summary=$(curl -sf "http://127.0.0.1:$service_port/testruns/$run_id" | python3 -c '
import json, sys
r = json.load(sys.stdin)["results"]
passed = sum(1 for t in r if t["status"] == "SUCCESS"); failed = sum(1 for t in r if t["status"] == "FAILURE"); pending = sum(1 for t in r if t["status"] == "PENDING")
for t in r:
    if t["status"] != "SUCCESS": print("  " + t["status"] + " " + t["name"] + ": " + str(t.get("errorMessage", ""))[:300], file=sys.stderr)
print(passed, failed, pending, len(r))' 2>"$work/failures.txt")
  set -- $summary
  [ "${3:-1}" = 0 ] && break
  sleep 1
done
set -- $summary
cat "$work/failures.txt"
echo "pact conformance (V3.0, suite service with callbacks): $1 passed, $2 failed, $3 pending of $4"
[ "$2" = 0 ] && [ "$3" = 0 ] && [ "$1" -gt 0 ] || { echo "--- host log" >&2; tail -40 "$work/host.log" >&2; exit 1; }
