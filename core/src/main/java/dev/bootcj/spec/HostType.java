package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The detected kind of system ({@code status.type}). */
public enum HostType {
    /** Booted from a container image deployed by bootc. */
    @JsonProperty("bootcHost")
    BOOTC_HOST
}
