#!/usr/bin/env bash
# Certificate rendering benchmark: certificates per second and size, the batch's way
# (font parsed once per thread, GSUB off, subset) against the naive way (font file
# loaded for every document), in the same run on the same threads.
#   bench/certificates.sh [N=2000] [THREADS=cores]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xms1g -Xmx2g -XX:+UseG1GC -cp "target/classes:target/test-classes:$cp" \
  jp.refund.certificate.CertificateBenchmark "${1:-2000}" "${2:-$(nproc)}"
