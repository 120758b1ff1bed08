#!/usr/bin/env bash
# Proves scripts/packages.txt and scripts/programs.txt on a clean Debian 12: makes a minimal bookworm root
# (mmdebstrap --variant=minbase, from the Debian mirrors apt uses on this machine), puts the committed checkout
# (git archive HEAD) in it, and runs scripts/setup.sh there in a chroot twice: the first run installs
# scripts/packages.txt and checks that every program of scripts/programs.txt is on PATH; the second must install
# nothing. The JDK is not a Debian package: the host's JAVA_HOME is bind-mounted read-only at the same path, so
# setup.sh checks it as on any machine. Needs root, mmdebstrap and git; downloads about 500 MB of packages from the
# mirror and takes several minutes. Usage: scripts/check-clean-root.sh
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
die() { printf 'check-clean-root: %s\n' "$*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || die "needs root (mmdebstrap, chroot, mounts)"
[[ -x $JAVA_HOME/bin/java ]] || die "no JDK at $JAVA_HOME (set JAVA_HOME)"
[[ -z $(git status --porcelain --untracked-files=no) ]] ||
  printf 'check-clean-root: checking HEAD; uncommitted changes are not included\n' >&2

# The Debian repositories apt uses here, as one-line sources (suite and component main).
mapfile -t sources < <(apt-get indextargets --format '$(ORIGIN) $(REPO_URI) $(RELEASE)' 'Created-By: Packages' |
  awk '$1 == "Debian" { print "deb " $2 " " $3 " main" }' | sort -u)
((${#sources[@]})) || die "apt knows no Debian repository on this machine"
suite=$(printf '%s\n' "${sources[@]}" | awk '$3 !~ /-/ { print $3; exit }')
[[ -n $suite ]] || die "no Debian release among apt's repositories: ${sources[*]}"

work=$(mktemp -d /var/tmp/bootcj-clean-root.XXXXXX)
root=$work/root
mounted=()
cleanup() {
  local rc=$? i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[i]}" || { rc=1; printf 'check-clean-root: cannot unmount %s\n' "${mounted[i]}" >&2; }
  done
  if findmnt -rn -o TARGET | grep -q "^$work/"; then
    printf 'check-clean-root: leaving %s: something is still mounted below it\n' "$work" >&2
  else
    rm -rf --one-file-system "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
bind() { # bind SOURCE TARGET [ro]: mounts and remembers it for cleanup
  mkdir -p "$2"
  mount --rbind "$1" "$2"
  mounted+=("$2")
  mount --make-rslave "$2"
  [[ ${3-} != ro ]] || mount -o remount,bind,ro "$2"
}

printf 'check-clean-root: mmdebstrap %s (minbase) from %s\n' "$suite" "${sources[*]}" >&2
mmdebstrap --variant=minbase --mode=root --format=directory --quiet "$suite" "$root" "${sources[@]}"
# No services start inside the chroot.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/src"
git archive HEAD | tar -x -C "$root/src"

mkdir -p "$root/proc" && mount -t proc proc "$root/proc" && mounted+=("$root/proc")
bind /sys "$root/sys"
bind /dev "$root/dev"
bind "$JAVA_HOME" "$root$JAVA_HOME" ro

in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    JAVA_HOME="$JAVA_HOME" LANG=C.UTF-8 /bin/bash -c 'cd /src && scripts/setup.sh' 2>&1
}
in_root | tee "$work/setup-1.log" | sed 's/^/  | /' >&2 || die "scripts/setup.sh failed in the clean root (above)"
in_root > "$work/setup-2.log" || { cat "$work/setup-2.log" >&2; die "the second scripts/setup.sh failed"; }
! grep -q '^setup: installing' "$work/setup-2.log" || die "the second scripts/setup.sh installed again: $(cat "$work/setup-2.log")"
printf 'check-clean-root: ok: a clean %s root has every program of scripts/programs.txt after scripts/setup.sh (%s)\n' \
  "$suite" "$(git -C "$top" rev-parse --short HEAD)" >&2
