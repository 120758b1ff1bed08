package dev.bootcj.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.blob.BlobVerificationException;
import dev.bootcj.blob.VerifyingInputStream;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import dev.bootcj.tar.TarFormatException;
import dev.bootcj.testing.OstreeCli;
import dev.bootcj.testing.Processes;
import dev.bootcj.testing.TarBuilder;
import dev.bootcj.testing.TreeSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("native")
class LayerImporterTest {
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    static LayerImporter.Result importBytes(OstreeRepo repo, byte[] tar, String digest) throws Exception {
        return new LayerImporter(repo, ImportRules.PLAIN_IMAGE).importLayer(digest, new ByteArrayInputStream(tar),
                () -> { });
    }

    @ParameterizedTest
    @EnumSource(value = RepoMode.class, names = {"BARE", "BARE_USER"})
    void importsALayerAsGnuTarWouldExtractIt(RepoMode mode, @TempDir Path dir) throws Exception {
        Path repoPath = dir.resolve("repo");
        byte[] tar = ImportFixtures.base();
        LayerImporter.Result r;
        try (OstreeRepo repo = OstreeRepo.create(repoPath, mode)) {
            r = importBytes(repo, tar, DIGEST);
            assertEquals(Map.of(RefEscape.layerRef(DIGEST), r.commit()), repo.listRefs(null));
            assertEquals(Map.of("junk", 1, "null", 1), r.filtered());
            assertEquals("bootcj-0.1.0", repo.loadCommit(r.commit()).metadataString("ostree.importer.version")
                    .orElseThrow());
        }
        OstreeCli.fsck(repoPath);
        if (mode != RepoMode.BARE) {
            return; // bare-user checkouts do not keep owners; the merge test compares both modes by checksum
        }
        Path tarFile = Files.write(dir.resolve("layer.tar"), tar);
        Path extracted = Files.createDirectories(dir.resolve("extracted"));
        Processes.run("tar", "--xattrs", "--xattrs-include=user.*", "--same-owner", "-xpf", tarFile.toString(),
                "-C", extracted.toString());
        TreeSnapshot expected = ImportFixtures.asImported(TreeSnapshot.of(extracted), false);
        TreeSnapshot actual = TreeSnapshot.of(OstreeCli.checkout(repoPath, r.commit(), dir.resolve("co")));
        assertEquals(expected.entries(), actual.entries());
        assertTrue(actual.sameInode(Set.of("usr/bin/a", "usr/bin/hl", "usr/lib/sub/hl-across")));
        assertTrue(actual.sameInode(Set.of("usr/etc/passwd", "usr/etc/passwd-")));
    }

    @Test
    void sameLayerGivesTheSameTreeInBareAndBareUser(@TempDir Path dir) throws Exception {
        String[] roots = new String[2];
        int i = 0;
        for (RepoMode mode : new RepoMode[] {RepoMode.BARE, RepoMode.BARE_USER}) {
            try (OstreeRepo repo = OstreeRepo.create(dir.resolve(mode.configName()), mode)) {
                roots[i++] = repo.commitRoot(importBytes(repo, ImportFixtures.base(), DIGEST).commit()).toString();
            }
        }
        assertEquals(roots[0], roots[1]);
    }

    @Test
    void libostreeWrittenRepositoryGetsTheSameTree(@TempDir Path dir) throws Exception {
        // bare-user-only objects are written by libostree (ObjectWriter), dirtrees and dirmetas from the writer
        // threads; root-owned content without xattrs is what bare-user-only stores as is
        TarBuilder layer = new TarBuilder().owner(0, 0).dir("usr/", 0755).dir("usr/share/", 0750)
                .file("usr/bin/a", 0755, "a").file("usr/share/big", 0644, new byte[300_000]).symlink("usr/bin/b", "a");
        for (int d = 0; d < 40; d++) {
            layer.file("usr/share/d" + d + "/f", 0644, "file " + d);
        }
        byte[] tar = layer.finish();
        String[] roots = new String[2];
        int i = 0;
        for (RepoMode mode : new RepoMode[] {RepoMode.BARE, RepoMode.BARE_USER_ONLY}) {
            Path repoPath = dir.resolve(mode.configName());
            try (OstreeRepo repo = OstreeRepo.create(repoPath, mode)) {
                roots[i++] = repo.commitRoot(importBytes(repo, tar, DIGEST).commit()).toString();
            }
            OstreeCli.fsck(repoPath);
        }
        assertEquals(roots[0], roots[1]);
    }

