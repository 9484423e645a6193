#!/usr/bin/env bash
# Mapping throughput per mapping language, one thread (= per core). Builds the mappings module's
# test classes (the XSLT system used here is test-only) and runs eu.focus.mappings.bench.MappingThroughput.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_CASE=${SECONDS_PER_CASE:-10}
./mvnw -q -pl mappings -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dspotless.check.skip=true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx512m -cp "mappings/target/test-classes:mappings/target/classes:$(cat mappings/target/classpath.txt)" \
  eu.focus.mappings.bench.MappingThroughput "$SECONDS_PER_CASE"
