package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.NativeException;
import dev.bootcj.boot.LoopDevice;
import dev.bootcj.boot.ProcessTask;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.sys.Posix;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.FileSnapshot;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.registry.TestTar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A switch that runs out of disk space fails with one line and leaves the sysroot and repo as they were. */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void diskFullDuringImportChangesNothing() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images"));
        Path big = tmp.resolve("big.tar");
        TestTar.randomFile(big, "usr/share/big.bin", 160L << 20, 42);
        images.deriveWithLayerFile("huge", "9", big);
        Path fs = tmp.resolve("small.ext4");
        ProcessTask.of("truncate", "-s", "96M", fs.toString()).run();
        ProcessTask.of("mkfs.ext4", "-q", "-F", fs.toString()).run();
        Path root = Files.createDirectory(tmp.resolve("root"));
        try (LoopDevice loop = LoopDevice.attach(fs)) {
            Posix.mount(loop.device().toString(), root, "ext4", 0, null);
            try {
                OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
                Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                        RegistryOptions.defaults(), x -> { });
                FileSnapshot before = FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy"));
                String refsBefore = SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo"));
                try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
                    Exception e = assertThrows(Exception.class, () -> Switch.run(host,
                            new OstreeImageReference(null, Transport.OCI, images.dir() + ":huge"), RegistryOptions.defaults(),
                            x -> { }));
                    assertTrue(e instanceof IOException || e instanceof ImageException || e instanceof NativeException,
                            e.toString());
                    assertTrue(e.getMessage().matches("(?s).*(No space left on device|space|ENOSPC).*"), e.getMessage());
                    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
                }
                assertEquals(before, FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy")));
                assertEquals(refsBefore, SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo")));
                SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
            } finally {
                Posix.umount(root, 0);
            }
        }
    }
}
