package dev.bootcj.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bootcj.deploy.ImagePull;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.sys.Posix;
import dev.bootcj.testing.OstreeCli;
import dev.bootcj.testing.Processes;
import dev.bootcj.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against umoci: seeded random sequences of filesystem changes, each layer made by
 * {@code umoci repack}, imported with our pipeline ({@link ImagePull} from the {@code oci:} layout) and compared
 * with {@code umoci unpack} of the same image: type, mode, owner, {@code user.*} xattrs, symlink target, content
 * and hardlink groups of the {@code ostree checkout} of the merged commit, after {@code /etc -> /usr/etc} and
 * the other import rules ({@link ImportFixtures#asImported}). Every {@value #ROUND_TRIP_EVERY}th image is also
 * copied by skopeo to {@code docker-archive:} (uncompressed layers) and to {@code oci-archive:} with zstd
 * layers, and must import to the same tree. umoci's own layers are gzip.
 *
 * <p>{@code -Dbootcj.umoci.seed=N} (default 1) is the first seed and {@code -Dbootcj.umoci.images=N} (default
 * 100) the number of images; a failure names its seed, so {@code -Dbootcj.umoci.seed=N -Dbootcj.umoci.images=1}
 * replays it (and prints the changes made).
 */
@Tag("native")
class UmociDifferentialTest {
    private static final long FIRST_SEED = Long.getLong("bootcj.umoci.seed", 1);
    private static final int IMAGES = Integer.getInteger("bootcj.umoci.images", 100);
    private static final int ROUND_TRIP_EVERY = 10;
    /** The top-level directories changes happen in; never removed, renamed or re-owned themselves. */
    private static final List<String> ROOTS = List.of("usr", "etc", "opt", "var");
    /** A top-level file rewritten in every layer, outside the random changes. */
    private static final String MARKER = "layer";
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "sp ace", "ü-é"};
    private static final int[] FILE_MODES = {0644, 0600, 0755, 0444, 04755, 02711, 06755, 0640};
    private static final int[] DIR_MODES = {0755, 0700, 0711, 0775, 01777, 02755, 0555};
    private static final int[] IDS = {0, 1, 1000, 65534, 12345};
    /** The (shortened) content digest {@link TreeSnapshot} gives an empty file. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c14";

    @Test
    void importedImagesEqualUmociUnpack(@TempDir Path tempDir) throws Exception {
        Assumptions.assumeTrue(Posix.geteuid() == 0, "umoci keeps owners and ostree writes a bare repo as root only");
        String keep = System.getProperty("bootcj.umoci.keep");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : tempDir;
        Path repoPath = dir.resolve("repo");
        OstreeRepo.create(repoPath, RepoMode.BARE).close();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            long seed = FIRST_SEED + i;
            Path work = dir.resolve("image-" + seed);
            Files.createDirectories(work);
            Image image = new Image(seed, work);
            try {
                image.check(repoPath, i % ROUND_TRIP_EVERY == 0);
            } catch (Exception | AssertionError e) {
                failures.add("seed " + seed + ": " + e.getMessage()
                        + (IMAGES == 1 ? "\nchanges:\n  " + String.join("\n  ", image.log) : ""));
            }
            if (keep == null) {
                deleteTree(work);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + IMAGES + " images differ; replay one with "
                + "-Dbootcj.umoci.seed=N -Dbootcj.umoci.images=1");
    }

    /** One image: its random changes, umoci layout and bundle. */
    private static final class Image {
        final Random random;
        final Path work;
        final Path layout;
        final Path rootfs;
        final List<String> log = new ArrayList<>();

        Image(long seed, Path work) {
            this.random = new Random(seed);
            this.work = work;
            this.layout = work.resolve("oci");
            this.rootfs = work.resolve("bundle/rootfs");
        }

        void check(Path repoPath, boolean roundTrips) throws Exception {
            Processes.run("umoci", "init", "--layout", layout.toString());
            Processes.run("umoci", "new", "--image", layout + ":t");
            Processes.run("umoci", "unpack", "--image", layout + ":t", work.resolve("bundle").toString());
            int layers = 3 + random.nextInt(4);
            for (int l = 0; l < layers; l++) {
                log.add("-- layer " + l);
                if (l == 0) {
                    for (String root : ROOTS) {
                        Files.createDirectory(rootfs.resolve(root));
                    }
                }
                int changes = l == 0 ? 12 + random.nextInt(12) : 1 + random.nextInt(10);
                for (int c = 0; c < changes; c++) {
                    change();
                }
                // umoci cannot repack a bundle without changes: one file changes in every layer.
                Files.writeString(rootfs.resolve(MARKER), "layer " + l + "\n");
                Processes.run("umoci", "repack", "--refresh-bundle", "--no-history", "--image", layout + ":t",
                        work.resolve("bundle").toString());
            }
            Path oracle = work.resolve("oracle");
            Processes.run("umoci", "unpack", "--image", layout + ":t", oracle.toString());
            String commit = pull(repoPath, "oci:" + layout + ":t");
            TreeSnapshot actual = TreeSnapshot.of(OstreeCli.checkout(repoPath, commit, work.resolve("co")));
            TreeSnapshot expected = ImportFixtures.asImported(TreeSnapshot.of(oracle.resolve("rootfs")), true);
            compare(expected, actual);
            if (roundTrips) {
                DirTree.Subdir tree = root(repoPath, commit);
                Path docker = work.resolve("docker.tar");
                Processes.run("skopeo", "copy", "-q", "oci:" + layout + ":t",
                        "docker-archive:" + docker + ":example.com/img:t");
                assertEquals(tree, root(repoPath, pull(repoPath, "docker-archive:" + docker)),
                        "docker-archive (uncompressed layers) imports to another tree");
                Path ociArchive = work.resolve("oci.tar");
                Processes.run("skopeo", "copy", "-q", "--dest-compress-format", "zstd", "oci:" + layout + ":t",
                        "oci-archive:" + ociArchive + ":t");
                assertEquals(tree, root(repoPath, pull(repoPath, "oci-archive:" + ociArchive + ":t")),
                        "oci-archive (zstd layers) imports to another tree");
            }
        }

        /** One random change to the bundle's rootfs. */
        void change() throws IOException {
            List<Path> dirs = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            List<Path> all = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(rootfs)) {
                // Sorted: directory order differs between filesystems, and a seed must replay anywhere.
                walk.sorted().forEach(p -> {
                    if (p.equals(rootfs)) {
                        return;
                    }
                    String rel = rootfs.relativize(p).toString();
                    if (rel.equals(MARKER)) {
                        return;
                    }
                    boolean root = ROOTS.contains(rel);
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        dirs.add(p);
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        files.add(p);
                    }
                    if (!root) {
                        all.add(p);
                    }
                });
            }
            Path dir = pick(dirs);
            switch (random.nextInt(14)) {
                case 0, 1 -> createFile(fresh(dir));
                case 2 -> {
                    if (!files.isEmpty()) {
                        Path f = pick(files);
                        record("rewrite", f);
                        Files.write(f, content(), StandardOpenOption.TRUNCATE_EXISTING);
                    }
                }
                case 3 -> {
                    if (!all.isEmpty()) {
                        Path p = pick(all);
                        record("delete", p);
                        deleteTree(p);
                    }
                }
                case 4 -> {
                    if (!all.isEmpty()) {
                        Path p = pick(all);
                        Path to = fresh(dir);
                        if (!to.startsWith(p)) {
                            record("rename", p, "to " + rootfs.relativize(to));
                            Files.move(p, to);
                        }
                    }
                }
                case 5 -> mkdirs(dir);
                case 6 -> symlink(fresh(dir));
                case 7 -> {
                    if (!files.isEmpty()) {
                        Path target = pick(files);
                        Path link = fresh(dir);
                        record("hardlink", link, "to " + rootfs.relativize(target));
                        Files.createLink(link, target);
                    }
                }
                case 8 -> {
                    if (!all.isEmpty()) {
                        swap(pick(all));
                    }
                }
                case 9 -> {
                    record("empty and refill", dir);
                    try (Stream<Path> children = Files.list(dir)) {
                        for (Path c : children.toList()) {
                            deleteTree(c);
                        }
                    }
                    for (int n = random.nextInt(3); n > 0; n--) {
                        createFile(fresh(dir));
                    }
                }
                case 10 -> {
                    Path p = random.nextBoolean() || files.isEmpty() ? dir : pick(files);
                    if (!ROOTS.contains(rootfs.relativize(p).toString())) {
                        int mode = Files.isDirectory(p) ? pick(DIR_MODES) : pick(FILE_MODES);
                        record("chmod " + Integer.toOctalString(mode), p);
                        Files.setAttribute(p, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
                    }
                }
                case 11 -> {
                    if (!all.isEmpty()) {
                        Path p = pick(all);
                        int uid = pick(IDS);
                        int gid = pick(IDS);
                        record("chown " + uid + ":" + gid, p);
                        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                    }
                }
                default -> {
                    Path p = random.nextBoolean() || files.isEmpty() ? dir : pick(files);
                    if (!ROOTS.contains(rootfs.relativize(p).toString())) {
                        UserDefinedFileAttributeView view = Files.getFileAttributeView(p,
                                UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                        List<String> names = view.list().stream().sorted().toList();
                        if (!names.isEmpty() && random.nextInt(3) == 0) {
                            String name = names.get(random.nextInt(names.size()));
                            record("remove xattr user." + name, p);
                            view.delete(name);
                        } else {
                            String name = "k" + random.nextInt(3);
                            record("set xattr user." + name, p);
                            view.write(name, ByteBuffer.wrap(("v" + random.nextInt(1000)).getBytes()));
                        }
                    }
                }
            }
        }

        /** Replaces {@code p} with an entry of another type. */
        void swap(Path p) throws IOException {
            boolean wasDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            boolean wasLink = Files.isSymbolicLink(p);
            deleteTree(p);
            int to = random.nextInt(2);
            if (wasDir) {
                record("swap dir for " + (to == 0 ? "file" : "symlink"), p);
                if (to == 0) {
                    writeFile(p);
                } else {
                    Files.createSymbolicLink(p, Path.of(linkTarget()));
                }
            } else if (wasLink) {
                record("swap symlink for " + (to == 0 ? "file" : "dir"), p);
                if (to == 0) {
                    writeFile(p);
                } else {
                    refilledDir(p);
                }
            } else {
                record("swap file for " + (to == 0 ? "symlink" : "dir"), p);
                if (to == 0) {
                    Files.createSymbolicLink(p, Path.of(linkTarget()));
                } else {
                    refilledDir(p);
                }
            }
        }

        void refilledDir(Path p) throws IOException {
            Files.createDirectory(p);
            for (int n = random.nextInt(3); n > 0; n--) {
                writeFile(fresh(p));
            }
        }

        void createFile(Path p) throws IOException {
            record("create file", p);
            writeFile(p);
        }

        void writeFile(Path p) throws IOException {
            Files.write(p, content());
            Files.setAttribute(p, "unix:mode", pick(FILE_MODES), LinkOption.NOFOLLOW_LINKS);
        }

        void mkdirs(Path parent) throws IOException {
            int depth = random.nextInt(6) == 0 ? 4 + random.nextInt(12) : 1 + random.nextInt(2);
            Path p = parent;
            for (int i = 0; i < depth; i++) {
                p = fresh(p);
                Files.createDirectory(p);
                Files.setAttribute(p, "unix:mode", pick(DIR_MODES), LinkOption.NOFOLLOW_LINKS);
            }
            record("mkdir", p);
            if (random.nextBoolean()) {
                writeFile(fresh(p));
            }
        }

        void symlink(Path p) throws IOException {
            String target = linkTarget();
            record("symlink", p, "-> " + target);
            Files.createSymbolicLink(p, Path.of(target));
        }

        String linkTarget() {
            return switch (random.nextInt(5)) {
                case 0 -> pickName();
                case 1 -> "../" + pickName();
                case 2 -> "/usr/" + pickName();
                case 3 -> "/etc";
                default -> "./" + pickName() + "/" + pickName();
            };
        }

        /** A name in {@code dir} that does not exist yet (short, unusual or long). */
        Path fresh(Path dir) {
            while (true) {
                Path p = dir.resolve(pickName());
                if (Files.notExists(p, LinkOption.NOFOLLOW_LINKS)) {
                    return p;
                }
            }
        }

        String pickName() {
            int r = random.nextInt(20);
            if (r == 0) {
                return "long-" + "n".repeat(100 + random.nextInt(150)); // up to NAME_MAX
            }
            return NAMES[random.nextInt(NAMES.length)] + (r < 10 ? "" : Integer.toString(r));
        }

        byte[] content() {
            byte[] b = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
            random.nextBytes(b);
            return b;
        }

        Path pick(List<Path> paths) {
            return paths.get(random.nextInt(paths.size()));
        }

        int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }

        void record(String what, Path p, String... more) {
            log.add(what + " " + rootfs.relativize(p) + (more.length > 0 ? " " + String.join(" ", more) : ""));
        }
    }

    /** Pulls {@code transportRef} into the repo with our pipeline; returns the merged commit. */
    private static String pull(Path repoPath, String transportRef) throws Exception {
        return ImagePull.pullInto(repoPath, OstreeImageReference.parse("ostree-unverified-image:" + transportRef),
                RegistryOptions.defaults(), Reporter.quiet(), false).commit();
    }

    private static DirTree.Subdir root(Path repoPath, String commit) throws Exception {
        try (OstreeRepo repo = OstreeRepo.open(repoPath)) {
            return repo.commitRoot(commit);
        }
    }

    /** Fails with the first differing paths, umoci's description against ours. */
    private static void compare(TreeSnapshot expected, TreeSnapshot actual) {
        List<String> diffs = new ArrayList<>();
        Set<String> paths = new TreeSet<>(expected.entries().keySet());
        paths.addAll(actual.entries().keySet());
        for (String p : paths) {
            String e = expected.entries().get(p);
            String a = actual.entries().get(p);
            if (e == null || !e.equals(a)) {
                diffs.add(p + ": umoci " + e + ", imported " + a);
            }
        }
        for (Set<String> group : expected.hardlinkGroups()) {
            // ostree checkout never hardlinks empty files (they are often used as flags), so those are left out.
            boolean empty = expected.entries().get(group.iterator().next()).contains(" sha256=" + EMPTY_SHA256);
            if (!empty && !actual.sameInode(group)) {
                diffs.add("hardlinked in umoci but not in the checkout: " + group);
            }
        }
        if (!diffs.isEmpty()) {
            throw new AssertionError(diffs.size() + " differences, e.g.\n  "
                    + String.join("\n  ", diffs.subList(0, Math.min(8, diffs.size()))));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.notExists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
