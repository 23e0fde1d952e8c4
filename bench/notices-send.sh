#!/usr/bin/env bash
# notices send against a local SMTP server (GreenMail): generates a book of MEMBERS (20,000),
# runs its first night with the jar, sends the night's e-mail notices with the jar at an
# unreachable rate limit, and prints messages per second and that each arrived exactly once.
#   bench/notices-send.sh [MEMBERS=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work="bench/work/notices-send-${1:-20000}"; rm -rf "$work"
exec java -Xmx2g -cp "target/classes:target/test-classes:$cp" jp.refund.notice.NoticeSendBenchmark "${1:-20000}" "$work"
