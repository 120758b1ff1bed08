package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ImageException;
import dev.bootcj.blob.BlobVerificationException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.testing.Tools;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestTar;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file transports' error paths, and the verified blob stream. */
class LocalTransportTest {
    private static final RegistryOptions OPTS = RegistryOptions.defaults();

    private static OciLayoutBuilder.Layer layer(OciLayoutBuilder b, String content) throws Exception {
        return b.addLayer(TestTar.of(Map.of("f", content.getBytes(StandardCharsets.UTF_8))), Compression.GZIP);
    }

    @Test
    void unknownTransportAndMalformedReferences() {
        assertEquals("Unknown transport 'ftp'",
                assertThrows(ImageException.class, () -> ImageSources.open("ftp://x/y", OPTS)).getMessage());
        assertEquals("Invalid image reference 'quay.io': expected TRANSPORT:NAME (e.g. docker://quay.io/x/y:latest)",
                assertThrows(ImageException.class, () -> ImageSources.open("quay.io", OPTS)).getMessage());
        assertEquals("Invalid image reference 'quay.io/Fedora': repository name must be lowercase",
                assertThrows(ImageException.class, () -> ImageSources.open("docker://quay.io/Fedora", OPTS))
                        .getMessage());
        assertEquals("Transport 'containers-storage' is not supported (image 'x')",
                assertThrows(ImageException.class, () -> ImageSources.open(Transport.CONTAINERS_STORAGE, "x", OPTS))
                        .getMessage());
    }

