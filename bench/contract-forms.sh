#!/usr/bin/env bash
# What each channel's translation of contract v1 costs per submission, one thread (= per core):
# JSON Schema validation (REST), XML both ways and XSD validation (SOAP), FHIR both ways and profile
# validation (FHIR). Runs eu.focus.contract.bench.ContractFormsThroughput from the contracts module.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_CASE=${SECONDS_PER_CASE:-10}
./mvnw -q -pl contracts test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dspotless.check.skip=true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx512m -cp "contracts/target/test-classes:contracts/target/classes:$(cat contracts/target/classpath.txt)" \
  eu.focus.contract.bench.ContractFormsThroughput "$SECONDS_PER_CASE"