    @Test
    void whiteoutsAreStoredAsPlainFilesInTheLayerCommit(@TempDir Path dir) throws Exception {
        Path repoPath = dir.resolve("repo");
        String commit;
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            commit = importBytes(repo, ImportFixtures.second(), DIGEST).commit();
        }
        Path co = OstreeCli.checkout(repoPath, commit, dir.resolve("co"));
        assertTrue(Files.isRegularFile(co.resolve("usr/bin/.wh.oldfile")));
        assertTrue(Files.isRegularFile(co.resolve("usr/lib/.wh..wh..opq")));
        assertTrue(Files.isRegularFile(co.resolve("usr/etc/.wh.foo")));
    }

    @Test
    void emptyLayerIsAnEmptyRoot(@TempDir Path dir) throws Exception {
        try (OstreeRepo repo = OstreeRepo.create(dir.resolve("repo"), RepoMode.BARE)) {
            var root = repo.commitRoot(importBytes(repo, ImportFixtures.empty(), DIGEST).commit());
            assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", root.tree());
            assertEquals("446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488", root.meta());
        }
        OstreeCli.fsck(dir.resolve("repo"));
    }

    static void assertRefused(Path dir, byte[] tar, Class<? extends Exception> type, String message)
            throws Exception {
        Path repoPath = dir.resolve("repo");
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            Exception e = assertThrows(type, () -> importBytes(repo, tar, DIGEST));
            assertEquals(message, e.getMessage());
            assertEquals(Map.of(), repo.listRefs(null));
        }
        OstreeCli.fsck(repoPath);
        assertEquals("", OstreeCli.refs(repoPath));
    }

    @Test
    void refusesDotDot(@TempDir Path dir) throws Exception {
        assertRefused(dir, new TarBuilder().dir("usr/", 0755).file("usr/../../etc/evil", 0644, "x").finish(),
                InvalidLayerException.class, "path escapes the root: usr/../../etc/evil");
    }

    @Test
    void refusesAbsolutePaths(@TempDir Path dir) throws Exception {
        assertRefused(dir, new TarBuilder().file("/usr/bin/evil", 0644, "x").finish(),
                InvalidLayerException.class, "absolute path in layer: /usr/bin/evil");
    }

    @Test
    void refusesASymlinkOutOfTheTreeUsedAsADirectory(@TempDir Path dir) throws Exception {
        byte[] tar = new TarBuilder().dir("usr/", 0755).symlink("usr/evil", "../../../../root")
                .file("usr/evil/.ssh/authorized_keys", 0600, "key").finish();
        assertRefused(dir, tar, InvalidLayerException.class, "layer entry usr/evil/.ssh/authorized_keys goes through"
                + " usr/evil, which is not a directory (a symlink or file earlier in the layer)");
    }

    @Test
    void skipsWhiteoutsBelowAFileOfTheLayerAndRefusesEverythingElseThere(@TempDir Path dir) throws Exception {
        Path repoPath = dir.resolve("repo");
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            byte[] tar = new TarBuilder().dir("usr/", 0755).file("usr/swap", 0644, "file")
                    .file("usr/swap/.wh.inner", 0, "").file("usr/swap/.wh..wh..opq", 0, "")
                    .symlink("usr/link", "/etc").file("usr/link/.wh.passwd", 0, "").finish();
            String commit = importBytes(repo, tar, DIGEST).commit();
            Path co = OstreeCli.checkout(repoPath, commit, dir.resolve("co"));
            assertTrue(Files.isRegularFile(co.resolve("usr/swap")));
            assertTrue(Files.isSymbolicLink(co.resolve("usr/link")));
            assertEquals(List.of(""), repo.loadCommit(commit).metadata().get(LayerImporter.IMPLICIT_DIRS),
                    "no ./ entry: the root is implicit");
        }
        Files.walk(repoPath).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertRefused(dir, new TarBuilder().dir("usr/", 0755).file("usr/swap", 0644, "file")
                .file("usr/swap/.wh.inner", 0, "").file("usr/swap/x", 0644, "x").finish(),
                InvalidLayerException.class, "layer entry usr/swap/x goes through usr/swap, which is not a directory"
                        + " (a symlink or file earlier in the layer)");
    }

    @Test
    void refusesDeviceNodesOutsideDev(@TempDir Path dir) throws Exception {
        assertRefused(dir, new TarBuilder().dir("usr/", 0755).charDevice("usr/kmem", 1, 2).finish(),
                InvalidLayerException.class, "unsupported file type (character device) in layer: usr/kmem");
        Files.walk(dir.resolve("repo")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertRefused(dir, new TarBuilder().fifo("opt/fifo").finish(),
                InvalidLayerException.class, "unsupported file type (fifo) in layer: opt/fifo");
    }

    @Test
    void refusesTruncatedArchives(@TempDir Path dir) throws Exception {
        byte[] full = new TarBuilder().dir("usr/", 0755).file("usr/a", 0644, new byte[4000]).finish();
        assertRefused(dir, Arrays.copyOf(full, 1024 + 1000), TarFormatException.class,
                "truncated tar archive: usr/a ends 3000 bytes short");
    }

    @Test
    void refusesHardlinksToNothing(@TempDir Path dir) throws Exception {
        assertRefused(dir, new TarBuilder().hardlink("usr/h", "usr/missing").finish(), InvalidLayerException.class,
                "hardlink usr/h points to usr/missing, which is not a file earlier in the layer");
    }

    @Test
    void digestMismatchSetsNoRef(@TempDir Path dir) throws Exception {
        byte[] tar = ImportFixtures.base();
        Path repoPath = dir.resolve("repo");
        String wrong = "sha256:" + "00".repeat(32);
        try (OstreeRepo repo = OstreeRepo.create(repoPath, RepoMode.BARE)) {
            VerifyingInputStream blob = new VerifyingInputStream(new ByteArrayInputStream(tar),
                    Descriptor.of(MediaType.OCI_LAYER, Digest.parse(wrong), tar.length));
            BlobVerificationException e = assertThrows(BlobVerificationException.class, () -> new LayerImporter(repo,
                    ImportRules.PLAIN_IMAGE).importLayer(wrong, blob, blob::verify));
            String actual = "sha256:" + dev.bootcj.ostree.Checksums.sha256Hex(tar);
            assertEquals("Digest mismatch for blob " + wrong + ": content has " + actual, e.getMessage());
            assertEquals(Map.of(), repo.listRefs(null));
            // The right digest imports, and a rerun finds it.
            VerifyingInputStream good = new VerifyingInputStream(new ByteArrayInputStream(tar),
                    Descriptor.of(MediaType.OCI_LAYER, Digest.parse(actual), tar.length));
            LayerImporter importer = new LayerImporter(repo, ImportRules.PLAIN_IMAGE);
            String commit = importer.importLayer(actual, good, good::verify).commit();
            assertEquals(commit, importer.existing(actual).orElseThrow());
        }
        OstreeCli.fsck(repoPath);
    }

    @Test
    void nonUtf8NamesAreRefused(@TempDir Path dir) throws Exception {
        assertRefused(dir, new TarBuilder().rawNameFile(new byte[] {'u', 's', 'r', '/', (byte) 0xe9}, "x").finish(),
                TarFormatException.class, "non-UTF-8 path in tar archive: \"usr/\\xe9\"");
    }
}
