#!/bin/sh
# Creates a small offline sysroot (two container-image deployments, one from a registry and one from an oci
# directory, one pinned) with the ostree CLI, for the
# AOT training run and the start-up benchmark. Usage: make-sysroot.sh DIR
set -eu
root=$1
export OSTREE_SYSROOT_DEBUG=mutable-deployments
mkdir -p "$root"
ostree admin init-fs --modern "$root" >/dev/null
ostree config --repo="$root/ostree/repo" set sysroot.bootloader none
ostree admin os-init demo --sysroot="$root" >/dev/null
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/usr/lib/modules/6.1.0-99-amd64" "$tree/usr/etc"
echo kernel > "$tree/usr/lib/modules/6.1.0-99-amd64/vmlinuz"
echo initramfs > "$tree/usr/lib/modules/6.1.0-99-amd64/initramfs.img"
echo ID=demo > "$tree/usr/etc/os-release"
n=0
for v in 1 2; do
    n=$((n + 1))
    echo "version $v" > "$tree/usr/etc/demo-version"
    digest=sha256:$(printf '%064d' "$v")
    config='{"architecture":"amd64","os":"linux","created":"2024-05-0'$v'T10:00:00Z","config":{"Labels":{"org.opencontainers.image.version":"'$v'.0"}},"rootfs":{"type":"layers","diff_ids":[]}}'
    c=$(ostree commit --repo="$root/ostree/repo" --branch="demo/v$v" --owner-uid=0 --owner-gid=0 --no-xattrs \
        --tree=dir="$tree" --add-metadata-string=ostree.manifest-digest="$digest" \
        --add-metadata-string=ostree.container.image-config="$config")
    origin="$tree.origin"
    # One registry and one oci-directory origin: the two code paths status renders.
    if [ "$v" = 1 ]; then
        ref=ostree-unverified-registry:quay.io/example/demo:v1
    else
        ref=ostree-unverified-image:oci:/var/lib/demo-images/demo:v$v
    fi
    printf '[origin]\ncontainer-image-reference=%s\n' "$ref" > "$origin"
    ostree admin deploy --sysroot="$root" --os=demo --retain --origin-file="$origin" "$c" >/dev/null
    rm -f "$origin"
done
ostree admin pin --sysroot="$root" 1 >/dev/null
