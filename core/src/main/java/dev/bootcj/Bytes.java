package dev.bootcj;

import java.util.Locale;

/** Byte counts for people, in binary units with one decimal: {@code 783 B}, {@code 1.4 MiB}, {@code 2.0 GiB}. */
public final class Bytes {
    private Bytes() {
    }

    /** {@code bytes} as {@code 783 B}, {@code 1.5 KiB}, {@code 50.0 MiB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
