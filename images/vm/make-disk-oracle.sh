#!/bin/bash
# Test oracle: turns a bootc OCI image into a bootable raw GPT disk WITHOUT our Java code, using the ostree
# CLI, umoci, sfdisk, mkfs, grub and mtools. It performs, in order, the steps `bootc install to-disk` must
# perform (images/README.md lists them and explains the grub mechanism).
#
# Usage: make-disk-oracle.sh --image LAYOUT:TAG --disk FILE [--size SIZE] [--stateroot NAME] [--karg K]...
#                             [--also-commit TAG]...
# --also-commit imports another tag of the same layout into the disk's repo as branch bootcj/oracle/TAG
# without deploying it (for staged updates inside the guest).
# Prints key=value lines on stdout: commit=<ostree commit> root-uuid=<fs uuid> stateroot=<name> version=<label>
# kargs=<...>, and commit.TAG=<ostree commit> for every --also-commit.
# Needs root, loop devices, umoci, ostree, sfdisk, mkfs.ext4, mkfs.fat, mtools, grub-install, grub-mkimage.
set -euo pipefail

log() { printf '%s make-disk-oracle: %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'make-disk-oracle: %s\n' "$*" >&2; exit 1; }
need_path() {
  local name=$1 value=${2-}
  [[ -n $value ]] || die "$name is empty"
  [[ $value == /* ]] || die "$name must be absolute: $value"
  [[ $value != / ]] || die "$name must not be /"
}

image= disk= size=6G stateroot=debian
extra_kargs=()
also_tags=()
while (($# > 0)); do
  case $1 in
    --image) image=${2-}; shift 2 ;;
    --disk) disk=${2-}; shift 2 ;;
    --size) size=${2-}; shift 2 ;;
    --stateroot) stateroot=${2-}; shift 2 ;;
    --karg) extra_kargs+=("${2-}"); shift 2 ;;
    --also-commit) also_tags+=("${2-}"); shift 2 ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ $image == *:* ]] || die "--image must be LAYOUT:TAG"
layout=${image%:*}
tag=${image##*:}
[[ -f $layout/index.json ]] || die "not an OCI layout: $layout"
[[ -n $disk ]] || die "--disk is required"
disk=$(realpath -m "$disk")
need_path DISK "$disk"
[[ ! -s $disk ]] || die "refusing to overwrite non-empty $disk"
[[ $stateroot =~ ^[A-Za-z0-9_-]+$ ]] || die "bad stateroot: $stateroot"
export MTOOLS_SKIP_CHECK=1
# grub-install maps a partition to its disk through `udevadm info`; these hosts have no udev.
if ! command -v udevadm >/dev/null; then
  PATH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/udevadm-shim:$PATH
fi

work=$(mktemp -d /var/tmp/bootcj-oracle.XXXXXX)
need_path WORK "$work"
mnt=$work/mnt
loop=
cleanup() {
  local rc=$?
  if mountpoint -q "$mnt" 2>/dev/null; then umount -R "$mnt" || rc=1; fi
  if [[ -n $loop ]]; then losetup -d "$loop" || rc=1; fi
  rm -rf "${work:?}"
  if ((rc != 0)); then rm -f "${disk:?}"; fi
  exit $rc
}
trap cleanup EXIT
start=$SECONDS

# No udev here: partition nodes of a loop device appear late or never. Poll, then ask partx, then mknod.
wait_partitions() {
  local dev=$1 count=$2 i n name
  name=${dev##*/}
  for ((i = 0; i < 50; i++)); do
    [[ -b ${dev}p$count ]] && return 0
    sleep 0.1
  done
  partx -u "$dev" 2>/dev/null || partx -a "$dev" 2>/dev/null || true
  for ((n = 1; n <= count; n++)); do
    if [[ ! -b ${dev}p$n ]]; then
      [[ -r /sys/class/block/${name}p$n/dev ]] || die "no partition $n on $dev"
      local majmin
      majmin=$(< "/sys/class/block/${name}p$n/dev")
      mknod "${dev}p$n" b "${majmin%%:*}" "${majmin##*:}"
    fi
  done
}

# 1. Read the image: kernel present, kargs.d, version label, manifest digest.
log "unpacking $image"
umoci unpack --image "$layout:$tag" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs
kernels=("$rootfs"/usr/lib/modules/*/vmlinuz)
[[ -f ${kernels[0]} && ${#kernels[@]} -eq 1 ]] || die "image $image has no single /usr/lib/modules/\$kver/vmlinuz"
readarray -t image_kargs < <(python3 - "$rootfs" <<'PY'
import glob, os, sys, tomllib
root = sys.argv[1]
for path in sorted(glob.glob(os.path.join(root, "usr/lib/bootc/kargs.d/*.toml"))):
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    arches = doc.get("match-architectures")
    if arches is not None and "x86_64" not in arches:
        continue
    for karg in doc.get("kargs", []):
        print(karg)
PY
)
# The org.opencontainers.image.version label of LAYOUT:TAG (the tag when there is none).
image_version() {
  python3 - "$layout" "$1" <<'PY'
import json, os, sys
layout, tag = sys.argv[1:]
def blob(d):
    algo, hexd = d.split(":", 1)
    with open(os.path.join(layout, "blobs", algo, hexd)) as f:
        return json.load(f)
index = json.load(open(os.path.join(layout, "index.json")))
m = next(m for m in index["manifests"] if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag)
config = blob(blob(m["digest"])["config"]["digest"])
print(config.get("config", {}).get("Labels", {}).get("org.opencontainers.image.version", tag))
PY
}
version=$(image_version "$tag")

# 2. Transform to the ostree layout: /etc -> /usr/etc; no device nodes.
[[ ! -e $rootfs/usr/etc ]] || die "image has both /etc and /usr/etc"
mv "$rootfs/etc" "$rootfs/usr/etc"
find "$rootfs/dev" -mindepth 1 -delete

# 3. Partition: GPT with BIOS-BOOT 1 MiB, ESP 512 MiB, root = rest (the layout of upstream's baseline.rs).
truncate -s "$size" "$disk"
loop=$(losetup -fP --show "$disk")
log "disk $disk on $loop"
sfdisk --quiet --wipe=always "$loop" <<'SFDISK'
label: gpt
size=1MiB, bootable, type=21686148-6449-6E6F-744E-656564454649, name="BIOS-BOOT"
size=512MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI-SYSTEM"
type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="root"
SFDISK
wait_partitions "$loop" 3

# 4. Filesystems: ESP (vfat, written with mtools later), root ext4 with a fresh UUID and label root.
root_uuid=$(cat /proc/sys/kernel/random/uuid)
mkfs.fat -F 32 -n EFI-SYSTEM "${loop}p2" >/dev/null
mkfs.ext4 -q -F -U "$root_uuid" -L root "${loop}p3"
mkdir -p "$mnt"
mount "${loop}p3" "$mnt"

# 5. ostree sysroot and the bootloader wiring (syslinux backend + static grub.cfg, machine-notes 5.1).
ostree admin init-fs --modern "$mnt"
ostree admin os-init "$stateroot" --sysroot="$mnt"
ostree config --repo="$mnt/ostree/repo" set sysroot.bootloader syslinux
ostree config --repo="$mnt/ostree/repo" set sysroot.readonly true
mkdir -p "$mnt/boot/syslinux" "$mnt/boot/loader.0" "$mnt/boot/grub"
ln -sfn loader.0 "$mnt/boot/loader"
ln -sfn ../loader/syslinux.cfg "$mnt/boot/syslinux/syslinux.cfg"
printf 'TIMEOUT 30\n' > "$mnt/boot/loader/syslinux.cfg"
cat > "$mnt/boot/grub/grub.cfg" <<GRUB
# Static: never regenerated. ostree rewrites /boot/loader/syslinux.cfg on every deployment change.
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
insmod part_gpt
insmod ext2
insmod syslinuxcfg
search --no-floppy --fs-uuid --set=root $root_uuid
if [ -f /boot/syslinux/syslinux.cfg ]; then
  syslinux_source /boot/syslinux/syslinux.cfg
else
  echo "ERROR: /boot/syslinux/syslinux.cfg missing"
fi
set default=0
set timeout=1
GRUB

# 6. Import: commit the transformed tree (the Java importer does this from the layers).
branch=bootcj/oracle/$tag
also_lines=
commit=$(ostree commit --repo="$mnt/ostree/repo" --branch="$branch" --subject="$image" \
  --add-metadata-string=version="$version" --tree=dir="$rootfs")
log "commit $commit ($branch, version $version)"

for extra_tag in "${also_tags[@]}"; do
  log "unpacking $layout:$extra_tag"
  umoci unpack --image "$layout:$extra_tag" "$work/bundle-$extra_tag" >/dev/null
  extra_root=$work/bundle-$extra_tag/rootfs
  [[ ! -e $extra_root/usr/etc ]] || die "image $layout:$extra_tag has both /etc and /usr/etc"
  mv "$extra_root/etc" "$extra_root/usr/etc"
  find "$extra_root/dev" -mindepth 1 -delete
  extra_commit=$(ostree commit --repo="$mnt/ostree/repo" --branch="bootcj/oracle/$extra_tag" \
    --subject="$layout:$extra_tag" --add-metadata-string=version="$(image_version "$extra_tag")" --tree=dir="$extra_root")
  rm -rf "${work:?}/bundle-$extra_tag"
  also_lines+="commit.$extra_tag=$extra_commit"$'\n'
  log "also committed $extra_tag as $extra_commit"
done

# 7. Deploy with kargs: root=UUID rw, then kargs.d, then --karg. Seed the stateroot /var (2022.7 does not).
kargs=("root=UUID=$root_uuid" rw "${image_kargs[@]}" "${extra_kargs[@]}")
deploy_args=(--karg="${kargs[0]}")
for k in "${kargs[@]:1}"; do deploy_args+=(--karg-append="$k"); done
ostree admin deploy --sysroot="$mnt" --os="$stateroot" "${deploy_args[@]}" "$branch" >&2
cp -a -n "$rootfs/var/." "$mnt/ostree/deploy/$stateroot/var/"
deployment=$(ls -d "$mnt/ostree/deploy/$stateroot/deploy/$commit".*[0-9])
grep -q '^LABEL' "$mnt/boot/loader/syslinux.cfg" || die "ostree wrote no syslinux entry"
log "syslinux.cfg: $(tr '\n' ' ' < "$mnt/boot/loader/syslinux.cfg")"

# 8. grub from the image's own modules: BIOS core.img into BIOS-BOOT, UEFI removable path on the ESP.
grub-install --target=i386-pc --directory="$deployment/usr/lib/grub/i386-pc" --boot-directory="$mnt/boot" \
  --modules="part_gpt ext2 search_fs_uuid syslinuxcfg" "$loop" 2>&1 | sed 's/^/grub-install: /' >&2
cp -a "$deployment/usr/lib/grub/x86_64-efi" "$mnt/boot/grub/"
printf 'search --no-floppy --fs-uuid --set=root %s\nset prefix=($root)/boot/grub\n' "$root_uuid" > "$work/early.cfg"
grub-mkimage -O x86_64-efi -d "$deployment/usr/lib/grub/x86_64-efi" -c "$work/early.cfg" -p /boot/grub \
  -o "$work/BOOTX64.EFI" part_gpt ext2 fat normal linux search search_label search_fs_uuid configfile echo \
  serial terminal efi_gop all_video gzio test ls cat boot syslinuxcfg
# (mtools warns "Could not get geometry" on a loop partition; show its stderr only when it fails.)
mmd -i "${loop}p2" ::/EFI ::/EFI/BOOT 2> "$work/mtools.err" || die "mmd: $(< "$work/mtools.err")"
mcopy -i "${loop}p2" "$work/BOOTX64.EFI" ::/EFI/BOOT/BOOTX64.EFI 2> "$work/mtools.err" \
  || die "mcopy: $(< "$work/mtools.err")"

# 9. Done: sync and release (the trap unmounts and detaches).
sync -f "$mnt"
log "done in $((SECONDS - start)) s"
printf 'commit=%s\nroot-uuid=%s\nstateroot=%s\nversion=%s\nkargs=%s\n' \
  "$commit" "$root_uuid" "$stateroot" "$version" "${kargs[*]}"
printf '%s' "$also_lines"
