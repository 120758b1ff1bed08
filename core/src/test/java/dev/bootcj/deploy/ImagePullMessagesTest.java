package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer that fails while it is imported is named with its image in the one-line message. */
@Tag("native")
class ImagePullMessagesTest {
    @Test
    void aDecoderFailureNamesTheImageAndTheLayer(@TempDir Path tmp) throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("layout"));
        // A blob whose digest is right but which is not gzip at all.
        Descriptor notGzip = b.addBlob(MediaType.OCI_LAYER_GZIP, "not gzip data".getBytes(StandardCharsets.UTF_8));
        Digest diffId = Digest.sha256(new byte[0]);
        b.tag(b.addImage(List.of(new OciLayoutBuilder.Layer(notGzip, diffId)), "amd64", Map.of()), "bad");
        Path repoPath = tmp.resolve("repo");
        OstreeRepo.create(repoPath, RepoMode.BARE_USER).close();
        OstreeImageReference ref = new OstreeImageReference(null, Transport.OCI, b.dir() + ":bad");
        IOException e = assertThrows(IOException.class, () -> ImagePull.pullInto(repoPath, ref,
                RegistryOptions.defaults(), Reporter.quiet(), false));
        assertEquals("Image oci:" + b.dir() + ":bad: layer " + notGzip.digest() + ": Not in GZIP format",
                e.getMessage());
    }
}
