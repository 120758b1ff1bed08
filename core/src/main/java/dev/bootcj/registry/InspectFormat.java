package dev.bootcj.registry;

import java.util.Locale;

/** {@code bootc inspect image --format}. */
public enum InspectFormat {
    HUMAN, JSON, YAML;

    /** Parses {@code human}, {@code json} or {@code yaml}. */
    public static InspectFormat parse(String s) {
        for (InspectFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("invalid value '" + s + "' for --format (expected human, json or yaml)");
    }
}
