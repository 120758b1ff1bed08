package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An OCI image manifest or a Docker schema 2 manifest (same shape): a config descriptor and the layers,
 * base layer first.
 *
 * @param schemaVersion always 2
 * @param mediaType the media type field, may be null for OCI
 * @param config the image config descriptor
 * @param layers the layers, base first
 * @param annotations optional, may be null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageManifest(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("config") Descriptor config,
        @JsonProperty("layers") List<Descriptor> layers,
        @JsonProperty("annotations") Map<String, String> annotations) implements Manifest {

    public ImageManifest {
        if (config == null) {
            throw new IllegalArgumentException("image manifest without config");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? null : Map.copyOf(annotations);
    }
}
