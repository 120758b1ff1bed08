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
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestRegistry;
import dev.bootcj.testing.registry.TestTar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the client and a real (plain HTTP, insecure in registries.conf) registry: a connection cut in
 * the middle of a 50 MB layer, a corrupted blob, transient 503/429 answers.
 */
class BlobResumeTest {
    private static final long BIG = 50L * 1024 * 1024;

    @TempDir
    static Path shared;
    static TestRegistry registry;
    static FaultProxy proxy;
    static RegistryOptions options;
    static Descriptor bigLayer;
    static Descriptor smallLayer;

    @BeforeAll
    static void setUp() throws IOException {
        registry = TestRegistry.start(shared.resolve("registry"), false, false);
        proxy = new FaultProxy(registry.port());
        options = proxy.insecureClientOptions(registry, shared)
                .withRetries(4, java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1));
        OciLayoutBuilder b = new OciLayoutBuilder(shared.resolve("layout"));
        Path bigTar = shared.resolve("big.tar");
        TestTar.randomFile(bigTar, "usr/share/random.bin", BIG, 42);
        var big = b.addLayerFile(bigTar, Compression.NONE);
        bigLayer = big.descriptor();
        var label = b.addLayer(TestTar.of(Map.of("etc/os-release", "ID=test\n".getBytes(StandardCharsets.UTF_8))),
                Compression.GZIP);
        b.tag(b.addImage(List.of(label, big), "amd64", Map.of("containers.bootc", "1")), "big");
        Path smallTar = shared.resolve("small.tar");
        TestTar.randomFile(smallTar, "small.bin", 1 << 20, 7);
        var small = b.addLayerFile(smallTar, Compression.NONE);
        smallLayer = small.descriptor();
        b.tag(b.addImage(List.of(small), "amd64", Map.of()), "small");
        registry.push(b.dir(), "big", "test/big:latest", false);
        registry.push(b.dir(), "small", "test/small:latest", false);
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
    void connectionCutMidLayerResumesWithRangeAndVerifies(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("pulled");
        List<PullEvent> events = new CopyOnWriteArrayList<>();
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, proxy.host() + "/test/big:latest", options)) {
            ResolvedImage img = src.resolve(Platform.host());
            proxy.cutOnceAfter(20L * 1024 * 1024);
            new ImagePuller(options).pull(src, img, out, "latest", events::add);
        }
        assertEquals(1, proxy.cuts());
        List<PullEvent.Resumed> resumed = events.stream().filter(e -> e instanceof PullEvent.Resumed)
                .map(e -> (PullEvent.Resumed) e).toList();
        assertEquals(1, resumed.size(), events.toString());
        assertEquals(bigLayer.digest(), resumed.getFirst().digest());
        assertTrue(resumed.getFirst().offset() > 0 && resumed.getFirst().offset() < BIG, resumed.toString());
        Path blob = ImagePuller.blobPath(out, bigLayer.digest());
        assertEquals(512 + BIG + 1024, Files.size(blob), "tar of one 50 MiB file");
        assertEquals(bigLayer.digest(), OciLayoutBuilder.digest(blob));
        assertEquals(List.of(), partials(out));
    }

    @Test
    void flippedByteIsRejectedAndNothingOfTheBlobIsKept(@TempDir Path tmp) throws Exception {
        Path data = registry.blobDataFile(smallLayer.digest());
        byte[] original = Files.readAllBytes(data);
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.seek(original.length / 2);
            int b = f.read();
            f.seek(original.length / 2);
            f.write(b ^ 0x01);
        }
        try {
            Path fresh = tmp.resolve("fresh");
            Path existing = Files.createDirectories(tmp.resolve("existing"));
            try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/small:latest",
                    options)) {
                ResolvedImage img = src.resolve(Platform.host());
                ImageException e = assertThrows(ImageException.class,
                        () -> new ImagePuller(options).pull(src, img, fresh, "latest", PullListener.NONE));
                assertTrue(e.getMessage().startsWith("Image docker://" + registry.host() + "/test/small:latest:"
                        + " digest mismatch for blob " + smallLayer.digest() + ": content has sha256:"), e.getMessage());
                assertFalse(Files.exists(fresh), "a layout the pull created is removed");
                assertThrows(ImageException.class,
                        () -> new ImagePuller(options).pull(src, img, existing, "latest", PullListener.NONE));
                assertFalse(Files.exists(ImagePuller.blobPath(existing, smallLayer.digest())));
                assertEquals(List.of(), partials(existing));
                assertFalse(Files.exists(existing.resolve("index.json")));
            }
        } finally {
            Files.write(data, original);
        }
    }

    @Test
    void transientServerErrorsAreRetried() throws Exception {
        // A fresh source: its first connection is the TLS probe of the insecure registry, then the requests.
        int before = proxy.cannedServed();
        proxy.answerNext(3, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, proxy.host() + "/test/small:latest", options)) {
            assertEquals(1, src.resolve(Platform.host()).manifest().layers().size());
        }
        assertEquals(before + 3, proxy.cannedServed());
        proxy.answerNext(3, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, proxy.host() + "/test/small:latest", options)) {
            assertEquals(1, src.resolve(Platform.host()).manifest().layers().size());
        }
        assertEquals(before + 6, proxy.cannedServed());
    }

    @Test
    void persistentServerErrorsGiveUpAfterBoundedAttempts() throws Exception {
        proxy.answerNext(1 + options.maxAttempts(),
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, proxy.host() + "/test/small:latest", options)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals(503, e.status());
            assertEquals("Failed to pull manifest of " + proxy.host() + "/test/small:latest: HTTP 503", e.getMessage());
        } finally {
            proxy.answerNext(0, "");
        }
    }

    private static List<Path> partials(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