    @Test
    void ociLayoutTagsAndMissingPieces(@TempDir Path tmp) throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("img"));
        var l = layer(b, "one");
        Descriptor m1 = b.addImage(List.of(l), "amd64", Map.of());
        b.tag(m1, "v1");
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir().toString(), OPTS)) {
            assertEquals(m1.digest(), s.resolve(Platform.host()).digest(), "the only manifest without a tag");
        }
        b.tag(b.addImage(List.of(layer(b, "two")), "amd64", Map.of()), "v2");
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir() + ":v3", OPTS)) {
            assertEquals("Image oci:" + b.dir() + ":v3 not found: no manifest with tag 'v3' in " + b.dir()
                    + "/index.json (tags: v1, v2)", assertThrows(ImageException.class, s::manifest).getMessage());
        }
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir().toString(), OPTS)) {
            assertEquals("Image oci:" + b.dir() + ": " + b.dir() + "/index.json has 2 manifests; name one with :TAG"
                    + " (tags: v1, v2)", assertThrows(ImageException.class, s::manifest).getMessage());
        }
        try (ImageSource s = ImageSources.open(Transport.OCI, tmp.resolve("nothing") + ":x", OPTS)) {
            assertEquals("Image oci:" + tmp.resolve("nothing") + ":x not found: " + tmp.resolve("nothing")
                    + "/index.json does not exist (not an OCI layout)",
                    assertThrows(ImageException.class, s::manifest).getMessage());
        }
        assertEquals("Image oci-archive:" + tmp.resolve("no.tar") + " not found: " + tmp.resolve("no.tar")
                + " does not exist", assertThrows(ImageException.class,
                        () -> ImageSources.open(Transport.OCI_ARCHIVE, tmp.resolve("no.tar").toString(), OPTS))
                        .getMessage());
        // a missing layer blob
        Files.delete(b.dir().resolve("blobs/sha256").resolve(l.descriptor().digest().hex()));
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir() + ":v1", OPTS)) {
            ResolvedImage img = s.resolve(Platform.host());
            assertEquals("Image oci:" + b.dir() + ":v1: blob " + l.descriptor().digest() + " is missing ("
                    + b.dir() + "/blobs/sha256/" + l.descriptor().digest().hex() + ")",
                    assertThrows(ImageException.class, () -> s.openBlob(img.manifest().layers().getFirst(), 0))
                            .getMessage());
        }
    }

    @Test
    void verifiedStreamsCatchTruncationAndCorruption(@TempDir Path tmp) throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("img"));
        var l = layer(b, "content ".repeat(1000));
        b.tag(b.addImage(List.of(l), "amd64", Map.of()), "t");
        Path blob = b.dir().resolve("blobs/sha256").resolve(l.descriptor().digest().hex());
        byte[] good = Files.readAllBytes(blob);
        Files.write(blob, java.util.Arrays.copyOf(good, good.length - 10));
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir() + ":t", OPTS)) {
            ResolvedImage img = s.resolve(Platform.host());
            Descriptor d = img.manifest().layers().getFirst();
            try (InputStream in = s.openVerifiedBlob(d)) {
                BlobVerificationException e = assertThrows(BlobVerificationException.class, in::readAllBytes);
                assertEquals("Truncated blob " + d.digest() + ": got " + (good.length - 10) + " of " + good.length
                        + " bytes", e.getMessage());
            }
            Path out = tmp.resolve("pulled");
            ImageException e = assertThrows(ImageException.class,
                    () -> new ImagePuller(OPTS.withMaxResumes(1)).pull(s, img, out, "t", PullListener.NONE));
            assertEquals("Image oci:" + b.dir() + ":t: blob " + d.digest() + " incomplete: got " + (good.length - 10)
                    + " of " + good.length + " bytes in 2 attempts (stream ended early)", e.getMessage());
            assertTrue(Files.notExists(out));
            good[good.length / 2] ^= 1;
            Files.write(blob, good);
            try (InputStream in = s.openVerifiedBlob(d)) {
                BlobVerificationException e2 = assertThrows(BlobVerificationException.class, in::readAllBytes);
                assertEquals(BlobVerificationException.Kind.DIGEST_MISMATCH, e2.kind());
                assertEquals("Digest mismatch for blob " + d.digest() + ": content has "
                        + Digest.sha256(good), e2.getMessage());
            }
        }
    }

    @Test
    void wrongConfigMediaTypeIsRefused(@TempDir Path tmp) throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("img"));
        Descriptor cfg = b.addBlob("application/vnd.example.artifact+json", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = dev.bootcj.spec.SpecMapper.ociJson().writeValueAsBytes(
                new dev.bootcj.oci.ImageManifest(2, MediaType.OCI_MANIFEST, cfg, List.of(), null));
        b.tag(b.addBlob(MediaType.OCI_MANIFEST, manifest), "art");
        try (ImageSource s = ImageSources.open(Transport.OCI, b.dir() + ":art", OPTS)) {
            assertEquals("Image oci:" + b.dir() + ":art: config " + cfg.digest() + " has media type"
                    + " 'application/vnd.example.artifact+json', not an image config (is this an artifact rather"
                    + " than an image?)", assertThrows(ImageException.class, () -> s.resolve(Platform.host()))
                            .getMessage());
        }
    }

    @Test
    void ociArchiveWithLongNamesReadsInPlace(@TempDir Path tmp) throws Exception {
        // GNU tar with long member names exercises the archive index; skopeo is the writer of record elsewhere.
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("img"));
        Descriptor m = b.addImage(List.of(layer(b, "x")), "amd64", Map.of("ostree.bootable", "1"));
        b.tag(m, "t");
        Path tar = tmp.resolve("a.tar");
        Tools.run(b.dir(), List.of("tar", "--format=gnu", "-cf", tar.toString(), "."));
        try (ImageSource s = ImageSources.open(Transport.OCI_ARCHIVE, tar + ":t", OPTS)) {
            ResolvedImage img = s.resolve(Platform.host());
            assertEquals(m.digest(), img.digest());
            ImageInfo info = ImageInspector.describe(img);
            assertTrue(info.bootable());
        }
        Path pax = tmp.resolve("p.tar");
        Tools.run(b.dir(), List.of("tar", "--format=pax", "-cf", pax.toString(), "oci-layout", "index.json", "blobs"));
        try (ImageSource s = ImageSources.open(Transport.OCI_ARCHIVE, pax + ":t", OPTS)) {
            assertEquals(m.digest(), s.resolve(Platform.host()).digest());
        }
    }

    @Test
    void umociImageInspectsLikeSkopeoSays(@TempDir Path tmp) throws Exception {
        Path img = tmp.resolve("img");
        Tools.run(tmp, List.of("umoci", "init", "--layout", img.toString()));
        Tools.run(tmp, List.of("umoci", "new", "--image", img + ":latest"));
        Path bundle = tmp.resolve("bundle");
        Tools.run(tmp, List.of("umoci", "unpack", "--rootless", "--image", img + ":latest", bundle.toString()));
        Files.createDirectories(bundle.resolve("rootfs/usr/bin"));
        Files.writeString(bundle.resolve("rootfs/usr/bin/version"), "#!/bin/sh\necho 1\n");
        Tools.run(tmp, List.of("umoci", "repack", "--image", img + ":latest", bundle.toString()));
        Tools.run(tmp, List.of("umoci", "config", "--image", img + ":latest", "--config.label", "containers.bootc=1",
                "--config.label", "org.opencontainers.image.version=7.3"));
        Tools.run(tmp, List.of("umoci", "gc", "--layout", img.toString()));
        ImageInfo info;
        try (ImageSource s = ImageSources.open(Transport.OCI, img + ":latest", OPTS)) {
            info = ImageInspector.inspect(s, Platform.host());
        }
        var oracle = dev.bootcj.spec.SpecMapper.ociJson().readTree(Tools.run("skopeo", "inspect", "oci:" + img + ":latest"));
        assertEquals(oracle.path("Digest").asText(), info.digest().toString());
        assertEquals(oracle.path("Os").asText() + "/" + oracle.path("Architecture").asText(), info.platform());
        assertEquals(Map.of("containers.bootc", "1", "org.opencontainers.image.version", "7.3"), info.labels());
        assertEquals("7.3", info.version());
        assertTrue(info.bootable());
        List<String> layers = new java.util.ArrayList<>();
        oracle.path("Layers").forEach(n -> layers.add(n.asText()));
        assertEquals(layers, info.layers().stream().map(l -> l.digest().toString()).toList());
        assertEquals(List.of("gzip"), info.layers().stream().map(ImageInfo.Layer::compression).toList());
    }
}
