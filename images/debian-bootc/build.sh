#!/bin/bash
# Builds the bootable Debian 12 test image as an OCI layout (tags v1 and v2), cached.
#
# Usage:
#   build.sh image [--cache DIR] [--bootc-dist DIR]   build (or reuse) the layout; prints its path on stdout
#   build.sh key [--bootc-dist DIR]                    print the cache key only
# (bootc-dist.sh makes the DIR for --bootc-dist: a jlinked runtime, the jars and a launcher.)
#
# Two cache levels under the cache directory (default /var/cache/bootcj-images):
#   debian-bootc-base-<key>/oci      the mmdebstrap root as one layer (tag base); key = this script + packages.
#                                     Only this level downloads anything (Debian's mirror); about 5 minutes.
#   debian-bootc-<key>[-<dist>]/oci  tags v1 and v2 on top of the base; the dist key hashes the bootc dist tree,
#                                     so a new build of our bootc costs seconds, not a new mmdebstrap run.
#   v1  base [+ one layer with /usr/lib/bootcj and /usr/bin/bootc]; labels containers.bootc=1,
#       ostree.bootable=1, org.opencontainers.image.version=1
#   v2  v1 + /usr/share/bootcj-marker and kargs.d with bootcj.test=v2, made with umoci unpack/repack (version=2)
# Needs root, mmdebstrap, umoci, tar.
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly here

# Debian release and mirror. The host's own mirror is the only network the build needs.
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
CACHE_DIR=${BOOTCJ_IMAGE_CACHE:-/var/cache/bootcj-images}
PACKAGES=(
  linux-image-amd64 systemd systemd-sysv udev dbus kmod dracut ostree ostree-boot libostree-1-1
  e2fsprogs xfsprogs dosfstools fdisk grub-pc-bin grub-efi-amd64-bin ca-certificates procps less
)

