package dev.bootcj.shell.progress;

import java.util.Locale;

/** Durations for people: {@code 7s}, {@code 2m05s}, {@code 1h02m} (byte counts: {@link dev.bootcj.Bytes}). */
public final class Units {
    private Units() {
    }

    /** {@code 7s}, {@code 2m05s}, {@code 1h02m}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }
}
