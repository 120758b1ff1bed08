package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Kubernetes-style object metadata; bootc always writes {@code name: host} and omits absent fields.
 *
 * @param name the object name ({@code host})
 * @param namespace namespace, or null
 * @param labels labels, or null
 * @param annotations annotations, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "namespace", "labels", "annotations"})
public record ObjectMeta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    /** The metadata bootc writes. */
    public static final ObjectMeta HOST = new ObjectMeta("host", null, null, null);
}
