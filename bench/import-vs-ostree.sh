#!/bin/bash
# Imports one real layer three ways, alternating, on the same disk, and prints wall times and ratios:
#   ours    java $JVM_OPTS ... dev.bootcj.bench.ImportTar REPO LAYER.tar.zst zstd   (the launcher's JVM options
#           for importing verbs unless JVM_OPTS is set, and an AOT cache trained like the launcher's: see below)
#   ostree  zstd -dc LAYER.tar.zst > tar; ostree commit --tree=tar=... into the same kind of repo
#           (decompression done first and not timed: ostree reads only plain tar here)
#   floor   zstd -dc LAYER.tar.zst | tar -x -C DIR && sync
# Each run starts from a fresh repo / directory, after sync and drop_caches (root only), source re-warmed; old
# trees are deleted only at the end (see "Deleting a tree" below).
# Usage: bench/import-vs-ostree.sh [LAYER.tar] [runs] [bare|bare-user]
# Without LAYER.tar, a Debian 12 rootfs is made once with mmdebstrap and cached in $WORK.
set -euo pipefail
WORK=${WORK:-/var/tmp/bootcj-bench}
RUNS=${2:-3}
MODE=${3:-bare}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$HERE/target/benchmarks.jar
# The JVM options the launcher (shell/src/main/launcher/bootc) gives the verbs that import images.
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=50000 -XX:Tier4CompileThreshold=50000}
mkdir -p "$WORK"
cd "$WORK"

LAYER=${1:-}
if [ -z "$LAYER" ]; then
    LAYER=$WORK/debian-rootfs.tar
    if [ ! -f "$LAYER" ]; then
        mmdebstrap --variant=standard --include=systemd,linux-image-amd64 bookworm "$WORK/rootfs.tmp.tar"
        # ostree commit --tree=tar= refuses device nodes ("Unsupported file type"); our import drops dev/*.
        tar --delete -f "$WORK/rootfs.tmp.tar" --wildcards './dev/?*'
        mv "$WORK/rootfs.tmp.tar" "$LAYER"
    fi
fi
[ -f "$LAYER.zst" ] || zstd -q -3 -T0 "$LAYER" -o "$LAYER.zst"
[ -f "$JAR" ] || { echo "build first: mvn -pl native-headers,core,bench package -DskipTests" >&2; exit 2; }

# Deleting a tree frees its inodes, and on ext4 without a journal (this machine's root filesystem) every inode
# allocation then steps over the free inodes of its group deleted less than 60 s before, 360 s when their inode
# table block is dirty, as the allocations themselves make it (fs/ext4/ialloc.c, recently_deleted(): one
# buffer-cache lookup per inode stepped over, for every allocation). With the previous run's three trees (80,000
# inodes) deleted just before it, that cost our import about 4 s of kernel CPU (perf: find_get_block_common,
# recently_deleted), which a host that did not just delete 80,000 files does not pay, nor does any journalled
# filesystem. So trees are moved to $WORK/trash and deleted only at the end, and the first run waits until the
# last deletion is 361 s old. Deletions by other programs in the same block groups still count.
# CLEANUP=eager deletes right before each run instead, as this script did before.
TRASH=$WORK/trash
discard() { # moves trees out of the way (eager: deletes them)
    for d in "$@"; do
        [ -e "$d" ] || continue
        if [ "${CLEANUP:-}" = eager ]; then
            rm -rf "$d" && date +%s > "$WORK/deleted-at"
        else
            mkdir -p "$TRASH" && mv "$d" "$TRASH/$(basename "$d").$RANDOM$RANDOM"
        fi
    done
}
clean_trash() {
    if [ -d "$TRASH" ]; then rm -rf "$TRASH"; sync; date +%s > "$WORK/deleted-at"; fi
}
wait_for_old_deletions() {
    [ "${CLEANUP:-}" != eager ] && [ -f "$WORK/deleted-at" ] || return 0
    left=$(( $(cat "$WORK/deleted-at") + 361 - $(date +%s) ))
    if [ "$left" -gt 0 ]; then echo "waiting $left s for the inodes deleted last to age"; sleep "$left"; fi
}
discard repo-ours repo-ostree floor
clean_trash

