package dev.bootcj.glib;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * A native object this code holds a reference to ({@code transfer full}): released exactly once by
 * {@link #close()}, which is idempotent. Safe API classes wrap one of these.
 */
public final class Owned implements AutoCloseable {
    private MemorySegment pointer;
    private final Consumer<MemorySegment> release;
    private final String what;

    private Owned(MemorySegment pointer, Consumer<MemorySegment> release, String what) {
        this.pointer = pointer;
        this.release = release;
        this.what = what;
    }

    /** Owns a GObject reference, released with {@code g_object_unref}. */
    public static Owned gobject(MemorySegment pointer, String what) {
        return new Owned(nonNull(pointer, what), GObject::g_object_unref, what);
    }

    /** Owns a pointer released by {@code release} (for boxed types: GKeyFile, GVariant, modifiers...). */
    public static Owned of(MemorySegment pointer, Consumer<MemorySegment> release, String what) {
        return new Owned(nonNull(pointer, what), release, what);
    }

    /** Takes a new reference on a GObject the caller does not own ({@code transfer none}). */
    public static Owned refGObject(MemorySegment pointer, String what) {
        return gobject(GObject.g_object_ref(nonNull(pointer, what)), what);
    }

    /** The pointer; fails after {@link #close()}. */
    public MemorySegment get() {
        if (pointer == null) {
            throw new IllegalStateException(what + " is closed");
        }
        return pointer;
    }

    @Override
    public void close() {
        if (pointer != null) {
            MemorySegment p = pointer;
            pointer = null;
            release.accept(p);
        }
    }

    private static MemorySegment nonNull(MemorySegment pointer, String what) {
        if (pointer == null || pointer.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException(what + ": NULL pointer");
        }
        return pointer;
    }
}
