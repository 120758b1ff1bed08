package dev.bootcj.glib;

import java.lang.foreign.MemorySegment;

/** Plain GObject reference counting for pointers a caller owns briefly (no {@link Owned} wrapper). */
public final class GObjects {
    private GObjects() {
    }

    /** {@code g_object_unref}; NULL is ignored. */
    public static void unref(MemorySegment object) {
        if (!object.equals(MemorySegment.NULL)) {
            GObject.g_object_unref(object);
        }
    }
}
