package dev.bootcj.deploy;

import dev.bootcj.Bytes;
import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.SysrootException;
import dev.bootcj.boot.Bootloader;
import dev.bootcj.boot.LoopDevice;
import dev.bootcj.boot.ProcessTask;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Platform;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.registry.ImageSource;
import dev.bootcj.registry.ImageSources;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.registry.ResolvedImage;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code bootc install to-disk} and {@code to-filesystem}: every check that can fail runs before anything is
 * written; then GPT (BIOS-BOOT 1 MiB, ESP 512 MiB, root), filesystems, the ostree sysroot, the image, and GRUB.
 */
public final class DiskInstall {
    private static final long MIB = 1L << 20;

    private DiskInstall() {
    }

    /**
     * Install options shared by the verbs.
     *
     * @param source the image to install
     * @param target what the system tracks afterwards (the origin)
     * @param stateroot the stateroot
     * @param filesystem {@code xfs}/{@code ext4} (null: from the image's install configuration)
     * @param rootSizeMiB the root partition's size (null: rest of the disk)
     * @param kargs {@code --karg} values
     * @param wipe {@code --wipe}
     * @param viaLoopback {@code --via-loopback}
     */
    public record Options(OstreeImageReference source, OstreeImageReference target, String stateroot,
            String filesystem, Long rootSizeMiB, List<String> kargs, boolean wipe, boolean viaLoopback) {
    }

    /** What the image contributes, read before writing. */
    private record Prepared(ImageScan scan, InstallConfig config, String digest) {
    }

    /** Installs onto the whole {@code device} (a block device, or a disk image file with {@code viaLoopback}). */
    public static BootEntryOstree toDisk(Path device, Options o, RegistryOptions registry, Reporter out)
            throws IOException, BootcException {
        boolean block = isBlockDevice(device);
        if (!block) {
            if (!Files.isRegularFile(device) || !o.viaLoopback()) {
                throw new SysrootException("Not a block device: " + device
                        + (Files.isRegularFile(device) ? " (use --via-loopback for a disk image file)" : ""));
            }
        } else {
            checkNotMounted(device);
        }
        if (hasPartitions(device) && !o.wipe()) {
            throw new SysrootException("Detected existing partitions on " + device
                    + "; use e.g. `wipefs` or --wipe if you intend to overwrite");
        }
        Prepared p = prepare(o, registry);
        String fs = filesystem(o, p.config());
        long size = block ? Long.parseLong(ProcessTask.of("blockdev", "--getsize64", device.toString()).run().strip())
                : Files.size(device);
        long needed = 514 * MIB + Math.max(1024 * MIB, p.scan().uncompressedSize() * 13 / 10 + 256 * MIB);
        if (o.rootSizeMiB() != null) {
            needed = Math.max(needed, 514 * MIB + o.rootSizeMiB() * MIB);
        }
        if (size < needed) {
            throw new SysrootException("Disk " + device + " is too small: " + Bytes.human(size) + " (this image needs "
                    + "at least " + Bytes.human(needed) + ")");
        }
        out.line("Block setup: direct");
        out.line("       Size: " + size);
        try (LoopDevice loop = o.viaLoopback() && !block ? LoopDevice.attach(device) : null) {
            Path disk = loop != null ? loop.device() : device;
            if (o.wipe()) {
                ProcessTask.of("wipefs", "-a", disk.toString()).describe("Wiping " + disk).run();
            }
            String root = o.rootSizeMiB() == null ? "" : "size=" + o.rootSizeMiB() + "MiB, ";
            ProcessTask.of("sfdisk", "--quiet", "--wipe=always", disk.toString()).describe("Partitioning " + disk)
                    .input("""
                            label: gpt
                            size=1MiB, bootable, type=21686148-6449-6E6F-744E-656564454649, name="BIOS-BOOT"
                            size=512MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI-SYSTEM"
                            %stype=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="root"
                            """.formatted(root)).run();
            if (loop != null) {
                loop.rescan();
            }
            Path esp = LoopDevice.partitionNode(disk, 2);
            Path rootPart = LoopDevice.partitionNode(disk, 3);
            ProcessTask.of("mkfs.fat", "-F", "32", "-n", "EFI-SYSTEM", esp.toString()).describe("Formatting the ESP").run();
            String uuid = UUID.randomUUID().toString();
            mkfs(fs, rootPart, uuid);
            Path mnt = Files.createDirectories(Path.of("/run/bootc/mounts")).resolve("rootfs-" + ProcessHandle.current().pid());
            Files.createDirectories(mnt);
            Posix.mount(rootPart.toString(), mnt, fs, 0, null);
            try {
                BootEntryOstree d = installInto(mnt, uuid, o, p, registry, out);
                Path deployment = mnt.resolve("ostree/deploy").resolve(o.stateroot()).resolve("deploy")
                        .resolve(d.checksum() + "." + d.deploySerial());
                Bootloader.installBios(mnt, disk, grubModules(deployment, "i386-pc"));
                Bootloader.installUefi(mnt, esp, grubModules(deployment, "x86_64-efi"), uuid);
                Posix.syncfs(mnt);
                out.line("Installation complete!");
                return d;
            } finally {
                Posix.umount(mnt, 0);
                Files.deleteIfExists(mnt);
            }
        }
    }

