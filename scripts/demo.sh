#!/usr/bin/env bash
# The main job from a fresh checkout: installs what is needed, builds bootc, makes a small demo image (an OCI
# layout built with umoci) and a demo sysroot with that image deployed, then opens bootc on the sysroot:
# the interactive shell on a terminal, otherwise `bootc status`. Arguments, if any, are run as a bootc command.
# Everything lives under ./demo (or $BOOTCJ_DEMO_DIR); rerunning rebuilds it.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
scripts/setup.sh
if [ ! -x shell/target/bootc/bin/bootc ] || [ -n "$(find core shell native-headers -newer shell/target/bootc/bin/bootc -name '*.java' -print -quit)" ]; then
    mvn -B -q -ntp install -DskipTests
fi
demo=${BOOTCJ_DEMO_DIR:-$top/demo}
case "$demo" in /*) ;; *) demo=$top/$demo ;; esac
[ -n "$demo" ] && [ "$demo" != / ] || { echo "demo: refusing demo directory '$demo'" >&2; exit 1; }
bootc=$top/shell/target/bootc/bin/bootc
rm -rf "$demo/image"
scripts/make-demo-image.sh "$demo/image" v1 1.0
scripts/make-demo-image.sh "$demo/image" v2 2.0
scripts/make-demo-sysroot.sh "$demo/sysroot" "$demo/image" v1
export BOOTC_SYSROOT=$demo/sysroot
echo "demo: sysroot $demo/sysroot with oci:$demo/image:v1 deployed (BOOTC_SYSROOT is set to it)" >&2
echo "demo: try 'status', 'switch --transport oci $demo/image:v2', 'rollback', 'inspect diff booted rollback'" >&2
if [ $# -gt 0 ]; then
    exec "$bootc" "$@"
fi
if [ -t 0 ] && [ -t 1 ]; then
    exec "$bootc" shell
fi
exec "$bootc" status --format humanreadable
