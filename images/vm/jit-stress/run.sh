#!/bin/bash
# Runs JitStress.java in a qemu TCG guest (the Debian test image's base root, booted straight into a script, no
# systemd), to tell a JVM that crashes under qemu's TCG from a bug of ours.
#
# Usage: images/vm/jit-stress/run.sh OCI_LAYOUT:TAG WORKDIR [ACCEL] [RUNS]
#   OCI_LAYOUT:TAG  an image with a kernel and initramfs under /usr/lib/modules (build.sh's base, v1 or v2)
#   ACCEL           qemu's -accel value: tcg (default; multi-threaded TCG), tcg,thread=single, ...
#   RUNS            JVM runs per workload (default 10)
# Environment: CPUS (default 2), CPU (qemu -cpu, default qemu's own), JDK_HOME (Temurin 25, jlinked to java.base).
# Prints the guest's CPU as the JVM sees it, then one line per JVM run (exit status; the head of its hs_err
# report after a crash), and a summary; the whole serial log is WORKDIR/serial-<ACCEL>.log. Needs root, umoci,
# mkfs.ext4, qemu-system-x86_64.
set -euo pipefail
shopt -s inherit_errexit

[[ $# -ge 2 ]] || { sed -n '5,13p' "$0" >&2; exit 2; }
image=$1 work=$2 accel=${3:-tcg} runs=${4:-10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JDK_HOME=${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The guest disk, made once per WORKDIR: the image's root + a jlinked java.base + the compiled classes.
if [[ ! -f $work/disk.ext4 ]]; then
  rm -rf "$work/bundle" "$work/root"
  umoci unpack --image "$image" "$work/bundle" >/dev/null
  mv "$work/bundle/rootfs" "$work/root"
  rm -rf "$work/bundle"
  kernel=$(ls "$work"/root/usr/lib/modules/*/vmlinuz)
  cp "$kernel" "$work/vmlinuz"
  cp "${kernel%/vmlinuz}/initramfs.img" "$work/initramfs.img"
  mkdir -p "$work/root/jit-stress/classes"
  "$JDK_HOME/bin/jlink" --add-modules java.base --output "$work/root/jit-stress/jdk" --strip-debug --no-header-files \
    --no-man-pages
  "$JDK_HOME/bin/javac" --release 21 -d "$work/root/jit-stress/classes" "$here/JitStress.java"
  cat > "$work/root/jit-stress/init" <<'INIT'
#!/bin/sh
# PID 1 of the guest: runs the workloads of /jit-stress/config, then powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t tmpfs tmp /tmp
mount -t devtmpfs dev /dev 2>/dev/null || true
cd /tmp
. /jit-stress/config
J=/jit-stress/jdk/bin/java
echo "JITSTRESS cpu: $(grep -m1 'model name' /proc/cpuinfo)"
$J -Xlog:os+cpu -version 2>&1 | sed -n 's/^.*\(CPU: total.*\)/JITSTRESS jvm: \1/p'
$J -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ UseAVX | UseSSE | UseSSE42Intrinsics | UsePopCountInstruction | UseCountLeadingZerosInstruction | UseBMI1Instructions | UseUnalignedLoadStores /{print "JITSTRESS flag: " $2 "=" $4}'
# workload NUMBER ARGS JVM-OPTION...
workload() {
  w=$1 args=$2
  shift 2
  start=$(date +%s)
  $J "$@" -cp /jit-stress/classes JitStress $args > /tmp/out 2>&1
  rc=$?
  echo "JITSTRESS run $n workload $w rc=$rc $(( $(date +%s) - start ))s: $(tail -n 1 /tmp/out)"
  if [ $rc -ne 0 ]; then
    head -n 30 /tmp/out | sed 's/^/JITSTRESS out: /'
    for f in /tmp/hs_err_pid*.log; do [ -f "$f" ] && head -n 60 "$f" | sed 's/^/JITSTRESS hs_err: /'; done
    rm -f /tmp/hs_err_pid*.log
  fi
}
n=0
while [ $n -lt "$RUNS" ]; do
  workload 1 "$W1_ARGS" $W1_OPTS
  workload 2 "$W2_ARGS" $W2_OPTS
  n=$((n + 1))
done
echo "JITSTRESS done"
sync
echo o > /proc/sysrq-trigger
sleep 60
INIT
  chmod 755 "$work/root/jit-stress/init"
  mkfs.ext4 -q -F -L jitstress -d "$work/root" "$work/disk.ext4" 2G
  rm -rf "$work/root"
fi

# Workloads (the disk is the same for each ACCEL; the config is rewritten in place with debugfs).
# W1: every fresh method compiled by C1 before its first call (patching stubs), 2 threads per vCPU.
# W2: the default tiered JIT (C1, then C2), as bootc's import verbs run.
cat > "$work/config" <<CONF
RUNS=$runs
W1_OPTS="-Xcomp -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
W1_ARGS="40 4"
W2_OPTS="-XX:+UseSerialGC"
W2_ARGS="150 4"
CONF
debugfs -w -R "rm /jit-stress/config" "$work/disk.ext4" >/dev/null 2>&1 || true
debugfs -w -R "write $work/config /jit-stress/config" "$work/disk.ext4" >/dev/null

log=$work/serial-${accel//[^a-z0-9=]/_}.log
cpu_args=()
[[ -z ${CPU:-} ]] || cpu_args=(-cpu "$CPU")
echo "qemu -accel $accel -smp ${CPUS:-2} ${CPU:+-cpu $CPU}: $runs runs per workload; serial log $log" >&2
qemu-system-x86_64 -accel "$accel" -machine pc -m 1536 -smp "${CPUS:-2}" "${cpu_args[@]}" -nodefaults -no-user-config \
  -display none -nic none -monitor none -no-reboot -serial "file:$log" \
  -kernel "$work/vmlinuz" -initrd "$work/initramfs.img" \
  -append "root=/dev/vda rw console=ttyS0,115200 init=/jit-stress/init panic=-1 quiet loglevel=3" \
  -drive "file=$work/disk.ext4,format=raw,if=virtio" </dev/null
tr -d '\r' < "$log" | grep '^JITSTRESS' || true
ok=$(tr -d '\r' < "$log" | grep -c '^JITSTRESS run .* rc=0 ' || true)
all=$(tr -d '\r' < "$log" | grep -c '^JITSTRESS run ' || true)
echo "summary: accel=$accel cpus=${CPUS:-2} cpu=${CPU:-default}: $ok of $all JVM runs exited 0"
[[ $ok -eq $all && $all -gt 0 ]]