    /** How {@code to-filesystem} treats existing content. */
    public enum Replace {
        /** The filesystem must be empty (but for {@code lost+found} and an empty {@code /boot}). */
        NONE,
        /** Delete everything first. */
        WIPE,
        /** Keep the existing system; only empty {@code /boot}. */
        ALONGSIDE
    }

    /**
     * Installs into the mounted filesystem {@code root}; GRUB goes onto the disk holding it when that disk has the
     * BIOS-BOOT/ESP layout.
     */
    public static BootEntryOstree toFilesystem(Path root, Replace replace, Options o, RegistryOptions registry,
            Reporter out) throws IOException, BootcException {
        if (!Files.isDirectory(root)) {
            throw new SysrootException("Not a directory: " + root);
        }
        Map<String, String> mount = findmnt(root);
        if (mount == null) {
            throw new SysrootException("Not a mountpoint: " + root);
        }
        if (Files.exists(root.resolve("ostree/deploy").resolve(o.stateroot()))) {
            throw new SysrootException("Cannot redeploy over extant stateroot " + o.stateroot());
        }
        if (replace == Replace.NONE) {
            checkEmpty(root);
        }
        Prepared p = prepare(o, registry);
        if (replace == Replace.WIPE) {
            try (Stream<Path> s = Files.list(root)) {
                for (Path c : s.toList()) {
                    if (!c.getFileName().toString().equals("lost+found")) {
                        Tree.delete(c);
                    }
                }
            }
        } else if (replace == Replace.ALONGSIDE && Files.isDirectory(root.resolve("boot"))) {
            try (Stream<Path> s = Files.list(root.resolve("boot"))) {
                for (Path c : s.toList()) {
                    if (!c.getFileName().toString().equals("efi")) {
                        Tree.delete(c);
                    }
                }
            }
        }
        String uuid = mount.get("UUID");
        BootEntryOstree d = installInto(root, uuid, o, p, registry, out);
        String disk = ProcessTask.of("lsblk", "-no", "PKNAME", mount.get("SOURCE")).runUnchecked().stdout().strip();
        if (!disk.isEmpty() && Files.exists(Path.of("/dev", disk))) {
            Path deployment = root.resolve("ostree/deploy").resolve(o.stateroot()).resolve("deploy")
                    .resolve(d.checksum() + "." + d.deploySerial());
            Bootloader.installBios(root, Path.of("/dev", disk), grubModules(deployment, "i386-pc"));
            Bootloader.installUefi(root, LoopDevice.partitionNode(Path.of("/dev", disk), 2),
                    grubModules(deployment, "x86_64-efi"), uuid);
        } else {
            out.line("Bootloader: not installed (" + mount.get("SOURCE") + " is not a partition of a disk)");
        }
        Posix.syncfs(root);
        out.line("Installation complete!");
        return d;
    }

    /** {@code bootc install finalize}: the sanity check that an installation left a deployment. */
    public static void finalizeInstall(Path root) throws IOException, BootcException {
        try (OstreeSysroot s = OstreeSysroot.open(root)) {
            if (s.deployments().isEmpty()) {
                throw new SysrootException("Failed to find deployment in " + root);
            }
        } catch (NotASysrootException e) {
            throw new SysrootException("Failed to find deployment in " + root, e);
        }
    }

    private static Prepared prepare(Options o, RegistryOptions registry) throws IOException, BootcException {
        try (ImageSource source = ImageSources.open(o.source(), registry)) {
            ResolvedImage image = source.resolve(Platform.host());
            ImagePull.checkBootable(image);
            ImageScan scan = ImageScan.of(source, image);
            if (scan.kernels().size() != 1) {
                throw new ImageException("Image " + o.source().transportReference() + (scan.kernels().isEmpty()
                        ? " has no kernel (no /usr/lib/modules/$kver/vmlinuz)"
                        : " has " + scan.kernels().size() + " kernels " + scan.kernels() + "; expected exactly one"));
            }
            return new Prepared(scan, scan.installConfig(KargsD.hostArchitecture()), image.digest().toString());
        }
    }

    private static String filesystem(Options o, InstallConfig config) throws SysrootException {
        String fs = o.filesystem() != null ? o.filesystem() : config.rootFilesystem();
        if (fs == null) {
            throw new SysrootException(config.present()
                    ? "No root filesystem specified (the install configuration names none; use --filesystem)"
                    : "No install configuration found, and no filesystem specified");
        }
        if (!fs.equals("ext4") && !fs.equals("xfs")) {
            throw new SysrootException("Unsupported root filesystem '" + fs + "' (expected xfs or ext4)");
        }
        return fs;
    }

