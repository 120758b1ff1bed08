#!/bin/sh
# Creates a small offline sysroot (two container-image deployments, one from a registry and one from an oci
# directory, one pinned) with the ostree CLI, for the AOT training run and the start-up benchmark.
# Usage: make-sysroot.sh DIR [base|minimal]
# The image configurations are shaped like a bootc base image's (base, the default: 16 labels, 64 layers with their
# diff_ids and history, about 14 KB each) or hold just a version label (minimal).
set -eu
root=$1
kind=${2:-base}
case $kind in base|minimal) ;; *) echo "make-sysroot.sh: unknown kind $kind" >&2; exit 2 ;; esac
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
    created=2024-05-0${v}T10:00:00Z
    if [ "$kind" = minimal ]; then
        config='{"architecture":"amd64","os":"linux","created":"'$created'","config":{"Labels":{"org.opencontainers.image.version":"'$v'.0"}},"rootfs":{"type":"layers","diff_ids":[]}}'
    else
        diffs= history= i=0
        while [ $i -lt 64 ]; do
            diffs="$diffs${diffs:+,}\"sha256:$(printf '%064x' $((i * 7919 + v)))\""
            history="$history${history:+,}{\"created\":\"$created\",\"created_by\":\"rpm-ostree chunk $i: kernel glibc systemd bash coreutils\",\"comment\":\"bootc base image layer\"}"
            i=$((i + 1))
        done
        labels='"containers.bootc":"1","ostree.bootable":"1","ostree.linux":"6.1.0-99-amd64"'
        labels=$labels',"ostree.commit":"'$(printf '%064d' 7)'","ostree.final-diffid":"sha256:'$(printf '%064d' 8)'"'
        labels=$labels',"org.opencontainers.image.version":"'$v'.0","org.opencontainers.image.title":"Demo bootc"'
        labels=$labels',"org.opencontainers.image.description":"A bootable container image for the benchmark"'
        labels=$labels',"org.opencontainers.image.source":"https://example.com/demo/base-images"'
        labels=$labels',"org.opencontainers.image.url":"https://example.com/","org.opencontainers.image.vendor":"Example"'
        labels=$labels',"org.opencontainers.image.licenses":"MIT","org.opencontainers.image.revision":"'$(printf '%040d' $v)'"'
        labels=$labels',"io.buildah.version":"1.38.0","redhat.id":"demo","redhat.version-id":"'$v'"'
        config='{"created":"'$created'","architecture":"amd64","os":"linux","config":{"Env":["container=oci",'
        config=$config'"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"],"Cmd":["/sbin/init"],"Labels":{'$labels'},'
        config=$config'"StopSignal":"SIGRTMIN+3"},"rootfs":{"type":"layers","diff_ids":['$diffs']},"history":['$history']}'
    fi
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
