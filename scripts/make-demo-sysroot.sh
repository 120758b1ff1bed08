#!/usr/bin/env bash
# make-demo-sysroot.sh SYSROOT LAYOUT TAG: an installed (not booted) ostree sysroot with oci:LAYOUT:TAG deployed
# in stateroot "demo", recorded exactly as bootc records an image deployment (origin
# container-image-reference=ostree-unverified-image:oci:..., commit metadata ostree.manifest-digest and
# ostree.container.image-config). Test tooling: it uses the ostree CLI, which product code never does.
set -euo pipefail
sysroot=${1:?sysroot directory}
layout=${2:?layout}
tag=${3:?tag}
[ -n "$sysroot" ] && [ "$sysroot" != / ] || { echo "refusing sysroot '$sysroot'" >&2; exit 1; }
export OSTREE_SYSROOT_DEBUG=mutable-deployments
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$sysroot"
mkdir -p "$sysroot"
ostree admin init-fs --modern "$sysroot"
ostree config --repo="$sysroot/ostree/repo" set sysroot.bootloader none
ostree admin os-init demo --sysroot="$sysroot"
umoci unpack --image "$layout:$tag" "$work/bundle" >/dev/null
r=$work/bundle/rootfs
mv "$r/etc" "$r/usr/etc"
digest=$(skopeo inspect --format '{{.Digest}}' "oci:$layout:$tag")
config=$(skopeo inspect --config --raw "oci:$layout:$tag")
commit=$(ostree commit --repo="$sysroot/ostree/repo" --owner-uid=0 --owner-gid=0 --tree=dir="$r" \
    --branch=demo/staging --add-metadata-string=ostree.manifest-digest="$digest" \
    --add-metadata-string=ostree.container.image-config="$config")
printf '[origin]\ncontainer-image-reference=ostree-unverified-image:oci:%s:%s\n' "$layout" "$tag" > "$work/origin"
ostree admin deploy --sysroot="$sysroot" --os=demo --origin-file="$work/origin" \
    --karg=root=LABEL=root --karg=rw "$commit" >/dev/null
ostree refs --repo="$sysroot/ostree/repo" --delete demo/staging
echo "demo sysroot: $sysroot" >&2
