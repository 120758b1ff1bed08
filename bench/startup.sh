#!/bin/sh
# Start-up benchmark: wall time of `bootc status --sysroot FIXTURE` (YAML, the default when stdout is not a
# terminal, --format humanreadable, the default on one, and --format json) against a Java hello-world on the same
# JDK and `ostree admin status` on the same sysroot. Two fixtures (shell/src/main/aot/make-sysroot.sh): "base",
# whose two image configurations are the size of a bootc base image's (~15 KB: labels, 64 layers' history and
# diff_ids), and "minimal", whose configurations hold just a version label. Runs them alternately (the machine may
# be shared) and prints the median and mean wall and CPU (user + sys) time of N runs each, plus the load average
# before and after.
# Usage: bench/startup.sh [N] [LAUNCHER]   (LAUNCHER defaults to shell/target/bootc/bin/bootc)
set -eu
n=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
launcher=${2:-$here/../shell/target/bootc/bin/bootc}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d /var/tmp/bootcj-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
export OSTREE_SYSROOT_DEBUG=mutable-deployments

"$here/../shell/src/main/aot/make-sysroot.sh" "$work/sysroot" base >/dev/null
"$here/../shell/src/main/aot/make-sysroot.sh" "$work/minimal" minimal >/dev/null
"$java_home/bin/javac" -d "$work" "$here/startup/Hello.java"

run() { # label command... ; appends "wall-ms cpu-ms" to $work/<label> (wall from the clock in ns; cpu = user + sys
    # from /usr/bin/time, which has only 10 ms resolution)
    label=$1; shift
    start=$(date +%s%N)
    /usr/bin/time -o "$work/t" -f "%U %S" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    awk -v ns=$((end - start)) '{printf "%.1f %d\n", ns / 1e6, ($1 + $2) * 1000}' "$work/t" >> "$work/$label"
}
median() { # file column -> the median of that column
    sort -n -k"$2" "$1" | awk -v c="$2" '{a[NR]=$c} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'
}
stats() { # label -> median and mean of wall and CPU time in ms, and the wall median over hello's
    sort -n -k1 "$work/$1" | awk '{a[NR]=$1; s+=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
        printf "%-21s wall median %5.1f ms mean %5.1f (min %5.1f max %5.1f)", "'"$1"'", m, s/NR, a[1], a[NR]}'
    sort -n -k2 "$work/$1" | awk '{a[NR]=$2; s+=$2} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
        printf "  cpu median %5d ms mean %5d  (n=%d)", m, s/NR, NR}'
    awk -v m="$(median "$work/$1" 1)" -v h="$(median "$work/hello" 1)" 'BEGIN {printf "  %.2fx hello\n", m / h}'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# one warm-up of each (page cache)
"$java_home/bin/java" -cp "$work" Hello >/dev/null
"$launcher" status --sysroot "$work/sysroot" >/dev/null
ostree admin status --sysroot="$work/sysroot" >/dev/null
i=0
while [ $i -lt "$n" ]; do
    run hello "$java_home/bin/java" -Xshare:auto -XX:+UseSerialGC -cp "$work" Hello
    run bootc-status-yaml env JAVA_HOME="$java_home" "$launcher" status --sysroot "$work/sysroot"
    run bootc-status-human env JAVA_HOME="$java_home" "$launcher" status --sysroot "$work/sysroot" \
        --format humanreadable
    run bootc-status-json env JAVA_HOME="$java_home" "$launcher" status --sysroot "$work/sysroot" --format json
    run minimal-status-yaml env JAVA_HOME="$java_home" "$launcher" status --sysroot "$work/minimal"
    run minimal-status-human env JAVA_HOME="$java_home" "$launcher" status --sysroot "$work/minimal" \
        --format humanreadable
    run ostree-admin-status ostree admin status --sysroot="$work/sysroot"
    i=$((i + 1))
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
stats hello
stats bootc-status-yaml
stats bootc-status-human
stats bootc-status-json
stats minimal-status-yaml
stats minimal-status-human
stats ostree-admin-status
