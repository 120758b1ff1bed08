package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bootcj.ImageException;
import java.util.List;
import java.util.Map;

/**
 * An OCI image index or a Docker manifest list: one manifest per platform.
 *
 * @param schemaVersion always 2
 * @param mediaType the media type field, may be null for OCI
 * @param manifests the entries
 * @param annotations optional, may be null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageIndex(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("manifests") List<Descriptor> manifests,
        @JsonProperty("annotations") Map<String, String> annotations) implements Manifest {

    public ImageIndex {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? null : Map.copyOf(annotations);
    }

    /**
     * The first image manifest entry for {@code platform}. Entries without a platform are skipped (they
     * are attestations or other artifacts).
     *
     * @param image named in the error message
     */
    public Descriptor select(Platform platform, String image) throws ImageException {
        StringBuilder offered = new StringBuilder();
        for (Descriptor d : manifests) {
            if (d.platform() == null) {
                continue;
            }
            if (platform.matches(d.platform()) && !MediaType.isIndex(d.mediaType())) {
                return d;
            }
            offered.append(offered.isEmpty() ? "" : ", ").append(d.platform());
        }
        throw new ImageException("Image " + image + " has no manifest for platform " + platform
                + " (it offers: " + (offered.isEmpty() ? "none" : offered) + ")");
    }
}
