#!/bin/sh
# Writes HOME/lib/status.aot and HOME/lib/bootc.aot, the JDK's AOT caches for the launcher at HOME (run by Maven at
# package time). The JVM loads every class of a cache at start-up, so the short verbs the launcher maps to `status`
# (status, help, --version) get a small cache trained on just them; the other verbs share one trained on the shell,
# status, help and inspect. Training goes through the launcher itself (same JVM options, same module path) on a
# small fixture sysroot built with the ostree CLI. Without the ostree CLI or a JDK that supports
# -XX:AOTCacheOutput (25+), it writes nothing and says so.
# Usage: train.sh HOME
set -eu
home=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$home"/lib/*.aot "$home"/lib/*.aot.jdk
if ! command -v ostree >/dev/null 2>&1; then
    echo "train.sh: no ostree CLI; not building the AOT caches" >&2
    exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bootcj-aot.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/make-sysroot.sh" "$work/sysroot"
s=$work/sysroot

# train NAME EXTRA_JVM_OPTIONS: runs $work/NAME.bootc through the launcher, writing lib/NAME.aot.
# The training run must not read a cache itself: the launcher passes -XX:AOTCache only when the file exists, so
# the caches are trained before either exists (train.sh removed them above).
train() {
    name=$1
    if ! BOOTC_JAVA_OPTS="-XX:AOTCacheOutput=$home/lib/$name.aot -Xlog:aot=error $2" \
            OSTREE_SYSROOT_DEBUG=mutable-deployments "$home/bin/bootc" shell -f "$work/$name.bootc" \
            >"$work/out.txt" 2>"$work/err.txt"; then
        echo "train.sh: training run for $name.aot failed:" >&2
        cat "$work/err.txt" >&2
        rm -f "$home/lib/$name.aot"
        exit 1
    fi
    if [ ! -f "$home/lib/$name.aot" ]; then
        echo "train.sh: the JVM wrote no AOT cache $name.aot:" >&2
        cat "$work/err.txt" >&2
        exit 1
    fi
}

# The status group runs with C1 only (see the launcher); its cache is trained the same way.
cat > "$work/status.bootc" <<SCRIPT
status --sysroot $s
status --sysroot $s --format humanreadable
status --sysroot $s --format json
status --sysroot $s --format yaml --booted
status --help
help
help status
SCRIPT
cat > "$work/bootc.bootc" <<SCRIPT
status --sysroot $s
status --sysroot $s --format humanreadable
status --sysroot $s --format json
help
inspect deployment booted --sysroot $s
SCRIPT
train status "-XX:TieredStopAtLevel=1 -XX:-UsePerfData"
mv "$home/lib/status.aot" "$work/status.aot"
train bootc ""
mv "$work/status.aot" "$home/lib/status.aot"

# Which JDK the caches belong to (the launcher uses a cache only with that one). The training runs used the
# launcher's own choice of JDK: JAVA_HOME when it is 22 or newer.
for name in status bootc; do
    grep '^JAVA_RUNTIME_VERSION=' "${JAVA_HOME:?JAVA_HOME must name the JDK that runs the build}/release" \
        > "$home/lib/$name.aot.jdk"
done
