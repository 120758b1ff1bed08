#!/bin/bash
# Assembles what the test image installs as /usr/lib/bootcj: the packaged bootc launcher layout
# (shell/target/bootc: bin/, lib/, share/) plus a jlinked Java runtime in runtime/, which the launcher prefers.
#
# Usage: bootc-dist.sh OUT LAUNCHER_DIR
# Then: build.sh image --bootc-dist OUT (installs it; /usr/bin/bootc -> ../lib/bootcj/bin/bootc).
set -euo pipefail

JDK_HOME=${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# java.net.http: registry client; java.logging: JLine; jdk.unsupported: JLine's signal handling;
# jdk.crypto.ec: TLS. java.sql and java.desktop are optional for Jackson, Gson and JLine and left out. Re-check with
#   jdeps --print-module-deps --ignore-missing-deps --multi-release 25 --module-path LIB LIB/*.jar
JLINK_MODULES=${JLINK_MODULES:-java.base,java.logging,java.net.http,jdk.unsupported,jdk.crypto.ec}

die() { printf 'bootc-dist.sh: %s\n' "$*" >&2; exit 1; }

out=${1-}
launcher=${2-}
[[ -n $out && -n $launcher ]] || die "usage: bootc-dist.sh OUT LAUNCHER_DIR"
[[ $out != / ]] || die "OUT must not be /"
[[ ! -e $out ]] || die "$out already exists"
[[ -x $launcher/bin/bootc && -d $launcher/lib ]] || die "not a launcher layout: $launcher (run mvn package)"
mkdir -p "$out"
cp -a "$launcher/bin" "$launcher/lib" "$out/"
[[ ! -d $launcher/share ]] || cp -a "$launcher/share" "$out/"
# The AOT caches belong to the JDK that trained them, not to the jlinked runtime.
rm -f "$out"/lib/*.aot "$out"/lib/*.aot.jdk
"$JDK_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime"
printf 'bootc-dist.sh: %s (%s)\n' "$out" "$(du -sh "$out" | cut -f1)" >&2
