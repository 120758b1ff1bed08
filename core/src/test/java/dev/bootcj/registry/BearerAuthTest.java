package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.RegistryException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestRegistry;
import dev.bootcj.testing.registry.TestTar;
import dev.bootcj.testing.registry.TestTokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-registry in token mode: WWW-Authenticate: Bearer, tokens fetched with basic credentials and cached. */
class BearerAuthTest {
    @TempDir
    static Path shared;
    static TestTokenServer tokens;
    static TestRegistry registry;
    static Descriptor image;

    @BeforeAll
    static void setUp() throws Exception {
        tokens = new TestTokenServer(shared.resolve("tokens"));
        registry = TestRegistry.startWithTokens(shared.resolve("registry"), true, tokens);
        OciLayoutBuilder b = new OciLayoutBuilder(shared.resolve("layout"));
        var l1 = b.addLayer(TestTar.of(Map.of("a", "a".getBytes(StandardCharsets.UTF_8))), Compression.GZIP);
        var l2 = b.addLayer(TestTar.of(Map.of("b", "b".getBytes(StandardCharsets.UTF_8))), Compression.GZIP);
        image = b.addImage(List.of(l1, l2), "amd64", Map.of("containers.bootc", "1"));
        b.tag(image, "latest");
        registry.push(b.dir(), "latest", "test/os:latest", false);
    }

    @AfterAll
    static void tearDown() throws java.io.IOException {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @Test
    void pullFetchesOneTokenPerScopeAndReusesIt(@TempDir Path tmp) throws Exception {
        RegistryOptions opts = registry.clientOptions(tmp.resolve("client"));
        int before = tokens.issued();
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest", opts)) {
            ResolvedImage img = src.resolve(Platform.host());
            assertEquals(image.digest(), img.digest());
            new ImagePuller(opts).pull(src, img, tmp.resolve("out"), "latest", PullListener.NONE);
            assertEquals(image.digest(), src.topDigest());
        }
        assertEquals(1, tokens.issued() - before, "manifest, config, two layers and HEAD share one token");
        assertTrue(Files.isRegularFile(tmp.resolve("out/index.json")));
    }

    @Test
    void refusedTokenRequestNamesTheAuthFiles(@TempDir Path tmp) throws Exception {
        RegistryOptions opts = registry.clientOptions(tmp.resolve("client"))
                .withAuthFiles(List.of(tmp.resolve("auth.json")));
        int before = tokens.refused();
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest", opts)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals(401, e.status());
            assertEquals("Failed to pull manifest of " + registry.host() + "/test/os:latest: 401 Unauthorized by "
                    + registry.host() + ": no auth file found (looked at " + tmp.resolve("auth.json") + ")",
                    e.getMessage());
        }
        assertEquals(1, tokens.refused() - before);
    }
}
