package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.RegistryException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.testing.Tools;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestRegistry;
import dev.bootcj.testing.registry.TestTar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real docker-registry with TLS and htpasswd auth, with skopeo as the oracle. */
class RegistryPullTest {
    @TempDir
    static Path shared;
    static TestRegistry registry;
    static RegistryOptions options;
    static Path layout;
    static Descriptor amd64;
    static Descriptor arm64;
    static List<Digest> diffIds;
    static Descriptor compat;
    static List<Digest> compatDiffIds;

    @BeforeAll
    static void setUp() throws IOException {
        registry = TestRegistry.start(shared.resolve("registry"), true, true);
        options = registry.clientOptions(shared.resolve("client"));
        OciLayoutBuilder b = new OciLayoutBuilder(shared.resolve("layout"));
        var l1 = b.addLayer(TestTar.of(Map.of("usr/bin/a", "alpha\n".getBytes(StandardCharsets.UTF_8))),
                Compression.GZIP);
        var l2 = b.addLayer(TestTar.of(Map.of("usr/lib/b", "beta beta beta\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8))), Compression.ZSTD);
        var l3 = b.addLayer(TestTar.of(Map.of("etc/c.conf", "gamma=1\n".getBytes(StandardCharsets.UTF_8))),
                Compression.NONE);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("containers.bootc", "1");
        labels.put("org.opencontainers.image.version", "42.1");
        amd64 = b.addImage(List.of(l1, l2, l3), "amd64", labels);
        b.tag(amd64, "latest");
        var armLayer = b.addLayer(TestTar.of(Map.of("arm", "arm64 only\n".getBytes(StandardCharsets.UTF_8))),
                Compression.GZIP);
        arm64 = b.addImage(List.of(armLayer), "arm64", Map.of("ostree.bootable", "true"));
        Descriptor index = b.addIndex(List.of(
                new Descriptor(arm64.mediaType(), arm64.digest(), arm64.size(), null, null,
                        Platform.of("linux", "arm64", "v8")), amd64));
        b.tag(index, "multi");
        var plain = b.addLayer(TestTar.of(Map.of("x", "x".getBytes(StandardCharsets.UTF_8))), Compression.GZIP);
        b.tag(b.addImage(List.of(plain), "amd64", Map.of()), "plain");
        // skopeo cannot write zstd layers into a docker-archive: a gzip/none image for the transports test
        var c1 = b.addLayer(TestTar.of(Map.of("usr/share/one", "one\n".getBytes(StandardCharsets.UTF_8))),
                Compression.GZIP);
        compatDiffIds = List.of(c1.diffId(), l3.diffId());
        compat = b.addImage(List.of(c1, l3), "amd64", labels);
        b.tag(compat, "compat");
        layout = b.dir();
        diffIds = List.of(l1.diffId(), l2.diffId(), l3.diffId());
        registry.push(layout, "latest", "test/os:latest", false);
        registry.push(layout, "multi", "test/multi:latest", true);
        registry.push(layout, "plain", "test/plain:latest", false);
        registry.push(layout, "compat", "test/compat:latest", false);
    }

    @AfterAll
    static void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    private ImageSource open(String name) throws IOException, BootcException {
        return ImageSources.open(Transport.REGISTRY, registry.host() + "/" + name, options);
    }

    @Test
    void threeLayerPullMatchesSkopeoBlobForBlob(@TempDir Path tmp) throws Exception {
        Path ours = tmp.resolve("ours");
        List<PullEvent> events = new CopyOnWriteArrayList<>();
        try (ImageSource src = open("test/os:latest")) {
            ResolvedImage img = src.resolve(Platform.host());
            assertEquals(amd64.digest(), img.digest());
            assertEquals(3, img.manifest().layers().size());
            new ImagePuller(options).pull(src, img, ours, "latest", events::add);
        }
        Path theirs = tmp.resolve("skopeo");
        List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--preserve-digests"));
        cmd.addAll(registry.skopeoSrc());
        cmd.add("docker://" + registry.host() + "/test/os:latest");
        cmd.add("oci:" + theirs + ":latest");
        Tools.run(null, cmd);
        Map<String, byte[]> a = blobs(ours);
        Map<String, byte[]> b = blobs(theirs);
        assertEquals(b.keySet(), a.keySet());
        assertEquals(5, a.size(), "3 layers + config + manifest");
        for (String k : a.keySet()) {
            assertArrayEquals(b.get(k), a.get(k), k);
        }
        long done = events.stream().filter(e -> e instanceof PullEvent.Done).count();
        assertEquals(3, done);
        // The pulled layout reads back through the oci transport with the same digest.
        try (ImageSource back = ImageSources.open(Transport.OCI, ours + ":latest", options)) {
            assertEquals(amd64.digest(), back.resolve(Platform.host()).digest());
        }
    }

    private static Map<String, byte[]> blobs(Path layoutDir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(layoutDir.resolve("blobs/sha256"))) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void multiArchIndexSelectsThePlatform() throws Exception {
        try (ImageSource src = open("test/multi:latest")) {
            ResolvedImage host = src.resolve(Platform.parse("linux/amd64"));
            assertEquals(amd64.digest(), host.digest());
            assertTrue(host.index().isPresent());
            assertEquals("linux/amd64", host.platform().toString());
            ResolvedImage arm = src.resolve(Platform.parse("linux/arm64"));
            assertEquals(arm64.digest(), arm.digest());
            assertEquals("arm64", arm.config().architecture());
            ImageException e = assertThrows(ImageException.class, () -> src.resolve(Platform.parse("linux/s390x")));
            assertEquals("Image docker://" + registry.host() + "/test/multi:latest has no manifest for platform"
                    + " linux/s390x (it offers: linux/arm64/v8, linux/amd64)", e.getMessage());
            assertEquals(src.manifest().digest(), src.topDigest(), "HEAD gives the index digest");
        }
    }

    @Test
    void layersOfEachCompressionStreamVerified() throws Exception {
        try (ImageSource src = open("test/os:latest")) {
            ResolvedImage img = src.resolve(Platform.host());
            List<String> types = img.manifest().layers().stream().map(Descriptor::mediaType).toList();
            assertEquals(List.of(MediaType.OCI_LAYER_GZIP, MediaType.OCI_LAYER_ZSTD, MediaType.OCI_LAYER), types);
            assertEquals(diffIds, uncompressedDigests(src, img));
        }
    }

    /** Reads each layer verified, decompresses it (zstd with the zstd tool) and hashes the tar. */
    static List<Digest> uncompressedDigests(ImageSource src, ResolvedImage img) throws Exception {
        List<Digest> out = new ArrayList<>();
        for (Descriptor d : img.manifest().layers()) {
            byte[] raw;
            try (InputStream in = src.openVerifiedBlob(d)) {
                raw = in.readAllBytes();
            }
            byte[] tar = switch (MediaType.layerCompression(d.mediaType()).orElseThrow()) {
                case NONE -> raw;
                case GZIP -> new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
                case ZSTD -> {
                    Path f = Files.createTempFile("layer", ".zst");
                    try {
                        Files.write(f, raw);
                        Tools.run("zstd", "-q", "-d", "-f", f.toString(), "-o", f + ".tar");
                        yield Files.readAllBytes(Path.of(f + ".tar"));
                    } finally {
                        Files.deleteIfExists(f);
                        Files.deleteIfExists(Path.of(f + ".tar"));
                    }
                }
            };
            out.add(Digest.sha256(tar));
        }
        return out;
    }

    @Test
    void sameImageFromEveryTransport(@TempDir Path tmp) throws Exception {
        Path ociArchive = tmp.resolve("os-oci.tar");
        Path dockerArchive = tmp.resolve("os-docker.tar");
        Path dir = tmp.resolve("os-dir");
        Tools.run("skopeo", "copy", "--quiet", "--preserve-digests", "oci:" + layout + ":compat", "oci-archive:" + ociArchive + ":latest");
        Tools.run("skopeo", "copy", "--quiet", "oci:" + layout + ":compat", "docker-archive:" + dockerArchive
                + ":test/compat:latest");
        Tools.run("skopeo", "copy", "--quiet", "--preserve-digests", "oci:" + layout + ":compat", "dir:" + dir);
        Map<String, ImageInfo> infos = new LinkedHashMap<>();
        Map<String, List<Digest>> contents = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put("registry", "docker://" + registry.host() + "/test/compat:latest");
        refs.put("oci", "oci:" + layout + ":compat");
        refs.put("oci-archive", "oci-archive:" + ociArchive + ":latest");
        refs.put("docker-archive", "docker-archive:" + dockerArchive + ":test/compat:latest");
        refs.put("dir", "dir:" + dir);
        for (var e : refs.entrySet()) {
            try (ImageSource src = ImageSources.open(e.getValue(), options)) {
                ResolvedImage img = src.resolve(Platform.host());
                infos.put(e.getKey(), ImageInspector.describe(img));
                contents.put(e.getKey(), uncompressedDigests(src, img));
            }
        }
        ImageInfo reg = infos.get("registry");
        for (String t : List.of("oci", "oci-archive", "dir")) {
            assertEquals(reg.digest(), infos.get(t).digest(), t);
            assertEquals(reg.layers(), infos.get(t).layers(), t);
        }
        for (var e : infos.entrySet()) {
            ImageInfo i = e.getValue();
            assertEquals(reg.labels(), i.labels(), e.getKey());
            assertEquals(reg.created(), i.created(), e.getKey());
            assertEquals(reg.platform(), i.platform(), e.getKey());
            assertEquals(compatDiffIds, contents.get(e.getKey()), e.getKey());
            assertEquals(compatDiffIds, i.layers().stream().map(ImageInfo.Layer::diffId).toList(), e.getKey());
        }
        // docker-archive keeps uncompressed layers: their digests are the diff ids.
        ImageInfo docker = infos.get("docker-archive");
        assertEquals(compatDiffIds, docker.layers().stream().map(ImageInfo.Layer::digest).toList());
        assertTrue(docker.layers().stream().noneMatch(ImageInfo.Layer::compressed));
        assertEquals(MediaType.DOCKER_MANIFEST, docker.mediaType());
    }

    @Test
    void inspectReportsDigestPlatformLabelsLayersAndBootability() throws Exception {
        ImageInfo info;
        try (ImageSource src = open("test/os:latest")) {
            info = ImageInspector.inspect(src, Platform.host());
        }
        assertEquals(amd64.digest(), info.digest());
        assertEquals("linux/amd64", info.platform());
        assertEquals("42.1", info.version());
        assertEquals("2024-05-01T10:00:00Z", info.created());
        assertTrue(info.bootable());
        assertEquals(List.of("gzip", "zstd", "none"),
                info.layers().stream().map(ImageInfo.Layer::compression).toList());
        String human = ImageInfoRenderer.render(info, InspectFormat.HUMAN);
        assertTrue(human.contains(" Bootable: yes\n"), human);
        assertTrue(human.contains("   Digest: " + amd64.digest() + "\n"), human);
        String json = ImageInfoRenderer.render(info, InspectFormat.JSON);
        assertEquals(info.digest().toString(),
                dev.bootcj.spec.SpecMapper.ociJson().readTree(json).path("digest").asText());
        try (ImageSource src = open("test/plain:latest")) {
            ImageInfo plain = ImageInspector.inspect(src, Platform.host());
            assertFalse(plain.bootable());
            assertEquals("no containers.bootc or ostree.bootable label", plain.notBootableReason());
        }
        try (ImageSource src = open("test/multi:latest")) {
            ImageInfo arm = ImageInspector.inspect(src, Platform.parse("linux/arm64"));
            assertTrue(arm.bootable(), "ostree.bootable counts");
            assertNotEquals(null, arm.indexDigest());
        }
    }

    @Test
    void missingTagAndRepositoryNameImageAndTag() throws Exception {
        try (ImageSource src = open("test/os:nope")) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals(404, e.status());
            assertEquals("Image " + registry.host() + "/test/os:nope not found: tag 'nope' not found in repository"
                    + " test/os (MANIFEST_UNKNOWN: manifest unknown)", e.getMessage());
        }
        try (ImageSource src = open("test/absent:v1")) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertTrue(e.getMessage().startsWith("Image " + registry.host() + "/test/absent:v1 not found"),
                    e.getMessage());
        }
    }

    @Test
    void unauthorizedNamesTheAuthFilesLookedAt(@TempDir Path tmp) throws Exception {
        RegistryOptions none = options.withAuthFiles(List.of(tmp.resolve("run-auth.json"), tmp.resolve("etc-auth.json")));
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest", none)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals(401, e.status());
            assertEquals("Failed to pull manifest of " + registry.host() + "/test/os:latest: 401 Unauthorized by "
                    + registry.host() + ": no auth file found (looked at " + tmp.resolve("run-auth.json") + ", "
                    + tmp.resolve("etc-auth.json") + ")", e.getMessage());
        }
        Path wrong = registry.writeAuthFile(tmp.resolve("etc-auth.json"), TestRegistry.USER, "wrong");
        RegistryOptions bad = options.withAuthFiles(List.of(tmp.resolve("run-auth.json"), wrong));
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest", bad)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertEquals(401, e.status());
            assertTrue(e.getMessage().endsWith("credentials for " + registry.host() + " from " + wrong
                    + " were rejected (looked at " + tmp.resolve("run-auth.json") + ", " + wrong + ")"),
                    e.getMessage());
        }
    }

    @Test
    void untrustedCertificateNamesTheCertsDirThatWouldFixIt(@TempDir Path tmp) throws Exception {
        RegistryOptions untrusted = options.withCertsDir(tmp.resolve("certs.d"));
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest", untrusted)) {
            RegistryException e = assertThrows(RegistryException.class, src::manifest);
            assertTrue(e.getMessage().startsWith("TLS verification of " + registry.host() + " failed: "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; to trust its CA, put the CA certificate in "
                    + tmp.resolve("certs.d").resolve(registry.host()) + "/ca.crt"), e.getMessage());
        }
    }

    @Test
    void mirrorFromRegistriesConf(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("registries.conf");
        Files.writeString(conf, """
                unqualified-search-registries = ["docker.io"]

                [[registry]]
                prefix = "os.example.invalid/test"
                location = "os.example.invalid/test"

                [[registry.mirror]]
                location = "%s/test"
                """.formatted(registry.host()));
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, "os.example.invalid/test/os:latest",
                options.withRegistriesConf(conf))) {
            assertEquals(amd64.digest(), src.resolve(Platform.host()).digest());
        }
        Files.writeString(conf, """
                [[registry]]
                location = "%s"
                blocked = true
                """.formatted(registry.host()));
        try (ImageSource src = ImageSources.open(Transport.REGISTRY, registry.host() + "/test/os:latest",
                options.withRegistriesConf(conf))) {
            throw new AssertionError("blocked registry opened: " + src.name());
        } catch (RegistryException e) {
            assertEquals("Registry " + registry.host() + " is blocked in registries.conf (prefix '" + registry.host()
                    + "')", e.getMessage());
        }
    }
}
