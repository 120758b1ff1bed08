package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which deployment boots next: the staged/booted one ({@code default}) or the rollback. */
public enum BootOrder {
    @JsonProperty("default")
    DEFAULT,
    @JsonProperty("rollback")
    ROLLBACK
}
