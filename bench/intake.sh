#!/usr/bin/env bash
# Intake benchmark: starts the built gateway (demo profile, simulated recipients) on a fresh H2
# database, submits contract example 01 with wrk for DURATION at CONNECTIONS, and prints the
# throughput and the state of the outbox afterwards. Needs: ./mvnw -DskipTests package, and wrk
# (apt-get install wrk). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18080}
SIM_PORT=${SIM_PORT:-18089}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

(cd "$work" && exec java -Xmx512m -jar "$OLDPWD/demo/target/focus-demo.jar" \
  --spring.profiles.active=demo --server.port=$PORT --focus.demo.simulators.port=$SIM_PORT \
  --logging.level.root=WARN >"$work/gateway.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
export FOCUS_TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/demo/token?agency=ro-police" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
EXAMPLE=contracts/src/main/resources/focus/contract/v1/examples/01-ro-victim-sexual-abuse.submission.json

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
# warm-up, then the measured run
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/intake.lua "http://127.0.0.1:$PORT" -- "$EXAMPLE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/intake.lua "http://127.0.0.1:$PORT" -- "$EXAMPLE"
# how long the outbox takes to deliver what was accepted (simulated recipients answer at once)
metric() { curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | awk -v m="$1" '$0 ~ "^"m {print int($2)}'; }
received=$(metric 'focus_exchanges_received_total')
start=$(date +%s)
until [ "$(metric 'focus_deliveries_total\\{outcome="delivered"')" -ge "$received" ]; do
  sleep 1
  [ $(( $(date +%s) - start )) -gt 600 ] && { echo "outbox not drained after 600 s"; break; }
done
echo "accepted $received submissions; outbox drained $(( $(date +%s) - start )) s after the load stopped"
curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | grep -E '^focus_(exchanges|deliveries)' || true
