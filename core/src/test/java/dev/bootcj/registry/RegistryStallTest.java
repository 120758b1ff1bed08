package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.RegistryException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.testing.registry.FaultProxy;
import dev.bootcj.testing.registry.FaultProxy.Fault;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestRegistry;
import dev.bootcj.testing.registry.TestTar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that stops sending in the middle of a manifest, a config or a layer but keeps the connection open
 * (and the same for a cut inside the config): with a small idle timeout the client resumes (a Range request for
 * blobs) or, when the stall persists, fails after a bounded number of attempts with one line naming the image,
 * the blob and the cause. The real registry sits behind a fault-injecting proxy on 127.0.0.1.
 */
class RegistryStallTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    @TempDir
    static Path shared;
    static TestRegistry registry;
    static FaultProxy proxy;
    static RegistryOptions options;
    static Descriptor layer;
    static Descriptor config;
    static String image;

    @BeforeAll
    static void setUp() throws Exception {
        registry = TestRegistry.start(shared.resolve("registry"), false, false);
        proxy = new FaultProxy(registry.port());
        options = proxy.insecureClientOptions(registry, shared)
                .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(1))
                .withMaxResumes(2)
                .withReadIdleTimeout(IDLE);
        OciLayoutBuilder b = new OciLayoutBuilder(shared.resolve("layout"));
        Path tar = shared.resolve("layer.tar");
        TestTar.randomFile(tar, "usr/share/random.bin", 2 << 20, 11);
        var big = b.addLayerFile(tar, Compression.NONE);
        var label = b.addLayer(TestTar.of(Map.of("etc/os-release", "ID=test\n".getBytes(StandardCharsets.UTF_8))),
                Compression.GZIP);
        b.tag(b.addImage(List.of(label, big), "amd64", Map.of("containers.bootc", "1")), "latest");
        registry.push(b.dir(), "latest", "test/stall:latest", false);
        layer = big.descriptor();
        image = proxy.host() + "/test/stall:latest";
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/stall:latest",
                options)) {
            config = src.resolve(Platform.host()).manifest().config();
        }
    }

    @AfterEach
    void clearFaults() {
        proxy.clearBodyFaults();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void stalledManifestIsFetchedAgain() throws Exception {
        int before = proxy.stalls();
        proxy.faultBody(Fault.STALL, "/manifests/latest", 100, 1);
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            assertEquals(config, src.resolve(Platform.host()).manifest().config());
        }
        assertEquals(before + 1, proxy.stalls());
    }

    @Test
    void stalledConfigResumes() throws Exception {
        int before = proxy.stalls();
        proxy.faultBody(Fault.STALL, "/blobs/" + config.digest(), config.size() / 2, 1);
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            ResolvedImage img = src.resolve(Platform.host());
            assertEquals(config.digest(), config.digest().sameAlgorithmOf(img.configBytes()));
        }
        assertEquals(before + 1, proxy.stalls());
    }

    @Test
    void cutInsideTheConfigResumes() throws Exception {
        int before = proxy.cuts();
        proxy.faultBody(Fault.CUT, "/blobs/" + config.digest(), config.size() / 2, 1);
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            ResolvedImage img = src.resolve(Platform.host());
            assertEquals(config.digest(), config.digest().sameAlgorithmOf(img.configBytes()));
        }
        assertEquals(before + 1, proxy.cuts());
    }

    @Test
    void stalledLayerResumesWithRange(@TempDir Path tmp) throws Exception {
        List<PullEvent> events = new CopyOnWriteArrayList<>();
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            ResolvedImage img = src.resolve(Platform.host());
            proxy.faultBody(Fault.STALL, "/blobs/" + layer.digest(), 700_000, 1);
            new ImagePuller(options).pull(src, img, tmp.resolve("out"), "latest", events::add);
        }
        List<PullEvent.Resumed> resumed = events.stream().filter(e -> e instanceof PullEvent.Resumed)
                .map(e -> (PullEvent.Resumed) e).toList();
        assertEquals(1, resumed.size(), events.toString());
        assertEquals(layer.digest(), resumed.getFirst().digest());
        assertEquals(700_000, resumed.getFirst().offset());
        assertTrue(resumed.getFirst().cause().contains("no data received for 300 ms"), resumed.toString());
        Path blob = ImagePuller.blobPath(tmp.resolve("out"), layer.digest());
        assertEquals(layer.digest(), OciLayoutBuilder.digest(blob));
    }

    @Test
    void persistentlyStalledLayerFailsWithOneLine(@TempDir Path tmp) throws Exception {
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            ResolvedImage img = src.resolve(Platform.host());
            proxy.faultBody(Fault.STALL, "/blobs/" + layer.digest(), 500_000, 100);
            ImageException e = assertThrows(ImageException.class,
                    () -> new ImagePuller(options).pull(src, img, tmp.resolve("out"), "latest", PullListener.NONE));
            assertEquals("Image docker://" + image + ": blob " + layer.digest() + " incomplete: got 1500000 of "
                    + layer.size() + " bytes in 3 attempts (no data received for 300 ms)", e.getMessage());
            assertFalse(Files.exists(tmp.resolve("out")));
        }
    }

    @Test
    void persistentlyStalledConfigFailsWithOneLine() throws Exception {
        proxy.faultBody(Fault.STALL, "/blobs/" + config.digest(), 10, 100);
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            ImageException e = assertThrows(ImageException.class, () -> src.resolve(Platform.host()));
            assertEquals("Image docker://" + image + ": blob " + config.digest() + " incomplete: got 30 of "
                    + config.size() + " bytes in 3 attempts (no data received for 300 ms)", e.getMessage());
        }
    }

    @Test
    void persistentlyStalledManifestFailsWithOneLine() throws Exception {
        proxy.faultBody(Fault.STALL, "/manifests/latest", 10, 100);
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals("Failed to pull manifest of " + image + ": no data received for 300 ms (after 3 attempts)",
                    e.getMessage());
        }
    }

    @Test
    void stalledLayerStreamedWithoutDownloadFailsInsteadOfHanging() throws Exception {
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, image, options)) {
            src.resolve(Platform.host());
            proxy.faultBody(Fault.STALL, "/blobs/" + layer.digest(), 1000, 1);
            byte[] head = new byte[1000];
            try (var in = src.openVerifiedBlob(layer)) {
                assertEquals(head.length, in.readNBytes(head, 0, head.length));
                IOException e = assertThrows(IOException.class, in::read);
                assertEquals("no data received for 300 ms", e.getMessage());
            }
        }
    }
}
