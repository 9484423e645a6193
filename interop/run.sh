#!/usr/bin/env bash
# Interop suite: starts the built gateway on its embedded demo default and drives it with clients and
# linters nobody on the project wrote (see interop/README.md). Called by .ci/run after ./mvnw verify;
# alone: ./mvnw -DskipTests package && bash interop/run.sh
# Extra arguments go to `node --test` (e.g. a file: bash interop/run.sh soap.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/demo/target/focus-demo.jar"
HEALTH_TIMEOUT=${INTEROP_HEALTH_TIMEOUT:-300}

fail() {
  echo "interop: $*" >&2
  exit 1
}

# --- tools -------------------------------------------------------------------------------------
for tool in node npm java; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed; the interop suite needs Node.js >= 20.19 with npm, and a JDK 17+"
done
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  fail "Node.js >= 20.19 is needed (found $(node --version))"
if ! command -v xmllint >/dev/null; then
  echo "interop: installing xmllint (Debian package libxml2-utils)"
  [ "$(id -u)" = 0 ] || fail "xmllint is missing and this is not root: apt-get install libxml2-utils"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils; } >/dev/null ||
    fail "could not install libxml2-utils"
fi
command -v xmllint >/dev/null || fail "xmllint is still missing after installing libxml2-utils"
[ -f "$JAR" ] || fail "$JAR is missing: build it first (./mvnw -DskipTests package)"

(cd interop && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in interop/"
for bin in redocly spectral; do
  [ -x "interop/node_modules/.bin/$bin" ] || fail "'$bin' is missing from interop/node_modules after npm ci"
done
(cd interop && node -e 'Promise.all(["soap","fhir-kit-client","@xmldom/xmldom"].map(m=>import(m))).catch(e=>{console.error(e.message);process.exit(1)})') ||
  fail "a client library is missing from interop/node_modules after npm ci"

# --- the gateway: demo profile, free ports, a fresh working directory (./data) -----------------
read -r PORT SIM_PORT SOAP_PORT FHIR_PORT CONTRACT_SOAP_PORT CONTRACT_FHIR_PORT < <(node -e '
const net = require("net");
const one = () => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
(async () => { const ports = new Set(); while (ports.size < 6) ports.add(await one()); console.log([...ports].join(" ")); })();')
WORK=$(mktemp -d -t focus-interop.XXXXXX)
LOG="$WORK/gateway.log"
BASE="http://127.0.0.1:$PORT"
GW_PID=""
STARTED=false

stop_gateway() {
  local rc=$?
  if [ -n "$GW_PID" ] && kill -0 "$GW_PID" 2>/dev/null; then
    kill "$GW_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$GW_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$GW_PID" 2>/dev/null || true
    wait "$GW_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] && [ -f "$LOG" ]; then
    if [ "$STARTED" = true ]; then
      echo "interop: errors in the gateway log (all of it is kept at $LOG):" >&2
      grep -E ' (ERROR|WARN) ' "$LOG" | tail -n 40 >&2 || true
    else
      echo "interop: gateway log (last 80 lines; all of it is kept at $LOG):" >&2
      tail -n 80 "$LOG" >&2
    fi
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap stop_gateway EXIT
trap 'exit 130' INT TERM

echo "interop: starting the gateway (demo profile) on $BASE in $WORK"
(
  cd "$WORK"
  PORT=$PORT FOCUS_DEMO_SIMULATOR_PORT=$SIM_PORT FOCUS_DEMO_SOAP_PORT=$SOAP_PORT FOCUS_DEMO_FHIR_PORT=$FHIR_PORT \
    FOCUS_DEMO_CONTRACT_SOAP_PORT=$CONTRACT_SOAP_PORT FOCUS_DEMO_CONTRACT_FHIR_PORT=$CONTRACT_FHIR_PORT \
    exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" --spring.profiles.active=demo
) >"$LOG" 2>&1 &
GW_PID=$!

deadline=$(($(date +%s) + HEALTH_TIMEOUT))
until node -e 'fetch(process.argv[1]).then(r=>r.json()).then(h=>process.exit(h.status==="UP"?0:1),()=>process.exit(1))' "$BASE/actuator/health"; do
  kill -0 "$GW_PID" 2>/dev/null || fail "the gateway exited during start-up"
  [ "$(date +%s)" -lt "$deadline" ] || fail "the gateway was not UP on $BASE/actuator/health within ${HEALTH_TIMEOUT}s"
  sleep 2
done
STARTED=true
echo "interop: gateway UP after $((HEALTH_TIMEOUT - deadline + $(date +%s)))s"

# --- the checks ----------------------------------------------------------------------------------
cd interop
if [ "$#" -eq 0 ]; then
  set -- openapi.test.mjs soap.test.mjs fhir.test.mjs
fi
FOCUS_BASE_URL=$BASE node --test --test-reporter=spec --test-timeout=180000 "$@"
