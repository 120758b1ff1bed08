#!/bin/sh
# Writes HOME/lib/bootc.aot and HOME/lib/bootc-import.aot, the JDK's AOT caches for the launcher at HOME (run by
# Maven at package time). The training workloads go through the launcher itself (same JVM options, same module
# path). bootc.aot: status in every format, help, and inspect deployment, on a small fixture sysroot built with
# the ostree CLI. bootc-import.aot (for the verbs that import): `image pull` of a generated two-layer image
# (make-image.sh) into three fresh bare repositories, so an import's per-file code has run about as often as in
# a real rootfs layer when the profiles are taken.
# Without the ostree CLI or a JDK that supports -XX:AOTCacheOutput (25+), it writes nothing and says so.
# Usage: train.sh HOME
set -eu
home=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$home/lib/bootc.aot" "$home/lib/bootc-import.aot" "$home/lib/bootc.aot.jdk"
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
"$here/make-image.sh" "$work/image"
for i in 1 2 3; do
    ostree init --repo="$work/repo$i" --mode=bare
    echo "image pull --quiet --transport oci --repo $work/repo$i $work/image/oci:train" >> "$work/import.bootc"
done

train() { # train CACHE SCRIPT: runs the launcher's shell on SCRIPT, writing lib/CACHE
    # The launcher reads no cache in a training run (-XX:AOTCacheOutput in BOOTC_JAVA_OPTS).
    if ! BOOTC_JAVA_OPTS="-XX:AOTCacheOutput=$home/lib/$1 -Xlog:aot=error" \
            OSTREE_SYSROOT_DEBUG=mutable-deployments "$home/bin/bootc" shell -f "$2" \
            >"$work/out.txt" 2>"$work/err.txt"; then
        echo "train.sh: training run for $1 failed:" >&2
        cat "$work/err.txt" >&2
        rm -f "$home/lib/bootc.aot" "$home/lib/bootc-import.aot"
        exit 1
    fi
    if [ ! -f "$home/lib/$1" ]; then
        echo "train.sh: the JVM wrote no AOT cache $1:" >&2
        cat "$work/err.txt" >&2
        rm -f "$home/lib/bootc.aot" "$home/lib/bootc-import.aot"
        exit 1
    fi
}
train bootc.aot "$work/train.bootc"
train bootc-import.aot "$work/import.bootc"
# Which JDK the cache belongs to (the launcher uses the cache only with that one). The training run used the
# launcher's own choice of JDK: JAVA_HOME when it is 22 or newer.
grep '^JAVA_RUNTIME_VERSION=' "${JAVA_HOME:?JAVA_HOME must name the JDK that runs the build}/release" \
    > "$home/lib/bootc.aot.jdk"
