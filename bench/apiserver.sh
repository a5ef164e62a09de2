#!/usr/bin/env bash
# API server benchmark: creates/s and gets/s with 16 concurrent HTTPS clients, p99 of creates paced at 1,000/s,
# watch delivery to 500 watchers and idle RSS, for the API server on sqlite and on memory and for fabric8's
# KubernetesMockServer (CRUD mode) as the peer, each in a child JVM. Extra arguments go to
# dev.jctl.runtime.bench.ApiServerBenchmark, e.g. `bench/apiserver.sh sqlite mock --requests 40000`.
# The load writes ConfigMaps; `--kind service` writes ClusterIP Services instead (each create allocates an IP), and
# `--paced-seconds 0` / `--watchers 0` skip the paced and watch phases, e.g.
# `bench/apiserver.sh sqlite --kind service --requests 2000 --warmup-seconds 0 --paced-seconds 0 --watchers 0`.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/cluster-runtime/target/apiserver-bench.classpath"
mvn -B -q -pl cluster-runtime -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -cp "cluster-runtime/target/classes:cluster-runtime/target/test-classes:$(cat "$classpath_file")" \
    dev.jctl.runtime.bench.ApiServerBenchmark "$@"
