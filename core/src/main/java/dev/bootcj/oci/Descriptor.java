package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI content descriptor: media type, digest and size of a blob or manifest.
 * {@snippet :
 * Descriptor d = Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(bytes), bytes.length);
 * }
 *
 * @param mediaType the media type
 * @param digest the content digest
 * @param size the size in bytes
 * @param urls optional alternative URLs, may be null
 * @param annotations optional annotations, may be null
 * @param platform the platform, on index entries only; may be null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("digest") Digest digest,
        @JsonProperty("size") long size,
        @JsonProperty("urls") List<String> urls,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") Platform platform) {

    /** The annotation naming a manifest's tag inside an OCI layout's {@code index.json}. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor {
        if (mediaType == null || mediaType.isEmpty()) {
            throw new IllegalArgumentException("descriptor without mediaType");
        }
        if (digest == null) {
            throw new IllegalArgumentException("descriptor without digest");
        }
        if (size < 0) {
            throw new IllegalArgumentException("descriptor with negative size " + size);
        }
        urls = urls == null ? null : List.copyOf(urls);
        annotations = annotations == null ? null : Map.copyOf(annotations);
    }

    /** A plain descriptor. */
    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null);
    }

    /** An annotation value. */
    public Optional<String> annotation(String key) {
        return annotations == null ? Optional.empty() : Optional.ofNullable(annotations.get(key));
    }

    /** The same descriptor with {@code annotations} replaced. */
    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, urls, newAnnotations, platform);
    }
}
