#!/bin/bash
# Assembles what the test image installs as /usr/lib/bootcj: a jlinked Java runtime, the jars and a launcher.
#
# Usage: bootc-dist.sh OUT JAR...
#   OUT/runtime   jlink of $JDK_HOME with $JLINK_MODULES
#   OUT/lib       the jars (class path)
#   OUT/bin/bootc launcher: /usr/lib/bootcj/runtime/bin/java ... $BOOTCJ_MAIN_CLASS "$@"
# Then: build.sh image --bootc-dist OUT (installs it, /usr/bin/bootc -> ../lib/bootcj/bin/bootc).
set -euo pipefail

JDK_HOME=${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# jdeps --print-module-deps over core + Jackson + SLF4J + JLine gave java.base,java.desktop,java.sql; java.desktop
# (java.beans, 12 MB) is optional for Jackson and left out; java.net.http (registry client), java.logging (JLine)
# and jdk.unsupported are needed at run time without being visible to jdeps. Re-check with:
#   jdeps --print-module-deps --ignore-missing-deps --multi-release 25 --class-path "$CP" JARS...
JLINK_MODULES=${JLINK_MODULES:-java.base,java.logging,java.net.http,java.sql,jdk.unsupported,jdk.crypto.ec}
BOOTCJ_MAIN_CLASS=${BOOTCJ_MAIN_CLASS:-dev.bootcj.shell.Main}

die() { printf 'bootc-dist.sh: %s\n' "$*" >&2; exit 1; }

out=${1-}
shift || true
[[ -n $out ]] || die "usage: bootc-dist.sh OUT JAR..."
[[ $out != / ]] || die "OUT must not be /"
(($# > 0)) || die "give at least one jar"
[[ ! -e $out ]] || die "$out already exists"
for jar in "$@"; do
  [[ -f $jar ]] || die "not a file: $jar"
done
mkdir -p "$out/lib" "$out/bin"
"$JDK_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime"
cp "$@" "$out/lib/"
cat > "$out/bin/bootc" <<LAUNCHER
#!/bin/sh
# C1 only and the serial collector: a short-lived command on a small (often emulated) machine.
exec /usr/lib/bootcj/runtime/bin/java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \\
  -cp '/usr/lib/bootcj/lib/*' $BOOTCJ_MAIN_CLASS "\$@"
LAUNCHER
chmod 0755 "$out/bin/bootc"
printf 'bootc-dist.sh: %s (%s)\n' "$out" "$(du -sh "$out" | cut -f1)" >&2
