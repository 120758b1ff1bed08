package dev.bootcj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Image root trees for {@code bootc container lint} tests. */
public final class LintRoots {
    private LintRoots() {
    }

    /**
     * Lays out under {@code root} a tree every lint passes (linted as another root, so var-tmpfiles does not
     * run): one kernel {@code kver}, an empty /boot, /sysroot, /ostree -> sysroot/ostree, composefs enabled.
     */
    public static void passing(Path root, String kver) throws IOException {
        write(root, "usr/lib/modules/" + kver + "/vmlinuz", "vmlinuz");
        Files.createDirectories(root.resolve("boot"));
        Files.createDirectories(root.resolve("sysroot"));
        Files.createSymbolicLink(root.resolve("ostree"), Path.of("sysroot/ostree"));
        write(root, "usr/lib/ostree/prepare-root.conf", "[composefs]\nenabled = true\n");
    }

    /** Writes {@code content} to {@code root/rel}, creating parent directories. */
    public static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
