package dev.bootcj.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.blob.VerifyingInputStream;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.ostree.Commit;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import dev.bootcj.testing.OstreeCli;
import dev.bootcj.testing.Processes;
import dev.bootcj.testing.TarBuilder;
import dev.bootcj.testing.TreeSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class ImageMergerTest {
    static final String MANIFEST = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "annotations":{"org.opencontainers.image.created":"2024-05-06T07:08:09Z"}}""";
    static final String CONFIG = """
            {"architecture":"amd64","os":"linux","created":"2020-01-01T00:00:00Z",\
            "config":{"Labels":{"containers.bootc":"1"}}}""";

    /** Imports the layers (digest = sha256 of each tar) and merges them; returns the merged commit. */
    static ImageMerger.Result importImage(OstreeRepo repo, List<byte[]> layers, String imgref) throws Exception {
        LayerImporter importer = new LayerImporter(repo, ImportRules.PLAIN_IMAGE);
        List<String> commits = new ArrayList<>();
        Map<String, Map<String, Integer>> filtered = new TreeMap<>();
        for (byte[] tar : layers) {
            String digest = "sha256:" + dev.bootcj.ostree.Checksums.sha256Hex(tar);
            String commit = importer.existing(digest).orElse(null);
            if (commit == null) {
                VerifyingInputStream blob = new VerifyingInputStream(new ByteArrayInputStream(tar),
                        Descriptor.of(MediaType.OCI_LAYER, Digest.parse(digest), tar.length));
                LayerImporter.Result r = importer.importLayer(digest, blob, blob::verify);
                commit = r.commit();
                filtered.put(digest, r.filtered());
            }
            commits.add(commit);
        }
        return new ImageMerger(repo).merge(new ImageMerger.Image(imgref, "sha256:" + "cd".repeat(32), MANIFEST,
                CONFIG, filtered), commits);
    }

    /** The layers applied by umoci (an OCI layout built with umoci from the same tars, then unpacked). */
    static Path umociRootfs(Path dir, List<byte[]> layers) throws Exception {
        Path layout = dir.resolve("oci");
        Processes.run("umoci", "init", "--layout", layout.toString());
        Processes.run("umoci", "new", "--image", layout + ":t");
        int i = 0;
        for (byte[] tar : layers) {
            Path f = Files.write(dir.resolve("layer" + i++ + ".tar"), tar);
            Processes.run("umoci", "raw", "add-layer", "--image", layout + ":t", f.toString());
        }
        Path bundle = dir.resolve("bundle");
        Processes.run("umoci", "unpack", "--image", layout + ":t", bundle.toString());
        return bundle.resolve("rootfs");
    }

    @Test
    void mergedCheckoutEqualsUmociUnpackOfTheSameLayers(@TempDir Path dir) throws Exception {
        List<byte[]> layers = List.of(ImportFixtures.base(), ImportFixtures.second(), ImportFixtures.empty(),
                ImportFixtures.fourth());
        Path repoPath = dir.resolve("repo");
        ImageMerger.Result merged;
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            merged = importImage(repo, layers, "docker://example.com/os:latest");
            assertEquals(merged.commit(), repo.resolveRev(
                    "ostree/container/image/docker_3A__2F__2F_example_2E_com/os_3A_latest", false).orElseThrow());
            Commit c = repo.loadCommit(merged.commit());
            assertEquals("sha256:" + "cd".repeat(32), c.metadataString("ostree.manifest-digest").orElseThrow());
            assertEquals(MANIFEST, c.metadataString("ostree.manifest").orElseThrow());
            assertEquals(CONFIG, c.metadataString("ostree.container.image-config").orElseThrow());
            assertEquals(LayerImporter.IMPORTER_VERSION, c.metadataString("ostree.importer.version").orElseThrow());
            assertEquals(Map.of("sha256:" + dev.bootcj.ostree.Checksums.sha256Hex(layers.get(0)),
                    Map.of("junk", 1, "null", 1)), c.metadata().get("ostree.tar-filtered"));
            assertEquals(Instant.parse("2024-05-06T07:08:09Z"), c.timestamp());
            assertEquals(null, c.parent());
        }
        OstreeCli.fsck(repoPath);
        TreeSnapshot actual = TreeSnapshot.of(OstreeCli.checkout(repoPath, merged.commit(), dir.resolve("co")));
        TreeSnapshot oracle = TreeSnapshot.of(umociRootfs(dir, layers));
        TreeSnapshot expected = ImportFixtures.asImported(oracle, true);
        assertEquals(expected.entries(), actual.entries());
        for (Set<String> group : expected.hardlinkGroups()) {
            assertTrue(actual.sameInode(group), "hardlinked in umoci but not in the checkout: " + group);
        }
        // The cases the fixtures are there for, spelled out.
        assertTrue(actual.entries().containsKey("usr/bin/a"));
        assertTrue(!actual.entries().containsKey("usr/bin/oldfile"), "whiteout");
        assertTrue(!actual.entries().containsKey("usr/etc/foo"), "whiteout of /etc/foo");
        assertTrue(!actual.entries().containsKey("usr/lib/libx.so"), "opaque directory");
        assertTrue(actual.entries().containsKey("usr/lib/new"));
        assertTrue(actual.entries().get("usr/thing").startsWith("file 0600"), "file -> dir -> file");
        assertTrue(actual.entries().get("usr/dir2").startsWith("file "), "dir -> file");
        assertTrue(actual.entries().get("usr/bin").startsWith("dir 0711 12:34"), "upper directory metadata");
        assertTrue(!actual.entries().containsKey("usr/etc/hostname"), "empty hostname cleaned up");
        assertTrue(actual.entries().keySet().stream().noneMatch(p -> p.contains(".wh.")), "no whiteout files");
    }

    @Test
    void bareAndBareUserMergeToTheSameCommit(@TempDir Path dir) throws Exception {
        List<byte[]> layers = List.of(ImportFixtures.base(), ImportFixtures.second(), ImportFixtures.fourth());
        String[] commits = new String[2];
        int i = 0;
        for (RepoMode mode : new RepoMode[] {RepoMode.BARE, RepoMode.BARE_USER}) {
            Path repoPath = dir.resolve(mode.configName());
            try (OstreeRepo repo = OstreeRepo.create(repoPath, mode)) {
                commits[i++] = importImage(repo, layers, "oci:/var/tmp/img:tag").commit();
            }
            OstreeCli.fsck(repoPath);
        }
        assertEquals(commits[0], commits[1]);
    }

    @Test
    void aNewTopLayerRewritesOnlyTheDirectoriesItTouches(@TempDir Path dir) throws Exception {
        List<byte[]> first = List.of(ImportFixtures.base(), ImportFixtures.second());
        byte[] top = new TarBuilder().dir("usr/", 0755).dir("usr/share/", 0755).dir("usr/share/doc/", 0755)
                .file("usr/share/doc/NEWS", 0644, "changed").finish();
        List<byte[]> secondImage = new ArrayList<>(first);
        secondImage.add(top);
        Path repoPath = dir.resolve("repo");
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            // The base layer is taken whole; the second layer touches root, usr, usr/bin, usr/lib, usr/etc.
            assertEquals(5, importImage(repo, first, "docker://example.com/os:1").dirsRewritten());
            // The new top layer adds usr/share and usr/share/doc, nothing else.
            ImageMerger.Result r = importImage(repo, secondImage, "docker://example.com/os:2");
            assertEquals(7, r.dirsRewritten());
            assertEquals(2, repo.listRefs("ostree/container/image").size());
            assertEquals(3, repo.listRefs("ostree/container/blob").size());
        }
        OstreeCli.fsck(repoPath);
    }

    /** Checks out the merged commit of {@code layers} and compares it with umoci's unpack of the same layers. */
    private static TreeSnapshot assertMergeEqualsUmoci(Path dir, List<byte[]> layers) throws Exception {
        Path repoPath = dir.resolve("repo");
        ImageMerger.Result merged;
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            merged = importImage(repo, layers, "docker://example.com/os:latest");
        }
        OstreeCli.fsck(repoPath);
        TreeSnapshot actual = TreeSnapshot.of(OstreeCli.checkout(repoPath, merged.commit(), dir.resolve("co")));
        TreeSnapshot expected = ImportFixtures.asImported(TreeSnapshot.of(umociRootfs(dir, layers)), true);
        assertEquals(expected.entries(), actual.entries());
        return actual;
    }

    /** Lower layer: usr (0700), a file, a directory with content, a symlink, a directory to empty. */
    private static byte[] whiteoutBase() {
        return new TarBuilder().dir("usr/", 0700).file("usr/a", 0644, "a")
                .dir("usr/share/", 0711).dir("usr/share/swap/", 0755).file("usr/share/swap/inner", 0644, "i")
                .dir("usr/share/swap/deep/", 0755).file("usr/share/swap/deep/x", 0644, "x")
                .dir("usr/share/swap2/", 0755).file("usr/share/swap2/inner", 0644, "i")
                .dir("usr/share/swap3/", 0755).file("usr/share/swap3/inner", 0644, "i")
                .dir("usr/share/swap4/", 0755).file("usr/share/swap4/inner", 0644, "i")
                .dir("usr/d/", 0711).file("usr/d/x", 0644, "x").file("usr/d/y", 0644, "y")
                .dir("usr/e/", 0755).file("usr/e/z", 0644, "z").file("usr/o", 0644, "o").finish();
    }

    @Test
    void whiteoutsBelowAFileOfTheSameLayerHideNothing(@TempDir Path dir) throws Exception {
        // umoci repack writes a directory replaced by a file as the file, then whiteouts for what was inside.
        byte[] top = new TarBuilder().dir("usr/share/", 0755)
                .file("usr/share/swap", 0644, "now a file")
                .file("usr/share/swap/.wh.deep", 0, "").file("usr/share/swap/.wh.inner", 0, "")
                // the other order: the whiteout first, then the file replacing the directory
                .file("usr/share/swap2/.wh.inner", 0, "").file("usr/share/swap2", 0600, "file 2")
                // a symlink, and an opaque whiteout below it
                .symlink("usr/share/swap3", "swap2").file("usr/share/swap3/.wh..wh..opq", 0, "")
                .symlink("usr/share/swap4", "/usr/share/swap").file("usr/share/swap4/.wh.inner", 0, "")
                .finish();
        TreeSnapshot actual = assertMergeEqualsUmoci(dir, List.of(whiteoutBase(), top));
        assertTrue(actual.entries().get("usr/share/swap").startsWith("file 0644"));
        assertTrue(actual.entries().get("usr/share/swap2").startsWith("file 0600"));
        assertTrue(actual.entries().get("usr/share/swap3").startsWith("symlink"));
        assertTrue(!actual.entries().containsKey("usr/share/swap/inner"));
        assertTrue(actual.entries().get("usr/share").startsWith("dir 0755 0:0"), "the layer's entry for usr/share");
        assertTrue(actual.entries().get("usr").startsWith("dir 0700 0:0"), "no entry for usr: lower metadata");
    }

    @Test
    void whiteoutsBelowALowerFileOrNothingHideNothing(@TempDir Path dir) throws Exception {
        byte[] top = new TarBuilder().owner(7, 7)
                .file("usr/a/.wh.zz", 0, "").file("usr/o/.wh..wh..opq", 0, "")
                .file("usr/new/deep/.wh.zz", 0, "")
                .file("usr/d/.wh.x", 0, "").file("usr/e/.wh..wh..opq", 0, "").finish();
        TreeSnapshot actual = assertMergeEqualsUmoci(dir, List.of(whiteoutBase(), top));
        assertTrue(actual.entries().get("usr/a").startsWith("file "), "a lower file stays a file");
        assertTrue(actual.entries().get("usr/o").startsWith("file "), "a lower file stays a file");
        assertTrue(!actual.entries().containsKey("usr/new"), "no directory for whiteouts of nothing");
        assertTrue(!actual.entries().containsKey("usr/d/x"));
        assertTrue(actual.entries().containsKey("usr/d/y"));
        assertEquals("dir 0711 0:0 rwx--x--x", actual.entries().get("usr/d"), "implicit: lower metadata");
        assertTrue(!actual.entries().containsKey("usr/e/z"), "opaque");
    }

    @Test
    void aWhiteoutBelowALowerSymlinkTouchesNothingOutsideTheLayerTree(@TempDir Path dir) throws Exception {
        // umoci's unpack resolves usr/s/.wh.y through the symlink and deletes usr/d/y; the OCI spec's whiteout
        // hides lower content at its own path only, and there is none (usr/s is not a directory).
        byte[] base = new TarBuilder().dir("usr/", 0755).dir("usr/d/", 0755).file("usr/d/y", 0644, "y")
                .symlink("usr/s", "d").finish();
        byte[] top = new TarBuilder().file("usr/s/.wh.y", 0, "").file("usr/s/sub/.wh.y", 0, "").finish();
        Path repoPath = dir.resolve("repo");
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            String commit = importImage(repo, List.of(base, top), "docker://example.com/os:latest").commit();
            TreeSnapshot actual = TreeSnapshot.of(OstreeCli.checkout(repoPath, commit, dir.resolve("co")));
            assertEquals(List.of("usr", "usr/d", "usr/d/y", "usr/s"), List.copyOf(actual.entries().keySet()));
            assertEquals("symlink 0:0 -> d", actual.entries().get("usr/s"));
        }
    }
}
