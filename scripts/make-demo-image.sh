#!/usr/bin/env bash
# make-demo-image.sh LAYOUT TAG VERSION: writes a small bootable-looking image into the OCI layout LAYOUT (umoci):
# a fake kernel and initramfs in /usr/lib/modules/$kver/, os-release, /usr/bin/hello, /etc files and a kargs.d
# file; labels containers.bootc=1, ostree.bootable=1 and org.opencontainers.image.version=VERSION.
set -euo pipefail
layout=${1:?layout directory}
tag=${2:?tag}
version=${3:?version}
kver=6.1.0-demo-amd64
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -d "$layout" ] || umoci init --layout "$layout"
umoci new --image "$layout:$tag"
umoci unpack --image "$layout:$tag" "$work/bundle" >/dev/null
r=$work/bundle/rootfs
mkdir -p "$r/usr/lib/modules/$kver" "$r/usr/bin" "$r/usr/lib/bootc/kargs.d" "$r/etc" "$r/var/lib" "$r/sysroot" \
    "$r/boot" "$r/usr/share/demo"
echo "demo kernel $kver ($version)" > "$r/usr/lib/modules/$kver/vmlinuz"
echo "demo initramfs $kver" > "$r/usr/lib/modules/$kver/initramfs.img"
printf 'ID=bootcj-demo\nNAME="bootc for Java demo"\nPRETTY_NAME="bootc for Java demo %s"\nVERSION_ID=%s\n' \
    "$version" "$version" > "$r/usr/lib/os-release"
ln -sf ../usr/lib/os-release "$r/etc/os-release"
printf '#!/bin/sh\necho "hello from the demo image %s"\n' "$version" > "$r/usr/bin/hello"
chmod 0755 "$r/usr/bin/hello"
echo "bootcj-demo" > "$r/etc/hostname"
printf 'kargs = ["console=ttyS0,115200", "demo.version=%s"]\n' "$version" > "$r/usr/lib/bootc/kargs.d/00-demo.toml"
echo "$version" > "$r/usr/share/demo/version"
ln -sfn sysroot/ostree "$r/ostree"
umoci repack --image "$layout:$tag" "$work/bundle" >/dev/null
umoci config --image "$layout:$tag" --config.label containers.bootc=1 --config.label ostree.bootable=1 \
    --config.label "org.opencontainers.image.version=$version" --config.cmd /usr/bin/hello >/dev/null
umoci gc --layout "$layout"
echo "demo image: oci:$layout:$tag (version $version)" >&2