    private static BootEntryOstree installInto(Path root, String uuid, Options o, Prepared p, RegistryOptions registry,
            Reporter out) throws IOException, BootcException {
        Bootloader.prepare(root, uuid);
        List<String> configKargs = p.config().kargs() == null ? List.of() : p.config().kargs();
        BootEntryOstree d = Install.toFilesystem(root, new Install.Plan(o.source(), o.target(), o.stateroot(),
                List.of("root=UUID=" + uuid, "rw"), configKargs, o.kargs(), "syslinux"), registry, out);
        writeAleph(root, o, p);
        return d;
    }

    private static void writeAleph(Path root, Options o, Prepared p) throws IOException {
        Map<String, Object> aleph = new LinkedHashMap<>();
        aleph.put("image", o.source().name().replaceFirst(":[^:/]+$", "") + "@" + p.digest());
        aleph.put("version", null);
        aleph.put("timestamp", Instant.now().toString());
        aleph.put("kernel", System.getProperty("os.version"));
        aleph.put("selinux", "disabled");
        Files.writeString(root.resolve(".bootc-aleph.json"), SpecMapper.json().writeValueAsString(aleph));
    }

    private static void mkfs(String fs, Path part, String uuid) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (fs.equals("xfs")) {
            cmd.addAll(List.of("mkfs.xfs", "-q", "-f", "-m", "uuid=" + uuid, "-L", "root", part.toString()));
        } else {
            cmd.addAll(List.of("mkfs.ext4", "-q", "-F", "-U", uuid, "-L", "root", part.toString()));
        }
        ProcessTask.of(cmd).describe("Formatting " + part + " as " + fs).run();
    }

    private static Path grubModules(Path deployment, String platform) throws SysrootException {
        for (Path p : List.of(deployment.resolve("usr/lib/grub").resolve(platform), Path.of("/usr/lib/grub", platform))) {
            if (Files.isRegularFile(p.resolve("normal.mod"))) {
                return p;
            }
        }
        throw new SysrootException("No GRUB modules for " + platform + " in the image or on this host (install "
                + (platform.equals("i386-pc") ? "grub-pc-bin" : "grub-efi-amd64-bin") + ")");
    }

    private static boolean isBlockDevice(Path p) throws IOException, SysrootException {
        if (!Files.exists(p)) {
            throw new SysrootException("No such device or file: " + p);
        }
        int mode = (Integer) Files.getAttribute(p, "unix:mode");
        return (mode & 0170000) == 0060000;
    }

    private static boolean hasPartitions(Path device) throws IOException {
        ProcessTask.Result r = ProcessTask.of("sfdisk", "--dump", device.toString()).runUnchecked();
        return r.exitCode() == 0 && r.stdout().contains("start=");
    }

    private static void checkNotMounted(Path device) throws IOException, SysrootException {
        String dev = device.toRealPath().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String source = line.split(" ")[0];
            if (source.equals(dev) || source.startsWith(dev) && source.substring(dev.length()).matches("p?\\d+")) {
                throw new SysrootException(device + " is in use: " + source + " is mounted on " + line.split(" ")[1]);
            }
        }
    }

    private static void checkEmpty(Path root) throws IOException, SysrootException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path c : s.toList()) {
                String name = c.getFileName().toString();
                if (name.equals("lost+found")) {
                    continue;
                }
                if (name.equals("boot") && Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> b = Files.list(c)) {
                        if (b.allMatch(x -> List.of("efi", "lost+found").contains(x.getFileName().toString()))) {
                            continue;
                        }
                    }
                }
                throw new SysrootException(root + " is not empty (found " + name
                        + "); use --replace=wipe or --replace=alongside");
            }
        }
    }

    /** {@code findmnt} of exactly this mountpoint: SOURCE, UUID, FSTYPE; null if it is not one. */
    private static Map<String, String> findmnt(Path root) throws IOException {
        ProcessTask.Result r = ProcessTask.of("findmnt", "-n", "-P", "-o", "SOURCE,UUID,FSTYPE", "--mountpoint",
                root.toAbsolutePath().toString()).runUnchecked();
        if (r.exitCode() != 0 || r.stdout().isBlank()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : r.stdout().strip().split("\" ")) {
            String[] parts = kv.split("=\"", 2);
            out.put(parts[0].trim(), parts.length > 1 ? parts[1].replace("\"", "") : "");
        }
        if (out.getOrDefault("UUID", "").isEmpty()) {
            String uuid = ProcessTask.of("blkid", "-s", "UUID", "-o", "value", out.get("SOURCE")).runUnchecked().stdout().strip();
            out.put("UUID", uuid);
        }
        return out;
    }
}
