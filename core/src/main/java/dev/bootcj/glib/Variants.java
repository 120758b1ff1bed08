package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GVariant values crossing into Java and back. Reading maps {@code s/o/g} to String, {@code b} to Boolean,
 * {@code y} to Byte, {@code i/u} to Integer, {@code x/t} to Long, {@code ay} to byte[], {@code a{s*}} to an
 * ordered Map, other arrays and tuples to List, and {@code v} to its content.
 */
@SuppressWarnings("restricted")
public final class Variants {
    private Variants() {
    }

    /** Copies a GVariant into Java values (the variant is not freed). */
    public static Object toJava(MemorySegment v) {
        String type = GStrings.peek(GLib.g_variant_get_type_string(v));
        return switch (type.charAt(0)) {
            case 's', 'o', 'g' -> GStrings.peek(GLib.g_variant_get_string(v, MemorySegment.NULL));
            case 'b' -> GLib.g_variant_get_boolean(v) != 0;
            case 'y' -> GLib.g_variant_get_byte(v);
            case 'i' -> GLib.g_variant_get_int32(v);
            case 'u' -> GLib.g_variant_get_uint32(v);
            case 'x' -> GLib.g_variant_get_int64(v);
            case 't' -> GLib.g_variant_get_uint64(v);
            case 'v' -> withChild(GLib.g_variant_get_variant(v), Variants::toJava);
            case 'a' -> type.equals("ay") ? bytes(v) : type.startsWith("a{s") ? dict(v) : list(v);
            case '(' -> list(v);
            default -> GStrings.take(GLib.g_variant_print(v, 1));
        };
    }

    /** The number of children of a container variant. */
    public static long size(MemorySegment v) {
        return GLib.g_variant_n_children(v);
    }

    /** Applies {@code f} to child {@code i} and releases the child. */
    public static <T> T child(MemorySegment v, long i, java.util.function.Function<MemorySegment, T> f) {
        return withChild(GLib.g_variant_get_child_value(v, i), f);
    }

    /** The serialized bytes of a variant ({@code g_variant_get_data}). */
    public static byte[] bytes(MemorySegment v) {
        long size = GLib.g_variant_get_size(v);
        if (size == 0) {
            return new byte[0];
        }
        return GLib.g_variant_get_data(v).reinterpret(size).toArray(JAVA_BYTE);
    }

    /** Releases a variant reference. */
    public static void unref(MemorySegment v) {
        GLib.g_variant_unref(v);
    }

    /** Sinks a floating variant ({@code g_variant_ref_sink}); release the result with {@link #unref}. */
    public static MemorySegment sink(MemorySegment floating) {
        return GLib.g_variant_ref_sink(floating);
    }

    /** Owns a variant reference (sinking a floating one). */
    public static Owned own(MemorySegment v) {
        return Owned.of(GLib.g_variant_ref_sink(v), GLib::g_variant_unref, "GVariant");
    }

