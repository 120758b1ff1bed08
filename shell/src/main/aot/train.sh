#!/bin/sh
# Writes the JDK's AOT caches for the launcher at HOME (run by Maven at package time); the JVM loads every class of
# a cache at start-up, so each group of verbs gets one trained on just its own work:
# - lib/status-human.aot (human-readable status, help, --version) and lib/status-machine.aot (status in YAML and
#   JSON): status on a small fixture sysroot, and help; split by format because status in one format does not need
#   the other's classes (no Jackson or YAML emitter for the human-readable text);
# - lib/bootc.aot (the shell and the other short verbs): status, help and inspect deployment;
# - lib/bootc-import.aot (the verbs that import): `image pull` of a generated two-layer image (make-image.sh)
#   into three fresh bare repositories, so an import's per-file code has run about as often as in a real rootfs
#   layer when the profiles are taken.
# Training goes through the launcher itself (same JVM options, same module path); the fixture sysroot is built
# with the ostree CLI. Without the ostree CLI or a JDK that supports -XX:AOTCacheOutput (25+), it writes nothing
# and says so.
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
"$here/make-sysroot.sh" "$work/minimal" minimal
s=$work/sysroot
m=$work/minimal
cat > "$work/status-human.bootc" <<SCRIPT
status --sysroot $m --format humanreadable
status --sysroot $s --format humanreadable
status --sysroot $s --format humanreadable --booted
status --help
help
help status
SCRIPT
cat > "$work/status-machine.bootc" <<SCRIPT
status --sysroot $m
status --sysroot $s
status --sysroot $s --format json
status --sysroot $s --format yaml --booted
SCRIPT
cat > "$work/bootc.bootc" <<SCRIPT
status --sysroot $s
status --sysroot $s --format humanreadable
status --sysroot $s --format json
help
inspect deployment booted --sysroot $s
SCRIPT
"$here/make-image.sh" "$work/image"
for i in 1 2 3; do
    ostree init --repo="$work/repo$i" --mode=bare
    echo "image pull --quiet --transport oci --repo $work/repo$i $work/image/oci:train" >> "$work/bootc-import.bootc"
done

# train NAME [JVM_OPTIONS]: runs the launcher's shell on $work/NAME.bootc, writing lib/NAME.aot. The launcher reads
# no cache in a training run (-XX:AOTCacheOutput in BOOTC_JAVA_OPTS).
# No machine code in the caches (-AOTAdapterCaching, -AOTStubCaching): JDK 25 stores the adapters and stubs it
# generated for the training machine's CPU and runs them on any other; in a guest whose CPU lacks the host's
# instructions that ended in SIGILL (images/README.md). Without them start-up measured no slower.
portable="-XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -XX:-AOTStubCaching"
train() {
    if ! BOOTC_JAVA_OPTS="-XX:AOTCacheOutput=$home/lib/$1.aot -Xlog:aot=error $portable ${2:-}" \
            OSTREE_SYSROOT_DEBUG=mutable-deployments "$home/bin/bootc" shell -f "$work/$1.bootc" \
            >"$work/out.txt" 2>"$work/err.txt"; then
        echo "train.sh: training run for $1.aot failed:" >&2
        cat "$work/err.txt" >&2
        rm -f "$home"/lib/*.aot
        exit 1
    fi
    if [ ! -f "$home/lib/$1.aot" ]; then
        echo "train.sh: the JVM wrote no AOT cache $1.aot:" >&2
        cat "$work/err.txt" >&2
        rm -f "$home"/lib/*.aot
        exit 1
    fi
}
# The status groups run with C1 only and no perf-data file (see the launcher), and their caches are trained the same
# way. They hold no method profiles (AOTRecordTraining off): at start-up the JVM would replay those to the compiler
# on a background thread, which on two cores slows a 100 ms run by about a tenth (bench/RESULTS.md, "Start-up,
# session 4").
for name in status-human status-machine; do
    train $name "-XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:-AOTRecordTraining"
done
train bootc
train bootc-import

# Which Java runtime the caches belong to (the launcher uses a cache only with that one): the launcher's own choice,
# which the training runs used: the distribution's runtime/ if there is one, else JAVA_HOME (22 or newer). Its
# JAVA_RUNTIME_VERSION names the build; a jlinked runtime's release file has only JAVA_VERSION, and ships with its
# caches.
if [ -f "$home/runtime/release" ]; then
    release=$home/runtime/release
else
    release=${JAVA_HOME:?JAVA_HOME must name the JDK that runs the build}/release
fi
id=$(grep '^JAVA_RUNTIME_VERSION=' "$release" || grep '^JAVA_VERSION=' "$release" || true)
if [ -z "$id" ]; then
    echo "train.sh: $release names no JAVA_RUNTIME_VERSION or JAVA_VERSION" >&2
    rm -f "$home"/lib/*.aot
    exit 1
fi
for name in status-human status-machine bootc bootc-import; do
    printf '%s\n' "$id" > "$home/lib/$name.aot.jdk"
done
