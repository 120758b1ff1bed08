package dev.bootcj.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The bootloader of an installed disk: GRUB for BIOS (core image in the BIOS-BOOT partition) and UEFI
 * (removable path {@code EFI/BOOT/BOOTX64.EFI}), reading a static {@code /boot/grub/grub.cfg} that sources
 * ostree's {@code syslinux.cfg}.
 *
 * <p>Why: Debian's GRUB 2.06 cannot read boot loader spec entries, and ostree's grub2 backend cannot run on
 * Debian. With {@code sysroot.bootloader=syslinux}, libostree writes a complete {@code /boot/loader.N/syslinux.cfg}
 * on every change of the deployment list (deploy, rollback, and the staged finalize at shutdown) and swaps the
 * {@code /boot/loader} link atomically; GRUB's {@code syslinuxcfg} module turns it into menu entries at boot,
 * entry 0 always being ostree's default. Nothing of ours has to run after a deployment change.
 */
public final class Bootloader {
    /** The modules of the BIOS core image. */
    static final List<String> BIOS_MODULES = List.of("part_gpt", "ext2", "xfs", "search_fs_uuid", "syslinuxcfg");
    /** The modules of the UEFI image. */
    static final List<String> EFI_MODULES = List.of("part_gpt", "ext2", "xfs", "fat", "normal", "linux", "search",
            "search_label", "search_fs_uuid", "configfile", "echo", "serial", "terminal", "efi_gop", "all_video",
            "gzio", "test", "ls", "cat", "boot", "syslinuxcfg");

    private Bootloader() {
    }

    /**
     * Lays out {@code /boot} of the mounted root before the first deployment: the syslinux links ostree's backend
     * writes through, and the static grub.cfg that finds the root filesystem by {@code rootUuid}.
     */
    public static void prepare(Path root, String rootUuid) throws IOException {
        Path boot = root.resolve("boot");
        Files.createDirectories(boot.resolve("syslinux"));
        Files.createDirectories(boot.resolve("loader.0"));
        Files.createDirectories(boot.resolve("grub"));
        if (!Files.exists(boot.resolve("loader"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(boot.resolve("loader"), Path.of("loader.0"));
        }
        Path syslinux = boot.resolve("syslinux/syslinux.cfg");
        Files.deleteIfExists(syslinux);
        Files.createSymbolicLink(syslinux, Path.of("../loader/syslinux.cfg"));
        Path cfg = boot.resolve("loader/syslinux.cfg");
        if (!Files.exists(cfg)) {
            Files.writeString(cfg, "TIMEOUT 30\n");
        }
        Files.writeString(boot.resolve("grub/grub.cfg"), grubConfig(rootUuid));
    }

    /** The static grub.cfg. */
    public static String grubConfig(String rootUuid) {
        return """
                # Written by bootc install; never regenerated. ostree rewrites /boot/loader/syslinux.cfg on every
                # deployment change and GRUB reads it through the syslinuxcfg module: entry 0 is the default.
                serial --unit=0 --speed=115200
                terminal_input serial console
                terminal_output serial console
                insmod part_gpt
                insmod ext2
                insmod xfs
                insmod syslinuxcfg
                search --no-floppy --fs-uuid --set=root %s
                if [ -f /boot/syslinux/syslinux.cfg ]; then
                  syslinux_source /boot/syslinux/syslinux.cfg
                else
                  echo "ERROR: /boot/syslinux/syslinux.cfg missing"
                fi
                set default=0
                set timeout=1
                """.formatted(rootUuid);
    }

    /** Installs GRUB for BIOS onto {@code disk}, with modules from {@code modules} (an {@code i386-pc} directory). */
    public static void installBios(Path root, Path disk, Path modules) throws IOException {
        Path shim = udevadmStandIn();
        try {
            ProcessTask t = ProcessTask.of("grub-install", "--target=i386-pc", "--directory=" + modules,
                    "--boot-directory=" + root.resolve("boot"), "--modules=" + String.join(" ", BIOS_MODULES),
                    disk.toString()).describe("Installing GRUB (BIOS) on " + disk);
            if (shim != null) {
                t.env("PATH", shim + ":" + System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
            }
            t.run();
        } finally {
            if (shim != null) {
                Files.deleteIfExists(shim.resolve("udevadm"));
                Files.deleteIfExists(shim);
            }
        }
    }

    /**
     * Builds the UEFI GRUB image and writes it to the ESP partition {@code esp} (a vfat filesystem, written with
     * mtools: vfat need not be mountable), and copies the modules to {@code /boot/grub/x86_64-efi}.
     */
    public static void installUefi(Path root, Path esp, Path modules, String rootUuid) throws IOException {
        Path work = Files.createTempDirectory("bootc-efi");
        try {
            Path early = Files.writeString(work.resolve("early.cfg"),
                    "search --no-floppy --fs-uuid --set=root " + rootUuid + "\nset prefix=($root)/boot/grub\n");
            Path image = work.resolve("BOOTX64.EFI");
            List<String> cmd = new ArrayList<>(List.of("grub-mkimage", "-O", "x86_64-efi", "-d", modules.toString(),
                    "-c", early.toString(), "-p", "/boot/grub", "-o", image.toString()));
            cmd.addAll(EFI_MODULES);
            ProcessTask.of(cmd).describe("Building the UEFI GRUB image").run();
            ProcessTask.of("mmd", "-i", esp.toString(), "::/EFI", "::/EFI/BOOT").env("MTOOLS_SKIP_CHECK", "1")
                    .describe("Writing the ESP").run();
            ProcessTask.of("mcopy", "-i", esp.toString(), image.toString(), "::/EFI/BOOT/BOOTX64.EFI")
                    .env("MTOOLS_SKIP_CHECK", "1").describe("Writing the ESP").run();
            Path target = root.resolve("boot/grub/x86_64-efi");
            Files.createDirectories(target);
            try (var files = Files.list(modules)) {
                for (Path m : files.toList()) {
                    if (Files.isRegularFile(m)) {
                        Files.copy(m, target.resolve(m.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } finally {
            ProcessTask.of("rm", "-rf", work.toString()).runUnchecked();
        }
    }

    /** On hosts without udev, a directory holding our {@code udevadm} stand-in for grub-probe; else null. */
    private static Path udevadmStandIn() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "udevadm"))) {
                return null;
            }
        }
        Path dir = Files.createTempDirectory("bootc-udevadm");
        Path script = dir.resolve("udevadm");
        try (InputStream in = Bootloader.class.getResourceAsStream("udevadm")) {
            Files.copy(in, script);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
