package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.BootcException;
import dev.bootcj.boot.LoopDevice;
import dev.bootcj.boot.ProcessTask;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.Host;
import dev.bootcj.status.HostStatusReader;
import dev.bootcj.sys.Posix;
import dev.bootcj.testing.BootableImages;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install to-disk (via a loop device) and to-filesystem on real disk images, with real sfdisk, mkfs and GRUB. */
class DiskInstallTest {
    @TempDir
    Path tmp;
    BootableImages images;
    final List<String> out = new ArrayList<>();

    @BeforeEach
    void images() throws Exception {
        images = new BootableImages(tmp.resolve("images"));
    }

    DiskInstall.Options options(String tag, String fs, boolean wipe, boolean loop) {
        OstreeImageReference ref = new OstreeImageReference(null, Transport.OCI, images.dir() + ":" + tag);
        return new DiskInstall.Options(ref, ref, "default", fs, null, List.of("extra.karg=1"), wipe, loop);
    }

    Path disk(String name, String size) throws Exception {
        Path d = tmp.resolve(name);
        ProcessTask.of("truncate", "-s", size, d.toString()).run();
        return d;
    }

    @Test
    void toDiskLaysOutGptFilesystemsSysrootAndGrub() throws Exception {
        Path disk = disk("disk.raw", "2G");
        BootEntryOstree d = DiskInstall.toDisk(disk, options("v1", "ext4", false, true), RegistryOptions.defaults(), out::add);
        assertTrue(out.contains("Installation complete!"), out.toString());
        String table = ProcessTask.of("sfdisk", "--dump", disk.toString()).run();
        assertTrue(table.contains("name=\"BIOS-BOOT\"") && table.contains("name=\"EFI-SYSTEM\"") && table.contains("name=\"root\""),
                table);
        try (LoopDevice loop = LoopDevice.attach(disk)) {
            loop.rescan();
            String esp = ProcessTask.of("mdir", "-i", LoopDevice.partitionNode(loop.device(), 2).toString(), "::/EFI/BOOT")
                    .env("MTOOLS_SKIP_CHECK", "1").run();
            assertTrue(esp.contains("BOOTX64  EFI"), esp);
            Path mnt = Files.createDirectory(tmp.resolve("mnt"));
            Posix.mount(LoopDevice.partitionNode(loop.device(), 3).toString(), mnt, "ext4", Posix.MS_RDONLY, null);
            try {
                Host host = HostStatusReader.read(mnt, () -> { });
                assertEquals(d, host.status().booted().ostree());
                assertEquals(images.dir() + ":v1", host.spec().image().image());
                String syslinux = Files.readString(mnt.resolve("boot/loader/syslinux.cfg"));
                assertTrue(syslinux.contains("APPEND root=UUID=") && syslinux.contains(" rw console=ttyS0 img.karg=1 extra.karg=1 ostree="),
                        syslinux);
                String grub = Files.readString(mnt.resolve("boot/grub/grub.cfg"));
                assertTrue(grub.contains("syslinux_source /boot/syslinux/syslinux.cfg"), grub);
                assertTrue(Files.isRegularFile(mnt.resolve("boot/grub/i386-pc/normal.mod")));
                assertTrue(Files.readString(mnt.resolve(".bootc-aleph.json")).contains("\"image\":\"" + images.dir() + "@sha256:"));
            } finally {
                Posix.umount(mnt, 0);
            }
        }
    }