    /**
     * A variant of type {@code type} (a C type string) over a copy of {@code data} in normal form, ref-sunk:
     * release it with {@link #unref}. Data that is not in normal form is still safe (GLib treats it as
     * untrusted).
     */
    public static MemorySegment fromBytes(MemorySegment type, byte[] data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment copy = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, copy, JAVA_BYTE, 0, data.length);
            MemorySegment bytes = GLib.g_bytes_new(copy, data.length);
            try {
                return GLib.g_variant_ref_sink(GLib.g_variant_new_from_bytes(type, bytes, 0));
            } finally {
                GLib.g_bytes_unref(bytes);
            }
        }
    }

    /**
     * A floating {@code a{sa{su}}} (the shape of {@code ostree.tar-filtered}): outer key to inner key to count.
     */
    public static MemorySegment stringToCounts(Map<String, Map<String, Integer>> map) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment outer = arena.allocate(ADDRESS, Math.max(1, map.size()));
            int i = 0;
            for (var e : map.entrySet()) {
                MemorySegment inner = arena.allocate(ADDRESS, Math.max(1, e.getValue().size()));
                int j = 0;
                for (var c : e.getValue().entrySet()) {
                    inner.setAtIndex(ADDRESS, j++, GLib.g_variant_new_dict_entry(
                            GLib.g_variant_new_string(arena.allocateFrom(c.getKey())),
                            GLib.g_variant_new_uint32(c.getValue())));
                }
                MemorySegment innerArray = GLib.g_variant_new_array(arena.allocateFrom("{su}"), inner,
                        e.getValue().size());
                outer.setAtIndex(ADDRESS, i++, GLib.g_variant_new_dict_entry(
                        GLib.g_variant_new_string(arena.allocateFrom(e.getKey())), innerArray));
            }
            return GLib.g_variant_new_array(arena.allocateFrom("{sa{su}}"), outer, map.size());
        }
    }

    /** A floating {@code s} variant. */
    public static MemorySegment string(String s) {
        try (Arena arena = Arena.ofConfined()) {
            return GLib.g_variant_new_string(arena.allocateFrom(s));
        }
    }

    /**
     * A floating {@code a{sv}} from Java values: String ({@code s}), Boolean, Integer ({@code i}), Long ({@code t}),
     * byte[] ({@code ay}), nested {@code Map<String, ?>} ({@code a{sv}}), {@code List<String>} ({@code as}) and a {@link MemorySegment} holding a
     * floating GVariant built by the caller (consumed).
     */
    public static MemorySegment vardict(Map<String, ?> entries) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment children = arena.allocate(ADDRESS, Math.max(1, entries.size()));
            int i = 0;
            for (var e : entries.entrySet()) {
                MemorySegment value = GLib.g_variant_new_variant(fromJava(e.getValue()));
                children.setAtIndex(ADDRESS, i++, GLib.g_variant_new_dict_entry(
                        GLib.g_variant_new_string(arena.allocateFrom(e.getKey())), value));
            }
            return GLib.g_variant_new_array(arena.allocateFrom("{sv}"), children, entries.size());
        }
    }

    @SuppressWarnings("unchecked")
    private static MemorySegment fromJava(Object o) {
        return switch (o) {
            case String s -> string(s);
            case Boolean b -> GLib.g_variant_new_boolean(b ? 1 : 0);
            case Integer n -> GLib.g_variant_new_int32(n);
            case Long n -> GLib.g_variant_new_uint64(n);
            case byte[] b -> byteArray(b);
            case Map<?, ?> m -> vardict((Map<String, ?>) m);
            case List<?> l -> stringArray((List<String>) l);
            case MemorySegment v -> v;
            default -> throw new IllegalArgumentException("no GVariant type for " + o.getClass().getName());
        };
    }

    /** A floating {@code as}. */
    public static MemorySegment stringArray(List<String> strings) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment children = arena.allocate(ADDRESS, Math.max(1, strings.size()));
            int i = 0;
            for (String s : strings) {
                children.setAtIndex(ADDRESS, i++, GLib.g_variant_new_string(arena.allocateFrom(s)));
            }
            return GLib.g_variant_new_array(arena.allocateFrom("s"), children, strings.size());
        }
    }

    /** A floating {@code ay}. */
    public static MemorySegment byteArray(byte[] b) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(Math.max(1, b.length));
            MemorySegment.copy(b, 0, data, JAVA_BYTE, 0, b.length);
            return GLib.g_variant_new_fixed_array(arena.allocateFrom("y"), data, b.length, 1);
        }
    }

    private static <T> T withChild(MemorySegment child, java.util.function.Function<MemorySegment, T> f) {
        try {
            return f.apply(child);
        } finally {
            GLib.g_variant_unref(child);
        }
    }

    private static Map<String, Object> dict(MemorySegment v) {
        Map<String, Object> out = new LinkedHashMap<>();
        long n = GLib.g_variant_n_children(v);
        for (long i = 0; i < n; i++) {
            child(v, i, entry -> {
                String key = child(entry, 0, k -> GStrings.peek(GLib.g_variant_get_string(k, MemorySegment.NULL)));
                out.put(key, child(entry, 1, Variants::toJava));
                return null;
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Object> list(MemorySegment v) {
        long n = GLib.g_variant_n_children(v);
        List<Object> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            out.add(child(v, i, Variants::toJava));
        }
        return Collections.unmodifiableList(out);
    }
}
