package dev.bootcj.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.ImageException;
import dev.bootcj.spec.SpecMapper;
import java.util.Arrays;

/**
 * A manifest exactly as fetched: its bytes (the digest is computed over them, never over a re-serialisation),
 * its media type and its digest.
 * {@snippet :
 * RawManifest raw = RawManifest.of(bytes, response.headers().firstValue("Content-Type").orElse(null));
 * switch (raw.parse("quay.io/x/os:latest")) {
 *     case ImageManifest m -> ...
 *     case ImageIndex i -> ...
 * }
 * }
 *
 * @param bytes the manifest bytes (not copied; do not modify)
 * @param mediaType the effective media type
 * @param digest the sha256 digest of {@code bytes}
 */
public record RawManifest(byte[] bytes, String mediaType, Digest digest) {

    public RawManifest {
        if (bytes == null || mediaType == null || digest == null) {
            throw new IllegalArgumentException("incomplete raw manifest");
        }
    }

    /**
     * Wraps fetched bytes. The media type is the document's own {@code mediaType} field if present, else
     * {@code declaredType} if it is a manifest type, else guessed from the shape (OCI documents may omit it).
     *
     * @param declaredType the Content-Type or descriptor media type, may be null
     */
    public static RawManifest of(byte[] bytes, String declaredType) {
        return new RawManifest(bytes, effectiveType(bytes, declaredType), Digest.sha256(bytes));
    }

    private static String effectiveType(byte[] bytes, String declaredType) {
        String declared = declaredType == null ? null : declaredType.split(";", 2)[0].strip();
        JsonNode tree;
        try {
            tree = SpecMapper.ociJson().readTree(bytes);
        } catch (java.io.IOException e) {
            return declared == null ? "application/octet-stream" : declared;
        }
        if (tree == null || !tree.isObject()) {
            return declared == null ? "application/octet-stream" : declared;
        }
        JsonNode mt = tree.get("mediaType");
        if (mt != null && mt.isTextual() && !mt.asText().isEmpty()) {
            return mt.asText();
        }
        if (declared != null && (MediaType.isIndex(declared) || MediaType.isImageManifest(declared)
                || MediaType.isSchema1(declared))) {
            return declared;
        }
        if (tree.path("schemaVersion").asInt() == 1) {
            return MediaType.DOCKER_SCHEMA1;
        }
        if (tree.has("manifests")) {
            return MediaType.OCI_INDEX;
        }
        if (tree.has("config") || tree.has("layers")) {
            return MediaType.OCI_MANIFEST;
        }
        return declared == null ? "application/octet-stream" : declared;
    }

    /**
     * Parses the document.
     *
     * @param image named in error messages
     * @throws ImageException for schema 1, a media type that is not a manifest, or malformed JSON
     */
    public Manifest parse(String image) throws ImageException {
        if (MediaType.isSchema1(mediaType)) {
            throw new ImageException("Image " + image + " has a Docker schema 1 manifest, which is not supported"
                    + " (convert it to schema 2 or OCI, e.g. skopeo copy --format v2s2)");
        }
        Class<? extends Manifest> type;
        if (MediaType.isIndex(mediaType)) {
            type = ImageIndex.class;
        } else if (MediaType.isImageManifest(mediaType)) {
            type = ImageManifest.class;
        } else {
            throw new ImageException("Image " + image + ": unsupported manifest media type '" + mediaType
                    + "' (" + digest + ")");
        }
        Manifest m;
        try {
            m = SpecMapper.ociJson().readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new ImageException("Image " + image + ": invalid manifest " + digest + ": "
                    + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new AssertionError("reading a byte array cannot fail with I/O", e);
        }
        if (m.schemaVersion() != 2) {
            throw new ImageException("Image " + image + ": manifest " + digest + " has schemaVersion "
                    + m.schemaVersion() + " (expected 2)");
        }
        return m;
    }

    /** A descriptor of this manifest. */
    public Descriptor descriptor() {
        return Descriptor.of(mediaType, digest, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawManifest r && Arrays.equals(bytes, r.bytes) && mediaType.equals(r.mediaType);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "RawManifest[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
    }
}
