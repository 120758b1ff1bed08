#!/bin/sh
# Writes a generated two-layer container image as an OCI layout (DIR/oci, tag "train"), for the AOT training of
# the importing verbs (train.sh), and its layers as DIR/layer1.tar.zst and DIR/layer2.tar.gz for
# bench/import-vs-ostree.sh, which trains its own cache (for its class path) on them.
# The layers look like a rootfs in miniature: about 7,000 regular files in 200 directories, sizes from 200 bytes
# to 3 MiB (some above the importer's 128 KiB buffer), executables, symlinks, a hardlink, /etc and /var content;
# layer 1 zstd-compressed, layer 2 gzip (both decoders get trained). Content is random, so nothing deduplicates.
# Needs tar, zstd, gzip, sha256sum, head, split. Usage: make-image.sh DIR
set -eu
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bootcj-image.XXXXXX")
trap 'rm -rf "$work"' EXIT

# fill DIR PREFIX BYTES COUNT: COUNT files of BYTES random bytes each
fill() {
    mkdir -p "$1"
    head -c $(($3 * $4)) /dev/urandom | (cd "$1" && split -a 3 -b "$3" - "$2")
}

make_tree() { # make_tree ROOT SEED: one layer's tree
    r=$1
    for d in $(seq 0 39); do
        fill "$r/usr/share/doc/pkg$2$d" f 600 40
        fill "$r/usr/lib/x86_64-linux-gnu/lib$2$d" so 9000 20
        fill "$r/usr/share/locale/l$2$d/LC_MESSAGES" mo 2500 10
        fill "$r/usr/share/man/man$2$d" m 1500 15
        ln -s "../doc/pkg$2$d/faa" "$r/usr/share/man/man$2$d/link"
    done
    fill "$r/usr/bin" "b$2" 40000 60
    chmod 0755 "$r"/usr/bin/*
    for f in aaa aab aac aad aae; do ln -s "b$2$f" "$r/usr/bin/alias-$2$f"; done
    ln "$r/usr/bin/b$2aaa" "$r/usr/bin/hard-$2"
    fill "$r/usr/lib/modules" "k$2" 3145728 2
    fill "$r/etc/conf$2.d" c 300 50
    fill "$r/var/lib/state$2" s 200 20
}

layer() { # layer N COMPRESSOR: tar of tree N, compressed into the layout; sets digest, diffid, size, file
    make_tree "$work/tree$1" "$1"
    tar --numeric-owner --owner=0 --group=0 -C "$work/tree$1" -cf "$work/layer$1.tar" .
    diffid=$(sha256sum "$work/layer$1.tar" | cut -d' ' -f1)
    $2 -c < "$work/layer$1.tar" > "$work/blob"
    digest=$(sha256sum "$work/blob" | cut -d' ' -f1)
    size=$(stat -c %s "$work/blob")
    mv "$work/blob" "$out/oci/blobs/sha256/$digest"
}

rm -rf "$out/oci"
mkdir -p "$out/oci/blobs/sha256"
layer 1 "zstd -q -3"
d1=$digest s1=$size i1=$diffid
cp "$out/oci/blobs/sha256/$d1" "$out/layer1.tar.zst"
layer 2 "gzip -1 -n"
d2=$digest s2=$size i2=$diffid
cp "$out/oci/blobs/sha256/$d2" "$out/layer2.tar.gz"

blob() { # blob TEXT: writes TEXT as a blob; sets digest, size
    printf '%s' "$1" > "$work/blob"
    digest=$(sha256sum "$work/blob" | cut -d' ' -f1)
    size=$(stat -c %s "$work/blob")
    mv "$work/blob" "$out/oci/blobs/sha256/$digest"
}
blob '{"architecture":"amd64","os":"linux","created":"2024-01-01T00:00:00Z","config":{"Labels":{"containers.bootc":"1","org.opencontainers.image.version":"train"}},"rootfs":{"type":"layers","diff_ids":["sha256:'$i1'","sha256:'$i2'"]}}'
blob '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:'$digest'","size":'$size'},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":"sha256:'$d1'","size":'$s1'},{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:'$d2'","size":'$s2'}]}'
printf '%s' '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:'$digest'","size":'$size',"annotations":{"org.opencontainers.image.ref.name":"train"}}]}' > "$out/oci/index.json"
printf '%s' '{"imageLayoutVersion":"1.0.0"}' > "$out/oci/oci-layout"
