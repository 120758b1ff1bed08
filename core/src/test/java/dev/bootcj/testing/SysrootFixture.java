package dev.bootcj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real, unbooted ostree sysroot in a directory, built with the {@code ostree} CLI (the test oracle):
 * {@code admin init-fs}, {@code os-init}, commits with a kernel in {@code usr/lib/modules/$kver/} and
 * {@code admin deploy}. Deployments are mutable ({@code OSTREE_SYSROOT_DEBUG=mutable-deployments}) so
 * temporary directories can be deleted.
 */
public final class SysrootFixture {
    /** The environment every ostree CLI call gets. */
    public static final Map<String, String> ENV = Map.of("OSTREE_SYSROOT_DEBUG", "mutable-deployments");
    /** The kernel version of fixture commits. */
    public static final String KVER = "6.1.0-99-amd64";

    private final Path root;
    private final String osname;
    private int commits;

    private SysrootFixture(Path root, String osname) {
        this.root = root;
        this.osname = osname;
    }

    /** Creates {@code root} as a sysroot with stateroot {@code osname} and {@code sysroot.bootloader=none}. */
    public static SysrootFixture create(Path root, String osname) throws IOException {
        Files.createDirectories(root);
        ostree("admin", "init-fs", "--modern", root.toString());
        ostree("config", "--repo=" + root.resolve("ostree/repo"), "set", "sysroot.bootloader", "none");
        ostree("admin", "os-init", osname, "--sysroot=" + root);
        return new SysrootFixture(root, osname);
    }

    /** The sysroot path. */
    public Path root() {
        return root;
    }

    /** The repo path. */
    public Path repo() {
        return root.resolve("ostree/repo");
    }

    /** The stateroot. */
    public String osname() {
        return osname;
    }

    /**
     * Commits a small bootable tree to branch {@code ref} with the given commit metadata strings; {@code extra}
     * files (path → content) are added. Returns the commit checksum.
     */
    public String commit(String ref, Map<String, String> metadata, Map<String, String> extra) throws IOException {
        Path tree = Files.createTempDirectory(root.getParent(), "tree");
        try {
            write(tree.resolve("usr/lib/modules/" + KVER + "/vmlinuz"), "kernel " + KVER + "\n");
            write(tree.resolve("usr/lib/modules/" + KVER + "/initramfs.img"), "initramfs " + KVER + "\n");
            write(tree.resolve("usr/etc/os-release"), "ID=testos\nPRETTY_NAME=\"TestOS\"\n");
            write(tree.resolve("usr/bin/version"), "commit " + (++commits) + "\n");
            for (var e : extra.entrySet()) {
                write(tree.resolve(e.getKey()), e.getValue());
            }
            List<String> args = new ArrayList<>(List.of("commit", "--repo=" + repo(), "--branch=" + ref,
                    "--owner-uid=0", "--owner-gid=0", "--no-xattrs", "--tree=dir=" + tree,
                    "--timestamp=2024-01-0" + Math.min(commits, 9) + "T00:00:00Z"));
            for (var m : metadata.entrySet()) {
                args.add("--add-metadata-string=" + m.getKey() + "=" + m.getValue());
            }
            return ostree(args.toArray(String[]::new)).strip();
        } finally {
            Tools.run("rm", "-rf", tree.toString());
        }
    }

    /** Metadata that makes a commit look like bootc's merged image commit. */
    public static Map<String, String> imageMetadata(String manifestDigest, String version, String created) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ostree.manifest-digest", manifestDigest);
        String labels = version == null ? "{}" : "{\"org.opencontainers.image.version\":\"" + version + "\"}";
        m.put("ostree.container.image-config", "{\"architecture\":\"amd64\",\"os\":\"linux\""
                + (created == null ? "" : ",\"created\":\"" + created + "\"") + ",\"config\":{\"Labels\":" + labels
                + "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
        return m;
    }

    /**
     * Deploys {@code commit} as the new default with an origin of {@code [origin] key=value} lines
     * ({@code originLines} may be null for ostree's own {@code refspec=} origin).
     */
    public void deploy(String commit, String originText, String... kargs) throws IOException {
        List<String> args = new ArrayList<>(List.of("admin", "deploy", "--sysroot=" + root, "--os=" + osname,
                "--retain"));
        Path origin = null;
        if (originText != null) {
            origin = Files.createTempFile(root.getParent(), "origin", ".origin");
            Files.writeString(origin, originText);
            args.add("--origin-file=" + origin);
        }
        for (String k : kargs) {
            args.add("--karg-append=" + k);
        }
        args.add(commit);
        try {
            ostree(args.toArray(String[]::new));
        } finally {
            if (origin != null) {
                Files.deleteIfExists(origin);
            }
        }
    }

    /** Manifest digest of the first image of {@link #deployTwoImages()}. */
    public static final String DIGEST_1 = "sha256:" + "1".repeat(64);
    /** Manifest digest of the second image of {@link #deployTwoImages()}. */
    public static final String DIGEST_2 = "sha256:" + "2".repeat(64);

    /**
     * Deploys two image commits: {@code quay.io/example/os:v1} (registry, version 1.0), then
     * {@code /var/mnt/osupdate:v2} (oci, version 2.0) as the default, and pins the older one.
     * Returns the two commit checksums, oldest first.
     */
    public String[] deployTwoImages() throws IOException {
        String a = commit("test/v1", imageMetadata(DIGEST_1, "1.0", "2024-05-01T10:00:00Z"), Map.of());
        String b = commit("test/v2", imageMetadata(DIGEST_2, "2.0", "2024-06-01T08:30:00Z"), Map.of());
        deploy(a, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n");
        deploy(b, "[origin]\ncontainer-image-reference=ostree-unverified-image:oci:/var/mnt/osupdate:v2\n");
        pin(1);
        return new String[] {a, b};
    }

    /** Pins deployment {@code index}. */
    public void pin(int index) {
        ostree("admin", "pin", "--sysroot=" + root, Integer.toString(index));
    }

    /** {@code ostree admin status} of this sysroot. */
    public String adminStatus() {
        return ostree("admin", "status", "--sysroot=" + root);
    }

    /** The origin file of deployment {@code <csum>.<serial>}. */
    public Path originFile(String checksum, int serial) {
        return root.resolve("ostree/deploy/" + osname + "/deploy/" + checksum + "." + serial + ".origin");
    }

    /** Runs the ostree CLI with the fixture environment; returns stdout. */
    public static String ostree(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("ostree");
        cmd.addAll(List.of(args));
        return Tools.exec(null, ENV, cmd).check(cmd).stdout();
    }

    private static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