log() { printf '%s build.sh: %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# Refuses empty paths and "/" for any variable used as a write target.
need_path() {
  local name=$1 value=${2-}
  [[ -n $value ]] || die "$name is empty"
  [[ $value == /* ]] || die "$name must be absolute: $value"
  [[ $value != / && $value != // ]] || die "$name must not be /"
}

# Key of the base level: this script, the suite and the package list.
base_key() {
  { sha256sum < "$here/build.sh"; printf 'suite=%s packages=%s\n' "$SUITE" "${PACKAGES[*]}"; } | sha256sum | cut -c1-16
}

# Key of a bootc dist tree (file names, modes, contents).
dist_key() {
  (cd "$1" && find . \( -type f -o -type l \) -printf '%p %m %l\n' | sort && \
    find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12
}

# Turns the mmdebstrap tree into what a bootc base image looks like (run as mmdebstrap's customize hook).
customize() {
  local root=${1-}
  need_path ROOT "$root"
  [[ -d $root/usr/lib/modules ]] || die "customize: $root is not a Debian root"
  local kvers=("$root"/usr/lib/modules/*)
  ((${#kvers[@]} == 1)) || die "customize: expected one kernel, found ${#kvers[@]}"
  local kver=${kvers[0]##*/}
  log "kernel $kver"

  # The Debian kernel postinst built a generic dracut initramfs; ostree-boot's dracut.conf.d adds the
  # ostree module. Refuse an initramfs that would not mount an ostree deployment.
  chroot "$root" lsinitrd "/boot/initrd.img-$kver" > "$root/tmp/lsinitrd.txt"
  grep -q 'ostree-prepare-root' "$root/tmp/lsinitrd.txt" || die "customize: initramfs lacks the ostree module"
  grep -q 'virtio_blk' "$root/tmp/lsinitrd.txt" || die "customize: initramfs lacks virtio_blk (host-only?)"
  rm -f "$root/tmp/lsinitrd.txt"
  mv "$root/boot/vmlinuz-$kver" "$root/usr/lib/modules/$kver/vmlinuz"
  mv "$root/boot/initrd.img-$kver" "$root/usr/lib/modules/$kver/initramfs.img"
  find "$root/boot" -mindepth 1 -delete
  # Debian's /vmlinuz, /initrd.img symlinks point into /boot.
  rm -f "$root"/vmlinuz "$root"/vmlinuz.old "$root"/initrd.img "$root"/initrd.img.old

  # Drivers a qemu test machine never needs (keeps the image and every import small); depmod afterwards.
  local d
  for d in sound drivers/gpu drivers/media drivers/infiniband drivers/net/wireless drivers/net/ethernet \
      drivers/staging drivers/iio drivers/bluetooth drivers/isdn drivers/hid net/wireless net/mac80211 \
      net/bluetooth; do
    rm -rf "$root/usr/lib/modules/$kver/kernel/$d"
  done
  chroot "$root" depmod "$kver"

  # Serial console: root logs in automatically on ttyS0 with an empty password (test image only).
  chroot "$root" passwd -d root >/dev/null
  mkdir -p "$root/etc/systemd/system/serial-getty@ttyS0.service.d" "$root/etc/systemd/system/getty.target.wants"
  cat > "$root/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf" <<'CONF'
[Service]
ExecStart=
ExecStart=-/sbin/agetty -o '-p -f -- \\u' --keep-baud --autologin root 115200,57600,38400,9600 - $TERM
CONF
  ln -sf /lib/systemd/system/serial-getty@.service \
    "$root/etc/systemd/system/getty.target.wants/serial-getty@ttyS0.service"
  # bootc does not mount the ESP; systemd-gpt-auto-generator's ESP automount only fails (unit "failed").
  mkdir -p "$root/etc/systemd/system-generators"
  ln -sfn /dev/null "$root/etc/systemd/system-generators/systemd-gpt-auto-generator"
  echo bootcj > "$root/etc/hostname"
  chmod 0644 "$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tbootcj\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
  rm -f "$root/etc/resolv.conf"
  printf '# The root filesystem is mounted by ostree-prepare-root; nothing else to mount.\n' > "$root/etc/fstab"
  : > "$root/etc/machine-id"

  # bootc configuration: kernel arguments and the install defaults.
  mkdir -p "$root/usr/lib/bootc/kargs.d" "$root/usr/lib/bootc/install"
  printf 'kargs = ["console=ttyS0,115200"]\n' > "$root/usr/lib/bootc/kargs.d/00-console.toml"
  printf '[install]\nroot-fs-type = "ext4"\n' > "$root/usr/lib/bootc/install/00-debian.toml"

  # ostree layout: /sysroot, /ostree -> sysroot/ostree, mutable dirs as symlinks into /var.
  mkdir -p "$root/sysroot" "$root/var/roothome" "$root/var/home" "$root/var/opt" "$root/var/srv" "$root/var/mnt"
  ln -sfn sysroot/ostree "$root/ostree"
  local dir target
  for dir in root:roothome home:home opt:opt srv:srv mnt:mnt; do
    target=${dir#*:}
    dir=${dir%%:*}
    if [[ -d $root/$dir && ! -L $root/$dir ]]; then
      cp -a "$root/$dir/." "$root/var/$target/"
      rm -rf "${root:?}/${dir:?}"
    fi
    ln -sfn "var/$target" "$root/$dir"
  done
  rm -rf "${root:?}/media"
  ln -sfn run/media "$root/media"
  cat > "$root/usr/lib/tmpfiles.d/bootcj-ostree.conf" <<'CONF'
# The stateroot /var starts empty: recreate what / links into it.
d /var/roothome 0700 root root -
C /var/roothome/.bashrc - - - - /usr/share/base-files/dot.bashrc
C /var/roothome/.profile - - - - /usr/share/base-files/dot.profile
d /var/home 0755 root root -
d /var/opt 0755 root root -
d /var/srv 0755 root root -
d /var/mnt 0755 root root -
d /run/media 0755 root root -
CONF

  # No logs or apt caches (lint: var-log). Device nodes etc. go in clean_tree, once nothing is mounted.
  find "$root/var/log" -type f -delete
  find "$root/var/cache/apt" "$root/var/lib/apt/lists" -type f -delete
  rm -f "$root/var/cache/ldconfig/aux-cache"
}

# After mmdebstrap has unmounted everything: drop device nodes (ostree rejects them) and runtime leftovers.
clean_tree() {
  local root=$1
  need_path ROOT "$root"
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    die "something is still mounted under $root"
  fi
  find "$root/dev" "$root/proc" "$root/sys" "$root/run" "$root/tmp" "$root/var/tmp" -mindepth 1 -delete
}

# Base level into WORK/oci: mmdebstrap, customize, one layer, tag "base".
build_base() {
  local work=$1
  need_path WORK "$work"
  local rootfs=$work/rootfs start=$SECONDS
  log "mmdebstrap $SUITE into $rootfs"
  mmdebstrap --variant=minbase --mode=root --format=directory \
    --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook="\"$here/build.sh\" customize \"\$1\"" \
    "$SUITE" "$rootfs" \
    "deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main" "deb $SECURITY_MIRROR $SUITE-security main" >&2
  log "mmdebstrap done after $((SECONDS - start)) s"
  clean_tree "$rootfs"
  tar --numeric-owner --xattrs --xattrs-include='*' --sort=name -C "$rootfs" -cf "$work/layer.tar" .
  rm -rf "${rootfs:?}"
  umoci init --layout "$work/oci"
  umoci new --image "$work/oci:base"
  umoci raw add-layer --image "$work/oci:base" "$work/layer.tar"
  rm -f "$work/layer.tar"
  umoci config --image "$work/oci:base" --config.label containers.bootc=1 --config.label ostree.bootable=1 \
    --config.cmd /sbin/init --author bootcj
  log "base built in $((SECONDS - start)) s"
}

# Final level into WORK/oci from the base layout BASE: v1 (with the bootc dist DIST, if any) and v2.
build_final() {
  local work=$1 base=$2 dist=${3-}
  need_path WORK "$work"
  local oci=$work/oci start=$SECONDS
  cp -a "$base" "$oci"
  umoci tag --image "$oci:base" v1
  umoci rm --image "$oci:base"
  if [[ -n $dist ]]; then
    [[ -x $dist/bin/bootc && -x $dist/runtime/bin/java ]] || die "not a bootc dist (bin/bootc, runtime/bin/java): $dist"
    mkdir -p "$work/dist/usr/lib/bootcj" "$work/dist/usr/bin"
    cp -a "$dist/." "$work/dist/usr/lib/bootcj/"
    ln -s ../lib/bootcj/bin/bootc "$work/dist/usr/bin/bootc"
    local units=()
    if [[ -d $dist/share/systemd/system ]]; then
      mkdir -p "$work/dist/usr/lib/systemd/system"
      for unit in "$dist"/share/systemd/system/*; do
        cp "$unit" "$work/dist/usr/lib/systemd/system/"
        units+=("./usr/lib/systemd/system/${unit##*/}")
      done
    fi
    # Only the new paths: parents in a layer tar would replace the base's directory metadata.
    tar --numeric-owner --owner=0 --group=0 --sort=name -C "$work/dist" -cf "$work/dist.tar" \
      ./usr/lib/bootcj ./usr/bin/bootc "${units[@]}"
    umoci raw add-layer --image "$oci:v1" "$work/dist.tar"
    rm -rf "${work:?}/dist" "$work/dist.tar"
  fi
  umoci config --image "$oci:v1" --config.label org.opencontainers.image.version=1

  # v2, derived with standard tooling only.
  umoci unpack --image "$oci:v1" "$work/bundle"
  echo "bootcj test image v2" > "$work/bundle/rootfs/usr/share/bootcj-marker"
  printf 'kargs = ["console=ttyS0,115200", "bootcj.test=v2"]\n' \
    > "$work/bundle/rootfs/usr/lib/bootc/kargs.d/00-console.toml"
  umoci repack --image "$oci:v2" "$work/bundle"
  umoci config --image "$oci:v2" --config.label org.opencontainers.image.version=2
  rm -rf "${work:?}/bundle"
  umoci gc --layout "$oci"
  chmod -R a+rX "$oci"
  log "v1 and v2 built in $((SECONDS - start)) s"
}

# Deletes a work directory unless something is still mounted below it (an interrupted mmdebstrap), and
# never crosses into another filesystem (/proc, /sys, /dev of a chroot).
remove_work() {
  local work=$1
  need_path WORK "$work"
  if findmnt -rn -o TARGET | grep -q "^$work/"; then
    log "leaving $work: something is still mounted below it"
    return 0
  fi
  rm -rf --one-file-system "$work"
}

# cached NAME BUILDER ARGS...: returns CACHE_DIR/NAME/oci, running "BUILDER WORK ARGS..." first unless a
# complete copy exists. Built in a work directory and renamed when complete; a lock keeps builds apart.
cached() {
  local name=$1
  shift
  local final=$CACHE_DIR/$name
  mkdir -p "$CACHE_DIR"
  (
    exec 9> "$CACHE_DIR/.lock-$name"
    flock 9
    if [[ -f $final/complete ]]; then
      log "cached: $final"
      exit 0
    fi
    work=$CACHE_DIR/.work-$name-$BASHPID
    need_path WORK "$work"
    trap 'remove_work "$work"' EXIT
    mkdir -p "$work"
    start=$SECONDS
    "$@" "$work" >&2
    printf 'built %s in %s s\n' "$(date -u +%FT%TZ)" "$((SECONDS - start))" > "$work/complete"
    rm -rf "${final:?}"
    mv "$work" "$final"
    trap - EXIT
    log "built $final in $((SECONDS - start)) s"
  )
  echo "$final/oci"
}

image() {
  local dist=
  while (($# > 0)); do
    case $1 in
      --cache) CACHE_DIR=${2-}; shift 2 ;;
      --bootc-dist) dist=${2-}; shift 2 ;;
      *) die "image: unknown argument: $1" ;;
    esac
  done
  need_path CACHE_DIR "$CACHE_DIR"
  local key name base
  key=$(base_key)
  base=$(cached "debian-bootc-base-$key" build_base_at)
  name=debian-bootc-$key
  if [[ -n $dist ]]; then
    dist=$(cd "$dist" && pwd)
    name+=-$(dist_key "$dist")
  fi
  cached "$name" build_final_at "$base" "$dist"
}

# Adapters: cached passes the work directory last.
build_base_at() { build_base "$1"; }
build_final_at() { build_final "$3" "$1" "$2"; }

main() {
  (($# > 0)) || die "usage: build.sh image|key|customize ..."
  local cmd=$1
  shift
  case $cmd in
    image) image "$@" ;;
    key)
      local key
      key=$(base_key)
      [[ ${1-} == --bootc-dist ]] && key+=-$(dist_key "$(cd "${2:?}" && pwd)")
      echo "$key"
      ;;
    customize) customize "$@" ;;
    *) die "unknown command: $cmd" ;;
  esac
}

main "$@"