    @Test
    void refusalsHappenBeforeAnythingIsWritten() throws Exception {
        Path disk = disk("disk.raw", "2G");
        DiskInstall.toDisk(disk, options("v1", "ext4", false, true), RegistryOptions.defaults(), out::add);
        String before = sha256(disk);
        List<Object[]> cases = List.of(
                new Object[] {options("v1", "ext4", false, true), "Detected existing partitions on " + disk},
                new Object[] {options("v1", "ext4", true, false), "Not a block device: " + disk},
                new Object[] {options("no-such-tag", "ext4", true, true), "not found"});
        for (Object[] c : cases) {
            BootcException e = assertThrows(BootcException.class,
                    () -> DiskInstall.toDisk(disk, (DiskInstall.Options) c[0], RegistryOptions.defaults(), out::add));
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
            assertEquals(before, sha256(disk));
        }
        Path small = disk("small.raw", "600M");
        BootcException tooSmall = assertThrows(BootcException.class,
                () -> DiskInstall.toDisk(small, options("v1", "ext4", false, true), RegistryOptions.defaults(), out::add));
        assertTrue(tooSmall.getMessage().startsWith("Disk " + small + " is too small: 600.0 MiB"), tooSmall.getMessage());
        BootcException noFs = assertThrows(BootcException.class,
                () -> DiskInstall.toDisk(small, options("v1", null, false, true), RegistryOptions.defaults(), out::add));
        assertEquals("No install configuration found, and no filesystem specified", noFs.getMessage());
        assertEquals(0, countNonZero(small), "nothing written to the small disk");
    }

    @Test
    void imageWithoutKernelIsRefused() throws Exception {
        // A bootable-labelled image whose kernel a top layer deletes.
        images.derive("nokernel", "0", Map.of("usr/lib/modules/.wh." + BootableImages.KVER, ""), BootableImages.LABELS);
        Path disk = disk("disk.raw", "2G");
        BootcException e = assertThrows(BootcException.class,
                () -> DiskInstall.toDisk(disk, options("nokernel", "ext4", false, true), RegistryOptions.defaults(), out::add));
        assertEquals("Image oci:" + images.dir() + ":nokernel has no kernel (no /usr/lib/modules/$kver/vmlinuz)", e.getMessage());
        assertEquals(0, countNonZero(disk));
    }

    @Test
    void toFilesystemOnALoopMountedFilesystemMatchesToDisk() throws Exception {
        Path disk = disk("disk.raw", "2G");
        BootEntryOstree viaDisk = DiskInstall.toDisk(disk, options("v1", "ext4", false, true), RegistryOptions.defaults(), out::add);
        Path fsImage = disk("fs.raw", "1G");
        ProcessTask.of("mkfs.ext4", "-q", "-F", fsImage.toString()).run();
        Path mnt = Files.createDirectory(tmp.resolve("target"));
        try (LoopDevice loop = LoopDevice.attach(fsImage)) {
            Posix.mount(loop.device().toString(), mnt, "ext4", 0, null);
            try {
                BootEntryOstree viaFs = DiskInstall.toFilesystem(mnt, DiskInstall.Replace.NONE,
                        options("v1", "ext4", false, false), RegistryOptions.defaults(), out::add);
                assertEquals(viaDisk, viaFs, "the same commit, serial 0, in both");
                assertTrue(out.stream().anyMatch(l -> l.startsWith("Bootloader: not installed")), out.toString());
                DiskInstall.finalizeInstall(mnt);
                BootcException again = assertThrows(BootcException.class, () -> DiskInstall.toFilesystem(mnt,
                        DiskInstall.Replace.NONE, options("v1", "ext4", false, false), RegistryOptions.defaults(), out::add));
                assertEquals("Cannot redeploy over extant stateroot default", again.getMessage());
            } finally {
                Posix.umount(mnt, 0);
            }
        }
        BootcException notMount = assertThrows(BootcException.class, () -> DiskInstall.toFilesystem(tmp,
                DiskInstall.Replace.NONE, options("v1", "ext4", false, false), RegistryOptions.defaults(), out::add));
        assertEquals("Not a mountpoint: " + tmp, notMount.getMessage());
    }

    static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] buf = new byte[1 << 20];
            for (long pos = 0; pos < r.length(); pos += 64L << 20) { // sample every 64 MiB (sparse 2 GiB file)
                r.seek(pos);
                md.update(buf, 0, r.read(buf));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Non-zero bytes in the first MiB (where a partition table would be). */
    static int countNonZero(Path f) throws Exception {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] buf = new byte[1 << 20];
            int n = r.read(buf);
            int c = 0;
            for (int i = 0; i < Math.max(n, 0); i++) {
                c += buf[i] != 0 ? 1 : 0;
            }
            return c;
        }
    }
}
