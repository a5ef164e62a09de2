#!/usr/bin/env bash
# Patch engine benchmark: parse + three-way strategic merge patch of one typical ~3 KB Deployment, and of 1,000
# varied manifests, on one thread (dev.jctl.diff.bench.PatchEngineBenchmark). Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/diff-engine/target/patch-bench.classpath"
mvn -B -q -pl diff-engine test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -XX:ActiveProcessorCount=1 \
    -cp "diff-engine/target/classes:diff-engine/target/test-classes:$(cat "$classpath_file")" \
    dev.jctl.diff.bench.PatchEngineBenchmark "$@"
