package dev.bootcj.shell;

import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A bootable image in a local OCI layout ({@code oci:DIR:TAG}): a kernel and initramfs under
 * {@code usr/lib/modules}, {@code usr/etc/os-release}, the bootc labels, and optionally a second layer of
 * random (incompressible) files so that pulling it takes a while.
 */
public final class BootableImage {
    private BootableImage() {
    }

    /** Builds {@code dir} with tag {@code tag}; {@code randomMiB} of random files in a second layer (0: none). */
    public static String create(Path dir, String tag, int randomMiB) throws IOException {
        OciLayoutBuilder oci = new OciLayoutBuilder(dir);
        Path root = Files.createTempDirectory(dir.getParent(), "rootfs");
        String kver = SysrootFixture.KVER;
        write(root.resolve("usr/lib/modules/" + kver + "/vmlinuz"), "kernel " + kver + "\n");
        write(root.resolve("usr/lib/modules/" + kver + "/initramfs.img"), "initramfs " + kver + "\n");
        write(root.resolve("usr/etc/os-release"), "ID=testos\nVERSION_ID=3\n");
        write(root.resolve("usr/share/tag"), tag + "\n");
        OciLayoutBuilder.Layer base = oci.addLayerFile(tar(root), Compression.GZIP);
        Tools.run("rm", "-rf", root.toString());
        List<OciLayoutBuilder.Layer> layers = List.of(base);
        if (randomMiB > 0) {
            Path big = Files.createTempDirectory(dir.getParent(), "bigfs");
            Random random = new Random(42);
            byte[] buf = new byte[1 << 20];
            for (int f = 0; f < randomMiB / 8 + 1; f++) {
                Path p = big.resolve("usr/share/random/blob" + f);
                Files.createDirectories(p.getParent());
                try (OutputStream out = Files.newOutputStream(p)) {
                    for (int i = 0; i < Math.min(8, randomMiB - f * 8); i++) {
                        random.nextBytes(buf);
                        out.write(buf);
                    }
                }
            }
            layers = List.of(base, oci.addLayerFile(tar(big), Compression.NONE));
            Tools.run("rm", "-rf", big.toString());
        }
        Descriptor image = oci.addImage(layers, "amd64", Map.of("containers.bootc", "1", "ostree.bootable", "1",
                "org.opencontainers.image.version", "3.0"));
        oci.tag(image, tag);
        return image.digest().toString();
    }

    private static Path tar(Path root) throws IOException {
        Path tar = Files.createTempFile(root.getParent(), "layer", ".tar");
        Tools.run("tar", "--numeric-owner", "--owner=0", "--group=0", "-C", root.toString(), "-cf", tar.toString(),
                "usr");
        return tar;
    }

    private static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
