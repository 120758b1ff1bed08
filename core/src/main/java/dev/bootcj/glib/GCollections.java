package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** GPtrArray and GHashTable access for the other binding packages. */
@SuppressWarnings("restricted")
public final class GCollections {
    /** {@code struct GPtrArray { gpointer *pdata; guint len; }}. */
    static final StructLayout GPTRARRAY = MemoryLayout.structLayout(
            ADDRESS.withName("pdata"), JAVA_INT.withName("len"), MemoryLayout.paddingLayout(4));
    /** {@code GHashTableIter}: private fields, 40 bytes, allocated by the caller. */
    static final StructLayout GHASHTABLEITER = MemoryLayout.structLayout(
            ADDRESS.withName("dummy1"), ADDRESS.withName("dummy2"), ADDRESS.withName("dummy3"),
            JAVA_INT.withName("dummy4"), JAVA_INT.withName("dummy5"), ADDRESS.withName("dummy6"));

    private GCollections() {
    }

    /** The elements of a GPtrArray (not taking references). */
    public static List<MemorySegment> elements(MemorySegment ptrArray) {
        MemorySegment a = ptrArray.reinterpret(GPTRARRAY.byteSize());
        int len = a.get(JAVA_INT, 8);
        MemorySegment pdata = a.get(ADDRESS, 0).reinterpret(ADDRESS.byteSize() * len);
        List<MemorySegment> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            out.add(pdata.getAtIndex(ADDRESS, i));
        }
        return out;
    }

    /** Releases a GPtrArray ({@code g_ptr_array_unref}); its free function drops element references. */
    public static void unrefPtrArray(MemorySegment ptrArray) {
        GLib.g_ptr_array_unref(ptrArray);
    }

    /** A new GPtrArray holding {@code elements} (no free function), owned by the caller. */
    public static Owned newPtrArray(List<MemorySegment> elements) {
        Owned array = Owned.of(GLib.g_ptr_array_new(), GLib::g_ptr_array_unref, "GPtrArray");
        for (MemorySegment e : elements) {
            GLib.g_ptr_array_add(array.get(), e);
        }
        return array;
    }

    /** Copies a {@code GHashTable<char*, char*>} into a sorted map (not freeing it). */
    public static Map<String, String> stringMap(MemorySegment table) {
        Map<String, String> out = new TreeMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment iter = arena.allocate(GHASHTABLEITER);
            MemorySegment key = arena.allocate(ADDRESS);
            MemorySegment value = arena.allocate(ADDRESS);
            GLib.g_hash_table_iter_init(iter, table);
            while (GLib.g_hash_table_iter_next(iter, key, value) != 0) {
                out.put(GStrings.peek(key.get(ADDRESS, 0)), GStrings.peek(value.get(ADDRESS, 0)));
            }
        }
        return out;
    }

    /** Releases a GHashTable. */
    public static void unrefHashTable(MemorySegment table) {
        GLib.g_hash_table_unref(table);
    }
}