# The launcher's importing verbs run with lib/bootc-import.aot, an AOT cache trained at package time on imports of
# a generated image (shell/src/main/aot/train.sh). A cache fits one class path, so ImportTar gets its own,
# trained here the same way (three imports of the same generated layers, fresh repositories), outside the timing.
# AOT=0 runs without.
if [ "${AOT:-1}" = 1 ]; then
    TRAIN=$WORK/aot-train
    [ -f "$TRAIN/layer2.tar.gz" ] || "$HERE/../shell/src/main/aot/make-image.sh" "$TRAIN"
    rm -f "$WORK/importtar.aot"
    train=()
    for i in 1 2 3; do
        ostree init --repo="$TRAIN/repo$i" --mode="$MODE"
        train+=("$TRAIN/repo$i" "$TRAIN/layer1.tar.zst" zstd "$TRAIN/repo$i" "$TRAIN/layer2.tar.gz" gzip)
    done
    # shellcheck disable=SC2086
    # No machine code in the cache, as train.sh does for the launcher's.
    "$JAVA" $JVM_OPTS -XX:AOTCacheOutput="$WORK/importtar.aot" -Xlog:aot=error \
        -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -XX:-AOTStubCaching --enable-native-access=ALL-UNNAMED \
        -cp "$JAR" dev.bootcj.bench.ImportTar "${train[@]}" > /dev/null
    discard "$TRAIN"/repo?
    JVM_OPTS="$JVM_OPTS -XX:AOTCache=$WORK/importtar.aot"
fi
export LAYER_DIGEST="sha256:$(sha256sum "$LAYER.zst" | cut -d' ' -f1)"
echo "JVM options: $JVM_OPTS"
echo "layer: $LAYER ($(stat -c %s "$LAYER") bytes, $(tar -tf "$LAYER" | wc -l) entries), repo mode $MODE, $RUNS runs"

settle() {
    sync
    if [ -w /proc/sys/vm/drop_caches ]; then echo 3 > /proc/sys/vm/drop_caches; fi
    cat "$LAYER" "$LAYER.zst" > /dev/null
}
clock() { date +%s.%N; }

wait_for_old_deletions
declare -a T_OURS T_OSTREE T_FLOOR
for i in $(seq 1 "$RUNS"); do
    discard repo-ours repo-ostree floor
    ostree init --repo=repo-ours --mode="$MODE"
    ostree init --repo=repo-ostree --mode="$MODE"
    mkdir floor

    settle; s=$(clock)
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M %U %S" -o rss.txt "$JAVA" $JVM_OPTS --enable-native-access=ALL-UNNAMED -cp "$JAR" \
        dev.bootcj.bench.ImportTar repo-ours "$LAYER.zst" zstd > /dev/null
    T_OURS[$i]=$(echo "$(clock) - $s" | bc); read -r RSS USR SYS < rss.txt

    settle; s=$(clock)
    ostree commit --repo=repo-ostree --tree=tar="$LAYER" --tar-autocreate-parents --no-bindings -b layer > /dev/null
    T_OSTREE[$i]=$(echo "$(clock) - $s" | bc)

    settle; s=$(clock)
    zstd -dc "$LAYER.zst" | tar -x -C floor && sync
    T_FLOOR[$i]=$(echo "$(clock) - $s" | bc)

    printf "run %d: ours %.2f s (maxrss %d MB, cpu %.2f+%.2f s)  ostree commit %.2f s  floor %.2f s  ostree/ours %.2f  ours/floor %.2f\n" \
        "$i" "${T_OURS[$i]}" $((RSS / 1024)) "$USR" "$SYS" "${T_OSTREE[$i]}" "${T_FLOOR[$i]}" \
        "$(echo "${T_OSTREE[$i]} / ${T_OURS[$i]}" | bc -l)" "$(echo "${T_OURS[$i]} / ${T_FLOOR[$i]}" | bc -l)"
done
ostree fsck --repo=repo-ours > /dev/null && echo "fsck of our repo: clean"
discard repo-ours repo-ostree floor
clean_trash
rm -f rss.txt
