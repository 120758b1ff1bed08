package dev.bootcj.status;

import java.util.Locale;

/** {@code bootc status --format}. */
public enum StatusFormat {
    HUMANREADABLE, YAML, JSON;

    /** Parses a {@code --format} value ({@code humanreadable}, {@code yaml}, {@code json}). */
    public static StatusFormat parse(String s) {
        for (StatusFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("invalid value '" + s + "' for --format (expected humanreadable, yaml or json)");
    }
}
