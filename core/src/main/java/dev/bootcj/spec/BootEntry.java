package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One deployment as bootc shows it.
 *
 * @param image the image it runs, or null (not from a container image, or incompatible)
 * @param cachedUpdate an update found by {@code upgrade --check} and not yet applied, or null
 * @param incompatible the origin carries rpm-ostree state bootc does not understand
 * @param pinned the deployment is pinned (never garbage collected)
 * @param store the image storage backend, or null
 * @param ostree the ostree commit and serial, or null
 */
@JsonPropertyOrder({"image", "cachedUpdate", "incompatible", "pinned", "store", "ostree"})
public record BootEntry(ImageStatus image, ImageStatus cachedUpdate, boolean incompatible, boolean pinned,
        Store store, BootEntryOstree ostree) {
}
