#!/bin/bash
# Assembles what the test image installs as /usr/lib/bootcj: the packaged bootc launcher layout
# (shell/target/bootc: bin/, lib/, share/) plus a jlinked Java runtime in runtime/, which the launcher prefers, and
# AOT caches trained for that runtime at that path.
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
# The launcher's AOT caches belong to the JDK that trained them; the distribution trains its own below.
rm -f "$out"/lib/*.aot "$out"/lib/*.aot.jdk
"$JDK_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime"

# AOT caches for the jlinked runtime, so that `bootc status` on an installed host starts as fast as from the build
# tree (about 4x faster than without: images/README.md). The JVM takes a cache only with the runtime, jar paths and jar modification
# times it was trained with, so training runs at the install path (OUT bind-mounted on INSTALL_DIR in a private
# mount namespace) with every modification time at 0 first, as an ostree deployment has them. Without root or
# unshare (or where INSTALL_DIR cannot be made), the distribution ships without caches and says so.
INSTALL_DIR=${INSTALL_DIR:-/usr/lib/bootcj} # where build.sh puts the distribution in the image
here=$(cd "$(dirname "$0")" && pwd)
find "$out" -exec touch -h -d @0 {} +
made_dir=
if [[ $(id -u) == 0 ]] && command -v unshare >/dev/null && command -v ostree >/dev/null \
    && { [[ -d $INSTALL_DIR ]] || { mkdir "$INSTALL_DIR" 2>/dev/null && made_dir=1; }; }; then
  status=0
  # shellcheck disable=SC2016
  unshare -m sh -c 'mount --make-rprivate / && mount --bind "$1" "$2" && sh "$3" "$2"' sh \
    "$out" "$INSTALL_DIR" "$here/../../shell/src/main/aot/train.sh" || status=$?
  [[ -z $made_dir ]] || rmdir "$INSTALL_DIR"
  [[ $status == 0 ]] || die "training the AOT caches failed"
  find "$out/lib" -exec touch -h -d @0 {} +
else
  printf 'bootc-dist.sh: no AOT caches (training needs root, unshare, the ostree CLI and %s)\n' "$INSTALL_DIR" >&2
fi
printf 'bootc-dist.sh: %s (%s)\n' "$out" "$(du -sh "$out" | cut -f1)" >&2
