package dev.bootcj.glib;

import java.lang.foreign.MemorySegment;

/** GIO stream calls used on hot paths: the caller supplies the buffer and the GError slot. */
public final class GStreams {
    private GStreams() {
    }

    /**
     * {@code g_output_stream_write_all(stream, buf, count, NULL, NULL, error)}; returns the gboolean, for
     * {@link GErrors#check}.
     */
    public static int writeAll(MemorySegment stream, MemorySegment buf, long count, MemorySegment error) {
        return Gio.g_output_stream_write_all(stream, buf, count, MemorySegment.NULL, MemorySegment.NULL, error);
    }
}
