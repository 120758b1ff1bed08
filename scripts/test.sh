#!/usr/bin/env bash
# Runs every test from a fresh checkout: installs what is needed, builds, and runs the unit, native, shell
# and end-to-end suites (Maven Surefire). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
scripts/setup.sh
exec mvn -B -ntp verify "$@"
