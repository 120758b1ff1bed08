package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** C strings owned by GLib: copied into Java, and freed with {@code g_free}/{@code g_strfreev} when owned. */
@SuppressWarnings("restricted")
public final class GStrings {
    private GStrings() {
    }

    /** Copies a NUL-terminated UTF-8 string that the caller does not own; NULL gives null. */
    public static String peek(MemorySegment s) {
        return s.equals(MemorySegment.NULL) ? null : s.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Copies an owned string ({@code transfer full}) and frees it with {@code g_free}; NULL gives null. */
    public static String take(MemorySegment s) {
        if (s.equals(MemorySegment.NULL)) {
            return null;
        }
        try {
            return peek(s);
        } finally {
            GLib.g_free(s);
        }
    }

    /** Copies an owned NULL-terminated {@code gchar**} and frees it with {@code g_strfreev}. */
    public static List<String> takeStrv(MemorySegment strv) {
        List<String> out = new ArrayList<>();
        if (strv.equals(MemorySegment.NULL)) {
            return out;
        }
        MemorySegment array = strv.reinterpret(Long.MAX_VALUE);
        for (long i = 0; ; i++) {
            MemorySegment s = array.getAtIndex(ADDRESS, i);
            if (s.equals(MemorySegment.NULL)) {
                break;
            }
            out.add(peek(s));
        }
        GLib.g_strfreev(strv);
        return out;
    }

    /** Frees memory GLib allocated ({@code g_free}); NULL is fine. */
    public static void free(MemorySegment mem) {
        GLib.g_free(mem);
    }
}
