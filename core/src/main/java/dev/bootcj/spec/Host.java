package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code BootcHost} document. {@code apiVersion} is always written as {@value #API_VERSION};
 * {@code org.containers.bootc/v1alpha1} is accepted on input.
 * {@snippet :
 * Host host = Host.of(new HostSpec(ImageReference.registry("quay.io/example/os:latest"), BootOrder.DEFAULT),
 *         HostStatus.EMPTY);
 * String yaml = SpecMapper.yaml().writeValueAsString(host);
 * }
 *
 * @param metadata object metadata ({@code name: host})
 * @param spec the desired state
 * @param status the observed state
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Host(ObjectMeta metadata, HostSpec spec, HostStatus status) {
    /** The API version bootc writes. */
    public static final String API_VERSION = "org.containers.bootc/v1";
    /** The older API version accepted on input. */
    public static final String API_VERSION_V1ALPHA1 = "org.containers.bootc/v1alpha1";
    /** The kind. */
    public static final String KIND = "BootcHost";

    public Host {
        metadata = metadata == null ? ObjectMeta.HOST : metadata;
        spec = spec == null ? HostSpec.EMPTY : spec;
        status = status == null ? HostStatus.EMPTY : status;
    }

    @JsonCreator
    static Host fromJson(@JsonProperty("apiVersion") String apiVersion, @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") HostSpec spec,
            @JsonProperty("status") HostStatus status) {
        if (apiVersion != null && !apiVersion.equals(API_VERSION) && !apiVersion.equals(API_VERSION_V1ALPHA1)) {
            throw new IllegalArgumentException("unsupported apiVersion " + apiVersion + " (expected " + API_VERSION + ")");
        }
        if (kind != null && !kind.equals(KIND)) {
            throw new IllegalArgumentException("unsupported kind " + kind + " (expected " + KIND + ")");
        }
        return new Host(metadata, spec, status);
    }

    /** A host document with the standard metadata. */
    public static Host of(HostSpec spec, HostStatus status) {
        return new Host(ObjectMeta.HOST, spec, status);
    }

    /** The document of a system not deployed via bootc (all null). */
    public static Host empty() {
        return of(HostSpec.EMPTY, HostStatus.EMPTY);
    }

    @JsonProperty("apiVersion")
    public String apiVersion() {
        return API_VERSION;
    }

    @JsonProperty("kind")
    public String kind() {
        return KIND;
    }
}
