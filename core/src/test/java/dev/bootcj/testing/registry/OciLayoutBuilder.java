package dev.bootcj.testing.registry;

import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.ImageIndex;
import dev.bootcj.oci.ImageManifest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.oci.Platform;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes OCI image layouts from test code: layers (gzip, zstd via the {@code zstd} tool, or uncompressed),
 * configs with labels, manifests, indexes and tags in {@code index.json}.
 * {@snippet :
 * OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("img"));
 * var l1 = b.addLayer(TestTar.of(Map.of("usr/a", "a".getBytes())), Compression.GZIP);
 * Descriptor m = b.addImage(List.of(l1), "amd64", Map.of("containers.bootc", "1"));
 * b.tag(m, "latest");
 * }
 */
public final class OciLayoutBuilder {
    /** A layer: its descriptor and uncompressed digest. */
    public record Layer(Descriptor descriptor, Digest diffId) {
    }

    private final Path dir;
    private final Map<String, Descriptor> tags = new LinkedHashMap<>();

    public OciLayoutBuilder(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
    }

    public Path dir() {
        return dir;
    }

    /** Stores bytes as a blob. */
    public Descriptor addBlob(String mediaType, byte[] bytes) throws IOException {
        Digest d = Digest.sha256(bytes);
        Files.write(dir.resolve("blobs/sha256").resolve(d.hex()), bytes);
        return Descriptor.of(mediaType, d, bytes.length);
    }

    /** Moves a file in as a blob. */
    public Descriptor addBlobFile(String mediaType, Path file) throws IOException {
        Digest d = digest(file);
        long size = Files.size(file);
        Files.move(file, dir.resolve("blobs/sha256").resolve(d.hex()), StandardCopyOption.REPLACE_EXISTING);
        return Descriptor.of(mediaType, d, size);
    }

    /** Adds a layer from tar bytes. */
    public Layer addLayer(byte[] tar, Compression c) throws IOException {
        Path tmp = Files.createTempFile(dir, ".layer-", ".tar");
        Files.write(tmp, tar);
        return addLayerFile(tmp, c);
    }

    /** Adds a layer from a tar file (consumed). */
    public Layer addLayerFile(Path tar, Compression c) throws IOException {
        Digest diffId = digest(tar);
        switch (c) {
            case NONE -> {
                return new Layer(addBlobFile(MediaType.OCI_LAYER, tar), diffId);
            }
            case GZIP -> {
                Path gz = Files.createTempFile(dir, ".layer-", ".tar.gz");
                try (InputStream in = Files.newInputStream(tar);
                        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                    in.transferTo(out);
                }
                Files.delete(tar);
                return new Layer(addBlobFile(MediaType.OCI_LAYER_GZIP, gz), diffId);
            }
            case ZSTD -> {
                Path zst = Path.of(tar + ".zst");
                Tools.run("zstd", "-q", "-f", "-o", zst.toString(), tar.toString());
                Files.delete(tar);
                return new Layer(addBlobFile(MediaType.OCI_LAYER_ZSTD, zst), diffId);
            }
        }
        throw new AssertionError(c);
    }

    /** Adds config + manifest for {@code layers}; returns the manifest descriptor with its platform. */
    public Descriptor addImage(List<Layer> layers, String architecture, Map<String, String> labels)
            throws IOException {
        return addImage(layers, layers.stream().map(Layer::diffId).toList(), architecture, labels);
    }

    /** Adds config + manifest for {@code layers} with the configuration's {@code diff_ids} as given (faults). */
    public Descriptor addImage(List<Layer> layers, List<Digest> diffIds, String architecture,
            Map<String, String> labels) throws IOException {
        List<ImageConfig.History> history = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            history.add(new ImageConfig.History("2024-05-01T10:00:00Z", "test layer " + i, null, null, false));
        }
        ImageConfig config = new ImageConfig("2024-05-01T10:00:00Z", null, architecture, "linux", null,
                new ImageConfig.RuntimeConfig(labels, null, List.of("/bin/sh"), null),
                new ImageConfig.RootFs("layers", diffIds), history);
        Descriptor cd = addBlob(MediaType.OCI_CONFIG, SpecMapper.ociJson().writeValueAsBytes(config));
        ImageManifest m = new ImageManifest(2, MediaType.OCI_MANIFEST, cd,
                layers.stream().map(Layer::descriptor).toList(), null);
        Descriptor md = addBlob(MediaType.OCI_MANIFEST, SpecMapper.ociJson().writeValueAsBytes(m));
        return new Descriptor(md.mediaType(), md.digest(), md.size(), null, null, Platform.of("linux", architecture,
                null));
    }

    /** Adds an index of {@code manifests}. */
    public Descriptor addIndex(List<Descriptor> manifests) throws IOException {
        ImageIndex idx = new ImageIndex(2, MediaType.OCI_INDEX, manifests, null);
        return addBlob(MediaType.OCI_INDEX, SpecMapper.ociJson().writeValueAsBytes(idx));
    }

    /** Names {@code d} {@code tag} in {@code index.json}. */
    public void tag(Descriptor d, String tag) throws IOException {
        tags.put(tag, new Descriptor(d.mediaType(), d.digest(), d.size(), null,
                Map.of(Descriptor.REF_NAME, tag), null));
        Files.write(dir.resolve("index.json"), SpecMapper.ociJson().writeValueAsBytes(
                new ImageIndex(2, null, List.copyOf(tags.values()), null)));
    }

    /** The sha256 of a file. */
    public static Digest digest(Path file) throws IOException {
        MessageDigest md = Digest.sha256Digester();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return Digest.of(md.digest());
    }
}
