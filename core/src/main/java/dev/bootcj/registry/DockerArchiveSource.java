package dev.bootcj.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageManifest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code docker save} archive ({@code docker-archive:FILE[:name:tag|@index]}): {@code manifest.json} lists
 * each image's config file and layer tars. It is presented as a Docker schema 2 manifest whose layer digests
 * are computed over the archive's members (uncompressed layers as docker saves them).
 */
final class DockerArchiveSource extends LocalLayout {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("Config") String config, @JsonProperty("RepoTags") List<String> repoTags,
            @JsonProperty("Layers") List<String> layers) {
    }

    private final String ref;
    private final Map<Digest, String> paths = new HashMap<>();
    private RawManifest manifest;

    /** @param ref {@code name:tag}, {@code @N}, or null for the only image */
    DockerArchiveSource(LocalFiles files, String name, String ref) {
        super(files, name);
        this.ref = ref;
    }

    @Override
    String blobPath(Digest d) {
        String p = paths.get(d);
        return p != null ? p : d.hex();
    }

    @Override
    public synchronized RawManifest manifest() throws IOException, BootcException {
        if (manifest != null) {
            return manifest;
        }
        if (!files.exists("manifest.json")) {
            throw new ImageException("Image " + name + ": " + files.describe("manifest.json")
                    + " does not exist (not a docker-archive)");
        }
        List<Entry> entries;
        try {
            entries = SpecMapper.ociJson().readValue(files.readAll("manifest.json", ManifestPuller.MAX_MANIFEST_BYTES),
                    new TypeReference<List<Entry>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImageException("Image " + name + ": invalid manifest.json: " + e.getOriginalMessage(), e);
        }
        Entry e = choose(entries);
        Descriptor config = describe(e.config(), MediaType.DOCKER_CONFIG);
        List<Descriptor> layers = new ArrayList<>();
        for (String layer : e.layers() == null ? List.<String>of() : e.layers()) {
            layers.add(describe(layer, null));
        }
        ImageManifest m = new ImageManifest(2, MediaType.DOCKER_MANIFEST, config, layers, null);
        manifest = RawManifest.of(SpecMapper.ociJson().writeValueAsBytes(m), MediaType.DOCKER_MANIFEST);
        return manifest;
    }

    private Entry choose(List<Entry> entries) throws ImageException {
        if (ref == null) {
            if (entries.size() != 1) {
                throw new ImageException("Image " + name + ": the archive holds " + entries.size()
                        + " images; name one with :NAME:TAG or :@INDEX");
            }
            return entries.getFirst();
        }
        if (ref.startsWith("@")) {
            int i;
            try {
                i = Integer.parseInt(ref.substring(1));
            } catch (NumberFormatException ex) {
                throw new ImageException("Image " + name + ": invalid image index '" + ref + "'");
            }
            if (i < 0 || i >= entries.size()) {
                throw new ImageException("Image " + name + " not found: the archive holds " + entries.size()
                        + " images");
            }
            return entries.get(i);
        }
        for (Entry e : entries) {
            for (String t : e.repoTags() == null ? List.<String>of() : e.repoTags()) {
                if (t.equals(ref) || t.equals("docker.io/" + ref) || t.equals("docker.io/library/" + ref)) {
                    return e;
                }
            }
        }
        throw new ImageException("Image " + name + " not found: no image tagged '" + ref + "' in the archive");
    }

    private Descriptor describe(String path, String mediaType) throws IOException, BootcException {
        if (path == null || !files.exists(path)) {
            throw new ImageException("Image " + name + ": " + (path == null ? "missing path" : files.describe(path)
                    + " is missing") + " in docker-archive manifest.json");
        }
        MessageDigest md = Digest.sha256Digester();
        long size = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = files.open(path, 0)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (headLen < head.length) {
                    int k = Math.min(head.length - headLen, n);
                    System.arraycopy(buf, 0, head, headLen, k);
                    headLen += k;
                }
                md.update(buf, 0, n);
                size += n;
            }
        }
        Digest d = Digest.of(md.digest());
        paths.put(d, path);
        String type = mediaType != null ? mediaType : layerType(head, headLen);
        return Descriptor.of(type, d, size);
    }

    private static String layerType(byte[] head, int len) {
        if (len >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return MediaType.DOCKER_LAYER_GZIP;
        }
        if (len >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return MediaType.OCI_LAYER_ZSTD;
        }
        return MediaType.DOCKER_LAYER;
    }

    @Override
    public InputStream openBlob(Descriptor blob, long offset) throws IOException, BootcException {
        manifest();
        return super.openBlob(blob, offset);
    }
}
