#!/usr/bin/env bash
# The Merkle audit log on a large log: inclusion proofs (algorithm alone, and from the database with
# one query), sequencer throughput and the database verifier. Runs
# eu.focus.gateway.audit.merkle.MerkleLogBenchmark from the gateway module's test classes.
#   ENTRIES=1000000 REAL_ENTRIES=100000 DATABASE=h2|postgres bench/merkle-log.sh
# REAL_ENTRIES go through AuditLog and the sequencer; the tree is then grown to ENTRIES leaves with
# synthetic leaf hashes written straight into the node table (proofs need only the nodes).
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES=${ENTRIES:-1000000}
REAL_ENTRIES=${REAL_ENTRIES:-100000}
DATABASE=${DATABASE:-h2}
./mvnw -q -o -pl gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx2g -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/classpath.txt)" \
  eu.focus.gateway.audit.merkle.MerkleLogBenchmark "$ENTRIES" "$DATABASE" "$REAL_ENTRIES"
