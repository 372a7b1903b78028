#!/usr/bin/env bash
# All benchmarks behind one entry point, one table at the end (bench/README.md). Needs PostgreSQL at
# 127.0.0.1:5432 and, for `search` and `similar`, ../shared/data/legal-qa/qa.jsonl. Needs no `mvn install`.
#   bench/run.sh                       # intake storm fastagi search similar queue
#   bench/run.sh intake storm          # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench,knowledge-base-es-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
exec java -Xms2g -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.law12348.bench.Bench "$@"
