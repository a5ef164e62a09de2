#!/usr/bin/env bash
# Storage benchmark: creates/s and p50/p99 latency with 16 concurrent clients against the memory, sqlite and
# etcd stores (etcd is started on a free port when the binary is installed, else reported as skipped).
# Extra arguments go to dev.jctl.runtime.storage.StorageBenchmark, e.g. `bench/storage.sh sqlite --creates 100000`.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/cluster-runtime/target/storage-bench.classpath"
mvn -B -q -pl cluster-runtime -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -cp "cluster-runtime/target/classes:cluster-runtime/target/test-classes:$(cat "$classpath_file")" \
    dev.jctl.runtime.storage.StorageBenchmark "$@"
