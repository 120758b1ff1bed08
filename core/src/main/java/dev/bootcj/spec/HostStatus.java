package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The observed state.
 *
 * @param staged the deployment queued for next boot, or null
 * @param booted the running deployment, or null
 * @param rollback the previous deployment, or null
 * @param rollbackQueued the rollback boots next
 * @param type {@code bootcHost} if booted from a container image, else null
 */
@JsonPropertyOrder({"staged", "booted", "rollback", "rollbackQueued", "type"})
public record HostStatus(BootEntry staged, BootEntry booted, BootEntry rollback, boolean rollbackQueued,
        @JsonProperty("type") HostType type) {
    /** Nothing deployed. */
    public static final HostStatus EMPTY = new HostStatus(null, null, null, false, null);
}
