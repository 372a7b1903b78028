#!/usr/bin/env bash
# Knowledge-base search benchmark: Lucene (in this JVM) and the in-JVM Elasticsearch 7.10.2 node (in a
# child JVM) side by side in one run, one table. Needs no `mvn install`. See bench/README.md.
#   bench/kb-search-bench.sh [qa.jsonl] [questions]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench,knowledge-base-es-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
exec java -Xms1g -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    org.law12348.bench.KnowledgeSearchBench "${1:-../shared/data/legal-qa/qa.jsonl}" "${2:-300}" \
    knowledge-base-es-tests/target/classpath.txt
