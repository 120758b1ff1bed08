package dev.bootcj.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bootcj.oci.Digest;
import java.util.List;
import java.util.Map;

/**
 * What {@code bootc inspect image} shows about an image.
 *
 * @param image the image in containers/image form
 * @param digest the per-platform manifest digest
 * @param mediaType the manifest's media type
 * @param indexDigest the index it was selected from, or null
 * @param platform {@code os/architecture[/variant]}
 * @param version the {@code org.opencontainers.image.version} label, or null
 * @param created the config's creation time as written, or null
 * @param labels the config labels (sorted)
 * @param layers the layers, base first
 * @param bootable whether bootc would accept it
 * @param notBootableReason why not, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"image", "digest", "mediaType", "indexDigest", "platform", "version", "created", "bootable",
    "notBootableReason", "labels", "layers"})
public record ImageInfo(String image, Digest digest, String mediaType, Digest indexDigest, String platform,
        String version, String created, Map<String, String> labels, List<Layer> layers, boolean bootable,
        String notBootableReason) {

    public ImageInfo {
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        layers = List.copyOf(layers);
    }

    /**
     * One layer.
     *
     * @param mediaType its media type
     * @param digest its (compressed) digest
     * @param size its size in bytes
     * @param compression {@code gzip}, {@code zstd}, {@code none}, or {@code unknown}
     * @param diffId the uncompressed digest from the config, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"digest", "mediaType", "size", "compression", "diffId"})
    public record Layer(String mediaType, Digest digest, long size, String compression, Digest diffId) {
        /** Whether the blob is compressed. */
        public boolean compressed() {
            return !compression.equals("none");
        }
    }
}
