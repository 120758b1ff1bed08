package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.deploy.Install;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.FileSnapshot;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.TarBuilder;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees as deep as the kernel's {@code PATH_MAX} allows import and deploy through the packaged launcher on its
 * default JVM options (libostree's checkout recurses once per level in native code); a path no filesystem can hold
 * is refused in one line before anything is written.
 */
class DeepTreeCliTest {
    /** One-letter directories below {@code usr/}: {@code usr/} + 2,000 x {@code d/} + {@code leaf} is 4,008 bytes. */
    static final int DEPTH = 2000;

    @TempDir
    Path tmp;
    BootableImages images;
    Path root;

    @BeforeEach
    void install() throws Exception {
        images = new BootableImages(tmp.resolve("images"));
        root = tmp.resolve("sysroot");
        OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
        Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                RegistryOptions.defaults(), x -> { });
    }

    /** JUnit's clean-up walks absolute paths, which the deep deployment exceeds; rm walks with openat. */
    @AfterEach
    void removeSysroot() {
        Tools.run("rm", "-rf", root.toString());
    }

    Tools.Result bootc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--sysroot");
        all.add(root.toString());
        return BootcProcess.run(all.toArray(String[]::new));
    }

    @Test
    void twoThousandLevelsImportAndDeploy() throws Exception {
        String dirs = "usr/" + "d/".repeat(DEPTH);
        Path layer = new TarBuilder().file(dirs + "leaf", 0644, "at the bottom\n").writeTo(tmp.resolve("deep.tar"));
        images.deriveWithLayerFile("deep", "2.0", layer);
        Tools.Result sw = bootc("switch", "--transport", "oci", images.dir() + ":deep");
        assertEquals(0, sw.exitCode(), sw.stderr());
        String deployed = bootc("status", "--format", "json").stdout();
        String csum = deployed.replaceAll("(?s).*\"booted\":\\{.*?\"checksum\":\"([0-9a-f]{64})\".*", "$1");
        Path deployment = root.resolve("ostree/deploy/default/deploy/" + csum + ".0");
        assertTrue(Files.isDirectory(deployment), deployed);
        // The deployed path is longer than PATH_MAX: read it one level at a time (openat), as the kernel allows.
        Tools.Result leaf = Tools.exec(null, java.util.Map.of(), List.of("python3", "-c", """
                import os, sys
                fd = os.open(sys.argv[1], os.O_RDONLY | os.O_DIRECTORY)
                for part in sys.argv[2].split('/'):
                    nfd = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
                    os.close(fd)
                    fd = nfd
                leaf = os.open('leaf', os.O_RDONLY, dir_fd=fd)
                sys.stdout.write(os.read(leaf, 100).decode())
                """, deployment.toString(), dirs.substring(0, dirs.length() - 1)));
        assertEquals(0, leaf.exitCode(), leaf.stderr());
        assertEquals("at the bottom\n", leaf.stdout());
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    @Test
    void aOneMegabytePathIsRefusedInOneLine() throws Exception {
        String huge = "usr/" + "a/".repeat(512 * 1024 - 4) + "x";
        Path layer = new TarBuilder().file(huge, 0644, "unreachable\n").writeTo(tmp.resolve("huge.tar"));
        images.deriveWithLayerFile("huge", "3.0", layer);
        FileSnapshot before = FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy"));
        String refsBefore = SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo"));
        Tools.Result sw = bootc("switch", "--transport", "oci", images.dir() + ":huge");
        assertEquals(1, sw.exitCode(), sw.stderr());
        assertEquals(1, sw.stderr().lines().count(), sw.stderr());
        assertTrue(sw.stderr().startsWith("error: Image oci:" + images.dir() + ":huge: layer sha256:"), sw.stderr());
        assertTrue(sw.stderr().contains(": path longer than 4095 bytes (" + huge.length() + ") in layer: usr/a/a/"),
                sw.stderr());
        assertTrue(sw.stderr().length() < 600, sw.stderr());
        assertEquals(before, FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy")));
        assertEquals(refsBefore, SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo")));
    }
}
