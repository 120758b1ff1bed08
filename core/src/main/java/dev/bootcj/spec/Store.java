package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The storage backend of a boot entry's image. */
public enum Store {
    /** Layers as ostree commits ({@code ostree/container/...} refs). */
    @JsonProperty("ostreeContainer")
    OSTREE_CONTAINER
}
