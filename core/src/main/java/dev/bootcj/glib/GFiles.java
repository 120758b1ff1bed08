package dev.bootcj.glib;

import java.lang.foreign.Arena;
import java.nio.file.Path;

/** GFile for a local path. */
public final class GFiles {
    private GFiles() {
    }

    /** {@code g_file_new_for_path}, owned by the caller. */
    public static Owned forPath(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            return Owned.gobject(Gio.g_file_new_for_path(arena.allocateFrom(path.toString())), "GFile " + path);
        }
    }

    /** Sets an environment variable in the C library ({@code g_setenv}), for libostree's knobs. */
    public static void setenv(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            if (GLib.g_setenv(arena.allocateFrom(name), arena.allocateFrom(value), 1) == 0) {
                throw new IllegalStateException("g_setenv(" + name + ") failed");
            }
        }
    }

    /** {@code g_file_info_get_file_type} (1 regular, 2 directory, 3 symbolic link). */
    public static int fileType(java.lang.foreign.MemorySegment info) {
        return Gio.g_file_info_get_file_type(info);
    }

    /** {@code g_file_info_get_size}. */
    public static long fileSize(java.lang.foreign.MemorySegment info) {
        return Gio.g_file_info_get_size(info);
    }
}
