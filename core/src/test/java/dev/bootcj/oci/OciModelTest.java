package dev.bootcj.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.spec.SpecMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciModelTest {
    private static final String D1 = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final String D2 = "sha256:fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void digestParsesValidatesAndComputes() throws ImageException {
        Digest d = Digest.parse(D1);
        assertEquals("sha256", d.algorithm());
        assertEquals(D1, d.toString());
        assertEquals(d, Digest.sha256(utf8("foo")));
        assertEquals("Invalid digest: invalid digest 'sha256' (expected algorithm:hex)",
                assertThrows(ImageException.class, () -> Digest.parse("sha256")).getMessage());
        assertThrows(ImageException.class, () -> Digest.parse("sha256:" + "A".repeat(64)));
        assertThrows(ImageException.class, () -> Digest.parse("sha256:abcd"));
        assertEquals("sha384", Digest.parse("sha384:" + "ab".repeat(48)).algorithm(), "other algorithms parse");
        assertThrows(ImageException.class, () -> Digest.parse("sha384:" + "ab".repeat(48)).newDigester());
    }

    @Test
    void platformFromJvmNamesAndMatching() {
        assertEquals("linux/amd64", Platform.fromJvm("linux", "amd64").toString());
        assertEquals("linux/amd64", Platform.fromJvm("linux", "x86_64").toString());
        assertEquals("linux/arm64", Platform.fromJvm("linux", "aarch64").toString());
        assertEquals("linux/arm/v7", Platform.fromJvm("linux", "arm").toString());
        assertEquals("linux/ppc64le", Platform.fromJvm("linux", "ppc64le").toString());
        assertEquals("linux/s390x", Platform.fromJvm("linux", "s390x").toString());
        assertEquals("linux/amd64", Platform.host().toString(), "this machine is x86_64 Linux");
        assertTrue(Platform.parse("linux/arm64").matches(Platform.parse("linux/arm64/v8")));
        assertFalse(Platform.parse("linux/arm/v7").matches(Platform.parse("linux/arm/v6")));
        assertFalse(Platform.parse("linux/amd64").matches(Platform.parse("windows/amd64")));
        assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux"));
    }

    @Test
    void manifestRoundTripKeepsBytesAndDigest() throws ImageException {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + D1
                + "\",\"size\":3},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+zstd\","
                + "\"digest\":\"" + D2 + "\",\"size\":3,\"annotations\":{\"a\":\"b\"}}],\"annotations\":{\"x\":\"y\"}}";
        RawManifest raw = RawManifest.of(utf8(json), "text/plain");
        assertEquals(MediaType.OCI_MANIFEST, raw.mediaType());
        assertEquals(Digest.sha256(utf8(json)), raw.digest());
        ImageManifest m = assertInstanceOf(ImageManifest.class, raw.parse("img"));
        assertEquals(Compression.ZSTD, MediaType.layerCompression(m.layers().getFirst().mediaType()).orElseThrow());
        assertEquals(json, new String(writeJson(m), StandardCharsets.UTF_8), "golden round trip");
    }

    private static byte[] writeJson(Object o) {
        try {
            return SpecMapper.ociJson().writeValueAsBytes(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mediaTypeIsSniffedWhenOmitted() throws ImageException {
        RawManifest index = RawManifest.of(utf8("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\"" + D1 + "\",\"size\":1,"
                + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}"), null);
        assertEquals(MediaType.OCI_INDEX, index.mediaType());
        ImageIndex i = assertInstanceOf(ImageIndex.class, index.parse("img"));
        assertEquals(D1, i.select(Platform.parse("linux/amd64"), "img").digest().toString());
        assertEquals("Image img has no manifest for platform linux/arm64 (it offers: linux/amd64)",
                assertThrows(ImageException.class, () -> i.select(Platform.parse("linux/arm64"), "img")).getMessage());
        RawManifest docker = RawManifest.of(utf8("{\"schemaVersion\":2,\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + D1 + "\",\"size\":1},"
                + "\"layers\":[]}"), MediaType.DOCKER_MANIFEST);
        assertEquals(MediaType.DOCKER_MANIFEST, docker.mediaType());
        assertInstanceOf(ImageManifest.class, docker.parse("img"));
    }

    @Test
    void schema1AndWrongMediaTypesAreRefusedInOneLine() {
        RawManifest s1 = RawManifest.of(utf8("{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"1\",\"fsLayers\":[]}"),
                "application/json");
        assertEquals(MediaType.DOCKER_SCHEMA1, s1.mediaType());
        assertEquals("Image quay.io/x:1 has a Docker schema 1 manifest, which is not supported (convert it to"
                + " schema 2 or OCI, e.g. skopeo copy --format v2s2)",
                assertThrows(ImageException.class, () -> s1.parse("quay.io/x:1")).getMessage());
        RawManifest cfg = RawManifest.of(utf8("{\"architecture\":\"amd64\",\"os\":\"linux\"}"), MediaType.OCI_CONFIG);
        assertEquals("Image x: unsupported manifest media type 'application/vnd.oci.image.config.v1+json' ("
                + cfg.digest() + ")", assertThrows(ImageException.class, () -> cfg.parse("x")).getMessage());
        RawManifest bad = RawManifest.of(utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MediaType.OCI_MANIFEST
                + "\",\"config\":{\"mediaType\":\"x\",\"digest\":\"nope\",\"size\":1}}"), null);
        assertTrue(assertThrows(ImageException.class, () -> bad.parse("x")).getMessage()
                .startsWith("Image x: invalid manifest " + bad.digest() + ": "));
    }

    @Test
    void configReadsLabelsDiffIdsAndHistory() throws ImageException {
        ImageConfig c = ImageConfig.parse(utf8("{\"created\":\"2024-01-02T03:04:05Z\",\"architecture\":\"arm64\","
                + "\"os\":\"linux\",\"variant\":\"v8\",\"config\":{\"Labels\":{\"containers.bootc\":\"1\"},"
                + "\"Cmd\":[\"/bin/sh\"],\"Unknown\":1},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + D1
                + "\"]},\"history\":[{\"created_by\":\"x\",\"empty_layer\":true}]}"), "img");
        assertEquals("1", c.labels().get(ImageConfig.LABEL_BOOTC));
        assertEquals(List.of(Digest.fromString(D1)), c.diffIds());
        assertTrue(c.history().getFirst().emptyLayer());
        assertEquals("linux/arm64/v8", c.platform().toString());
        assertTrue(ImageConfig.parse(utf8("{}"), "img").labels().isEmpty());
    }
}
