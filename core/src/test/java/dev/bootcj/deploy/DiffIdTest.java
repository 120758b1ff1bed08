package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.OciLayoutBuilder.Layer;
import dev.bootcj.testing.registry.TestRegistry;
import dev.bootcj.testing.registry.TestTar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layer's uncompressed stream must equal its configuration's {@code rootfs.diff_ids} entry, and there must be
 * one entry per layer: otherwise the image is refused in one line before any image ref is written, and the layer
 * that did not match has no ref either.
 */
@Tag("native")
class DiffIdTest {
    @TempDir
    Path tmp;

    static byte[] tar(String name, String content) throws Exception {
        return TestTar.of(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    Path repo() throws Exception {
        Path repoPath = tmp.resolve("repo");
        OstreeRepo.create(repoPath, RepoMode.BARE_USER).close();
        return repoPath;
    }

    static String refs(Path repo) {
        return SysrootFixture.ostree("refs", "--repo=" + repo);
    }

    static ImageException refused(Path repo, OstreeImageReference ref, RegistryOptions options) {
        return assertThrows(ImageException.class, () -> ImagePull.pullInto(repo, ref, options, Reporter.quiet(),
                false));
    }

    OstreeImageReference oci(OciLayoutBuilder b, String tag) {
        return new OstreeImageReference(null, Transport.OCI, b.dir() + ":" + tag);
    }

    @Test
    void aWrongDiffIdIsRefusedAndLeavesNoRef() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("layout"));
        Layer base = b.addLayer(tar("usr/a", "a\n"), Compression.GZIP);
        Layer top = b.addLayer(tar("usr/b", "b\n"), Compression.GZIP);
        Digest wrong = Digest.sha256("not the layer".getBytes(StandardCharsets.UTF_8));
        b.tag(b.addImage(List.of(base, new Layer(top.descriptor(), wrong)), "amd64", Map.of()), "bad");
        Path repo = repo();
        ImageException e = refused(repo, oci(b, "bad"), RegistryOptions.defaults());
        assertEquals("Image oci:" + b.dir() + ":bad: layer " + top.descriptor().digest()
                + ": uncompressed layer does not match its diff_id: expected " + wrong + ", got " + top.diffId(),
                e.getMessage());
        String refs = refs(repo);
        assertFalse(refs.contains("ostree/container/image/"), refs);
        assertFalse(refs.contains(top.descriptor().digest().hex()), refs);
    }

    @Test
    void anUncompressedLayerAlteredWithItsBlobDigestRecomputedIsRefused() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("layout"));
        Layer honest = b.addLayer(tar("usr/app", "version 1\n"), Compression.NONE);
        // Another content under a blob digest that matches it (the manifest names the new blob), while the
        // configuration still names the honest layer's diff_id.
        Layer altered = b.addLayer(tar("usr/app", "version 666\n"), Compression.NONE);
        b.tag(b.addImage(List.of(new Layer(altered.descriptor(), honest.diffId())), "amd64", Map.of()), "bad");
        Path repo = repo();
        ImageException e = refused(repo, oci(b, "bad"), RegistryOptions.defaults());
        assertTrue(e.getMessage().endsWith("does not match its diff_id: expected " + honest.diffId() + ", got "
                + altered.diffId()), e.getMessage());
        assertEquals("", refs(repo).strip());
    }

    @Test
    void aWrongNumberOfDiffIdsIsRefusedBeforeAnyLayerIsImported() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("layout"));
        Layer one = b.addLayer(tar("usr/a", "a\n"), Compression.GZIP);
        Layer two = b.addLayer(tar("usr/b", "b\n"), Compression.ZSTD);
        b.tag(b.addImage(List.of(one, two), List.of(one.diffId()), "amd64", Map.of()), "short");
        b.tag(b.addImage(List.of(one, two), List.of(one.diffId(), two.diffId(), two.diffId()), "amd64", Map.of()),
                "long");
        Path repo = repo();
        assertEquals("Image oci:" + b.dir() + ":short: its configuration lists 1 diff_ids for 2 layers",
                refused(repo, oci(b, "short"), RegistryOptions.defaults()).getMessage());
        assertEquals("Image oci:" + b.dir() + ":long: its configuration lists 3 diff_ids for 2 layers",
                refused(repo, oci(b, "long"), RegistryOptions.defaults()).getMessage());
        assertEquals("", refs(repo).strip());
        b.tag(b.addImage(List.of(one, two), "amd64", Map.of()), "ok");
        ImagePull.pullInto(repo, oci(b, "ok"), RegistryOptions.defaults(), Reporter.quiet(), false);
        assertTrue(refs(repo).contains("ostree/container/image/"), refs(repo));
    }

    /** Over the network the layer is downloaded first, then imported: the same check, the same line. */
    @Test
    void aWrongDiffIdFromARegistryIsRefused() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("layout"));
        Layer layer = b.addLayer(tar("usr/a", "a\n"), Compression.GZIP);
        Digest wrong = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
        b.tag(b.addImage(List.of(new Layer(layer.descriptor(), wrong)), "amd64", Map.of()), "bad");
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry"), true, false)) {
            registry.push(b.dir(), "bad", "fault/diffid:1", false);
            Path repo = repo();
            OstreeImageReference ref = new OstreeImageReference(null, Transport.REGISTRY,
                    registry.host() + "/fault/diffid:1");
            ImageException e = refused(repo, ref, registry.clientOptions(tmp.resolve("client")));
            assertTrue(e.getMessage().endsWith(": layer " + layer.descriptor().digest()
                    + ": uncompressed layer does not match its diff_id: expected " + wrong + ", got "
                    + layer.diffId()), e.getMessage());
            assertEquals("", refs(repo).strip());
        }
    }
}
