package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * The image a boot entry was deployed from.
 *
 * @param image the reference it was pulled by
 * @param version {@code org.opencontainers.image.version} (or legacy {@code version}) label, or null
 * @param timestamp {@code org.opencontainers.image.created} label, else the config's {@code created}, or null
 * @param imageDigest the per-platform manifest digest ({@code sha256:...})
 */
@JsonPropertyOrder({"image", "version", "timestamp", "imageDigest"})
public record ImageStatus(
        ImageReference image,
        String version,
        @JsonSerialize(using = TimestampCodec.Serializer.class)
        @JsonDeserialize(using = TimestampCodec.Deserializer.class)
        Instant timestamp,
        String imageDigest) {
}
