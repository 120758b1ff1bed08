#!/bin/sh
# Writes HOME/lib/bootc.aot, the JDK's AOT cache for the launcher at HOME (run by Maven at package time).
# The training workload goes through the launcher itself (same JVM options, same module path): status in
# every format, help, and inspect deployment, on a small fixture sysroot built with the ostree CLI.
# Without the ostree CLI or a JDK that supports -XX:AOTCacheOutput (25+), it writes nothing and says so.
# Usage: train.sh HOME
set -eu
home=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$home/lib/bootc.aot" "$home/lib/bootc.aot.jdk"
if ! command -v ostree >/dev/null 2>&1; then
    echo "train.sh: no ostree CLI; not building the AOT cache" >&2
    exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bootcj-aot.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/make-sysroot.sh" "$work/sysroot"
s=$work/sysroot
cat > "$work/train.bootc" <<SCRIPT
status --sysroot $s
status --sysroot $s --format humanreadable
status --sysroot $s --format json
status --sysroot $s --format yaml --booted
status --help
help
inspect deployment booted --sysroot $s
SCRIPT
# The training run must not read a cache itself: the launcher passes -XX:AOTCache only when the file exists.
if ! BOOTC_JAVA_OPTS="-XX:AOTCacheOutput=$home/lib/bootc.aot -Xlog:aot=error" \
        OSTREE_SYSROOT_DEBUG=mutable-deployments "$home/bin/bootc" shell -f "$work/train.bootc" \
        >"$work/out.txt" 2>"$work/err.txt"; then
    echo "train.sh: training run failed:" >&2
    cat "$work/err.txt" >&2
    rm -f "$home/lib/bootc.aot"
    exit 1
fi
if [ ! -f "$home/lib/bootc.aot" ]; then
    echo "train.sh: the JVM wrote no AOT cache:" >&2
    cat "$work/err.txt" >&2
    exit 1
fi
# Which JDK the cache belongs to (the launcher uses the cache only with that one). The training run used the
# launcher's own choice of JDK: JAVA_HOME when it is 22 or newer.
grep '^JAVA_RUNTIME_VERSION=' "${JAVA_HOME:?JAVA_HOME must name the JDK that runs the build}/release" \
    > "$home/lib/bootc.aot.jdk"
