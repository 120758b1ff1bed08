package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A container image reference with transport and signature policy, as in bootc's spec.
 *
 * @param image the image name ({@code quay.io/example/os:latest}, or a path for {@code oci})
 * @param transport {@code registry}, {@code oci}, {@code oci-archive}, {@code docker-archive},
 *     {@code containers-storage} or {@code dir}
 * @param signature the signature policy, or null for insecure (omitted when null)
 */
@JsonPropertyOrder({"image", "transport", "signature"})
public record ImageReference(
        String image,
        String transport,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonSerialize(using = SignatureCodec.Serializer.class)
        @JsonDeserialize(using = SignatureCodec.Deserializer.class)
        ImageSignature signature) {

    public ImageReference {
        if (image == null || image.isEmpty()) {
            throw new IllegalArgumentException("image reference without an image name");
        }
        if (transport == null || transport.isEmpty()) {
            throw new IllegalArgumentException("image reference without a transport");
        }
        if (signature instanceof ImageSignature.Insecure) {
            signature = null;
        }
    }

    /** A registry image with no signature verification. */
    public static ImageReference registry(String image) {
        return new ImageReference(image, "registry", null);
    }

    /** {@code image} for registry, {@code transport:image} otherwise (bootc's human-readable form). */
    public String display() {
        return transport.equals("registry") ? image : transport + ":" + image;
    }
}
