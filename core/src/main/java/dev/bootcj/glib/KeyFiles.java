package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.GLibException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GKeyFile ({@code .origin} files, repo config) through GLib's own parser, so what we read and write is
 * exactly what libostree reads and writes. Contents cross into Java as an ordered group → key → raw value map.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    /** Parses key-file text; a syntax error is a {@link GLibException} of {@code g-key-file-error-quark}. */
    public static Map<String, Map<String, String>> parse(String text, String what) throws GLibException {
        try (Owned keyFile = Owned.of(GLib.g_key_file_new(), GLib::g_key_file_unref, "GKeyFile");
                Arena arena = Arena.ofConfined()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            MemorySegment data = arena.allocate(bytes.length + 1L);
            MemorySegment.copy(bytes, 0, data, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(GLib.g_key_file_load_from_data(keyFile.get(), data, bytes.length, 0, error), error,
                    "parsing " + what);
            return read(keyFile.get());
        }
    }

    /** Copies a GKeyFile the caller holds (transfer none) into Java. */
    public static Map<String, Map<String, String>> read(MemorySegment keyFile) throws GLibException {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(JAVA_LONG);
            for (String group : GStrings.takeStrv(GLib.g_key_file_get_groups(keyFile, length))) {
                MemorySegment g = arena.allocateFrom(group);
                MemorySegment error = GErrors.slot(arena);
                MemorySegment keys = GLib.g_key_file_get_keys(keyFile, g, length, error);
                GErrors.checkPointer(keys, error, "reading keys of [" + group + "]");
                Map<String, String> values = new LinkedHashMap<>();
                for (String key : GStrings.takeStrv(keys)) {
                    MemorySegment value = GLib.g_key_file_get_value(keyFile, g, arena.allocateFrom(key), error);
                    values.put(key, GStrings.take(GErrors.checkPointer(value, error,
                            "reading [" + group + "] " + key)));
                }
                groups.put(group, Collections.unmodifiableMap(values));
            }
        }
        return Collections.unmodifiableMap(groups);
    }

    /** A new GKeyFile holding {@code groups} (raw values), owned by the caller. */
    public static Owned create(Map<String, Map<String, String>> groups) {
        Owned keyFile = Owned.of(GLib.g_key_file_new(), GLib::g_key_file_unref, "GKeyFile");
        try (Arena arena = Arena.ofConfined()) {
            for (var group : groups.entrySet()) {
                MemorySegment g = arena.allocateFrom(group.getKey());
                for (var kv : group.getValue().entrySet()) {
                    GLib.g_key_file_set_value(keyFile.get(), g, arena.allocateFrom(kv.getKey()),
                            arena.allocateFrom(kv.getValue()));
                }
            }
        }
        return keyFile;
    }

    /** Sets one string value in a GKeyFile the caller holds. */
    public static void setString(MemorySegment keyFile, String group, String key, String value) {
        try (Arena arena = Arena.ofConfined()) {
            GLib.g_key_file_set_string(keyFile, arena.allocateFrom(group), arena.allocateFrom(key),
                    arena.allocateFrom(value));
        }
    }

    /** Releases a GKeyFile ({@code g_key_file_unref}). */
    public static void unref(MemorySegment keyFile) {
        GLib.g_key_file_unref(keyFile);
    }

    /** Serializes {@code groups} with GLib ({@code g_key_file_to_data}). */
    public static String format(Map<String, Map<String, String>> groups) throws GLibException {
        try (Owned keyFile = create(groups); Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment length = arena.allocate(JAVA_LONG);
            return GStrings.take(GErrors.checkPointer(GLib.g_key_file_to_data(keyFile.get(), length, error), error,
                    "formatting key file"));
        }
    }
}
