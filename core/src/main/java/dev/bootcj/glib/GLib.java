package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.sys.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The thin binding to libglib-2.0.so.0: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code glib-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class GLib {
    static final NativeLibrary LIB = NativeLibrary.load("libglib-2.0.so.0", "libglib2.0-0");

    private GLib() {
    }

    private static final class g_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_free", DESC);
    }

    /** {@snippet lang=c : void g_free (gpointer mem); } */
    static void g_free(MemorySegment mem) {
        try {
            g_free.HANDLE.invokeExact(mem);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_strfreev {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_strfreev", DESC);
    }

    /** {@snippet lang=c : void g_strfreev (gchar **str_array); } */
    static void g_strfreev(MemorySegment str_array) {
        try {
            g_strfreev.HANDLE.invokeExact(str_array);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_error_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_error_free", DESC);
    }

    /** {@snippet lang=c : void g_error_free (GError *error); } */
    static void g_error_free(MemorySegment error) {
        try {
            g_error_free.HANDLE.invokeExact(error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_quark_to_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_quark_to_string", DESC);
    }

    /** {@snippet lang=c : const gchar *g_quark_to_string (GQuark quark); } */
    static MemorySegment g_quark_to_string(int quark) {
        try {
            return (MemorySegment) g_quark_to_string.HANDLE.invokeExact(quark);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_setenv {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_setenv", DESC);
    }

    /** {@snippet lang=c : gboolean g_setenv (const gchar *variable, const gchar *value, gboolean overwrite); } */
    static int g_setenv(MemorySegment variable, MemorySegment value, int overwrite) {
        try {
            return (int) g_setenv.HANDLE.invokeExact(variable, value, overwrite);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_new", DESC);
    }

    /** {@snippet lang=c : GKeyFile *g_key_file_new (void); } */
    static MemorySegment g_key_file_new() {
        try {
            return (MemorySegment) g_key_file_new.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_unref", DESC);
    }

    /** {@snippet lang=c : void g_key_file_unref (GKeyFile *key_file); } */
    static void g_key_file_unref(MemorySegment key_file) {
        try {
            g_key_file_unref.HANDLE.invokeExact(key_file);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_load_from_data {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_load_from_data", DESC);
    }

    /** {@snippet lang=c : gboolean g_key_file_load_from_data (GKeyFile *key_file, const gchar *data, gsize length, GKeyFileFlags flags, GError **error); } */
    static int g_key_file_load_from_data(MemorySegment key_file, MemorySegment data, long length, int flags, MemorySegment error) {
        try {
            return (int) g_key_file_load_from_data.HANDLE.invokeExact(key_file, data, length, flags, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_to_data {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_to_data", DESC);
    }

    /** {@snippet lang=c : gchar *g_key_file_to_data (GKeyFile *key_file, gsize *length, GError **error); } */
    static MemorySegment g_key_file_to_data(MemorySegment key_file, MemorySegment length, MemorySegment error) {
        try {
            return (MemorySegment) g_key_file_to_data.HANDLE.invokeExact(key_file, length, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_get_groups {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_get_groups", DESC);
    }

    /** {@snippet lang=c : gchar **g_key_file_get_groups (GKeyFile *key_file, gsize *length); } */
    static MemorySegment g_key_file_get_groups(MemorySegment key_file, MemorySegment length) {
        try {
            return (MemorySegment) g_key_file_get_groups.HANDLE.invokeExact(key_file, length);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_get_keys {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_get_keys", DESC);
    }

    /** {@snippet lang=c : gchar **g_key_file_get_keys (GKeyFile *key_file, const gchar *group_name, gsize *length, GError **error); } */
    static MemorySegment g_key_file_get_keys(MemorySegment key_file, MemorySegment group_name, MemorySegment length, MemorySegment error) {
        try {
            return (MemorySegment) g_key_file_get_keys.HANDLE.invokeExact(key_file, group_name, length, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_get_value {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_get_value", DESC);
    }

    /** {@snippet lang=c : gchar *g_key_file_get_value (GKeyFile *key_file, const gchar *group_name, const gchar *key, GError **error); } */
    static MemorySegment g_key_file_get_value(MemorySegment key_file, MemorySegment group_name, MemorySegment key, MemorySegment error) {
        try {
            return (MemorySegment) g_key_file_get_value.HANDLE.invokeExact(key_file, group_name, key, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_set_value {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_set_value", DESC);
    }

    /** {@snippet lang=c : void g_key_file_set_value (GKeyFile *key_file, const gchar *group_name, const gchar *key, const gchar *value); } */
    static void g_key_file_set_value(MemorySegment key_file, MemorySegment group_name, MemorySegment key, MemorySegment value) {
        try {
            g_key_file_set_value.HANDLE.invokeExact(key_file, group_name, key, value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_key_file_set_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_key_file_set_string", DESC);
    }

    /** {@snippet lang=c : void g_key_file_set_string (GKeyFile *key_file, const gchar *group_name, const gchar *key, const gchar *string); } */
    static void g_key_file_set_string(MemorySegment key_file, MemorySegment group_name, MemorySegment key, MemorySegment string) {
        try {
            g_key_file_set_string.HANDLE.invokeExact(key_file, group_name, key, string);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_ptr_array_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_ptr_array_new", DESC);
    }

    /** {@snippet lang=c : GPtrArray *g_ptr_array_new (void); } */
    static MemorySegment g_ptr_array_new() {
        try {
            return (MemorySegment) g_ptr_array_new.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_ptr_array_add {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_ptr_array_add", DESC);
    }

    /** {@snippet lang=c : void g_ptr_array_add (GPtrArray *array, gpointer data); } */
    static void g_ptr_array_add(MemorySegment array, MemorySegment data) {
        try {
            g_ptr_array_add.HANDLE.invokeExact(array, data);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_ptr_array_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_ptr_array_unref", DESC);
    }

    /** {@snippet lang=c : void g_ptr_array_unref (GPtrArray *array); } */
    static void g_ptr_array_unref(MemorySegment array) {
        try {
            g_ptr_array_unref.HANDLE.invokeExact(array);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_hash_table_iter_init {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_hash_table_iter_init", DESC);
    }

    /** {@snippet lang=c : void g_hash_table_iter_init (GHashTableIter *iter, GHashTable *hash_table); } */
    static void g_hash_table_iter_init(MemorySegment iter, MemorySegment hash_table) {
        try {
            g_hash_table_iter_init.HANDLE.invokeExact(iter, hash_table);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_hash_table_iter_next {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_hash_table_iter_next", DESC);
    }

    /** {@snippet lang=c : gboolean g_hash_table_iter_next (GHashTableIter *iter, gpointer *key, gpointer *value); } */
    static int g_hash_table_iter_next(MemorySegment iter, MemorySegment key, MemorySegment value) {
        try {
            return (int) g_hash_table_iter_next.HANDLE.invokeExact(iter, key, value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_hash_table_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_hash_table_unref", DESC);
    }

    /** {@snippet lang=c : void g_hash_table_unref (GHashTable *hash_table); } */
    static void g_hash_table_unref(MemorySegment hash_table) {
        try {
            g_hash_table_unref.HANDLE.invokeExact(hash_table);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_ref_sink {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_ref_sink", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_ref_sink (GVariant *value); } */
    static MemorySegment g_variant_ref_sink(MemorySegment value) {
        try {
            return (MemorySegment) g_variant_ref_sink.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_unref", DESC);
    }

    /** {@snippet lang=c : void g_variant_unref (GVariant *value); } */
    static void g_variant_unref(MemorySegment value) {
        try {
            g_variant_unref.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_data {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_data", DESC);
    }

    /** {@snippet lang=c : gconstpointer g_variant_get_data (GVariant *value); } */
    static MemorySegment g_variant_get_data(MemorySegment value) {
        try {
            return (MemorySegment) g_variant_get_data.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_size {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_size", DESC);
    }

    /** {@snippet lang=c : gsize g_variant_get_size (GVariant *value); } */
    static long g_variant_get_size(MemorySegment value) {
        try {
            return (long) g_variant_get_size.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_type_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_type_string", DESC);
    }

    /** {@snippet lang=c : const gchar *g_variant_get_type_string (GVariant *value); } */
    static MemorySegment g_variant_get_type_string(MemorySegment value) {
        try {
            return (MemorySegment) g_variant_get_type_string.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_n_children {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_n_children", DESC);
    }

    /** {@snippet lang=c : gsize g_variant_n_children (GVariant *value); } */
    static long g_variant_n_children(MemorySegment value) {
        try {
            return (long) g_variant_n_children.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_child_value {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_child_value", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_get_child_value (GVariant *value, gsize index_); } */
    static MemorySegment g_variant_get_child_value(MemorySegment value, long index_) {
        try {
            return (MemorySegment) g_variant_get_child_value.HANDLE.invokeExact(value, index_);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_variant {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_variant", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_get_variant (GVariant *value); } */
    static MemorySegment g_variant_get_variant(MemorySegment value) {
        try {
            return (MemorySegment) g_variant_get_variant.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_string", DESC);
    }

    /** {@snippet lang=c : const gchar *g_variant_get_string (GVariant *value, gsize *length); } */
    static MemorySegment g_variant_get_string(MemorySegment value, MemorySegment length) {
        try {
            return (MemorySegment) g_variant_get_string.HANDLE.invokeExact(value, length);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_boolean {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_boolean", DESC);
    }

    /** {@snippet lang=c : gboolean g_variant_get_boolean (GVariant *value); } */
    static int g_variant_get_boolean(MemorySegment value) {
        try {
            return (int) g_variant_get_boolean.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_byte {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_BYTE, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_byte", DESC);
    }

    /** {@snippet lang=c : guchar g_variant_get_byte (GVariant *value); } */
    static byte g_variant_get_byte(MemorySegment value) {
        try {
            return (byte) g_variant_get_byte.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_int32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_int32", DESC);
    }

    /** {@snippet lang=c : gint32 g_variant_get_int32 (GVariant *value); } */
    static int g_variant_get_int32(MemorySegment value) {
        try {
            return (int) g_variant_get_int32.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_uint32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_uint32", DESC);
    }

    /** {@snippet lang=c : guint32 g_variant_get_uint32 (GVariant *value); } */
    static int g_variant_get_uint32(MemorySegment value) {
        try {
            return (int) g_variant_get_uint32.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_int64 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_int64", DESC);
    }

    /** {@snippet lang=c : gint64 g_variant_get_int64 (GVariant *value); } */
    static long g_variant_get_int64(MemorySegment value) {
        try {
            return (long) g_variant_get_int64.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_get_uint64 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_get_uint64", DESC);
    }

    /** {@snippet lang=c : guint64 g_variant_get_uint64 (GVariant *value); } */
    static long g_variant_get_uint64(MemorySegment value) {
        try {
            return (long) g_variant_get_uint64.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_print {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_print", DESC);
    }

    /** {@snippet lang=c : gchar *g_variant_print (GVariant *value, gboolean type_annotate); } */
    static MemorySegment g_variant_print(MemorySegment value, int type_annotate) {
        try {
            return (MemorySegment) g_variant_print.HANDLE.invokeExact(value, type_annotate);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_string", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_string (const gchar *string); } */
    static MemorySegment g_variant_new_string(MemorySegment string) {
        try {
            return (MemorySegment) g_variant_new_string.HANDLE.invokeExact(string);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_boolean {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_boolean", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_boolean (gboolean value); } */
    static MemorySegment g_variant_new_boolean(int value) {
        try {
            return (MemorySegment) g_variant_new_boolean.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_uint32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_uint32", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_uint32 (guint32 value); } */
    static MemorySegment g_variant_new_uint32(int value) {
        try {
            return (MemorySegment) g_variant_new_uint32.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_uint64 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_uint64", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_uint64 (guint64 value); } */
    static MemorySegment g_variant_new_uint64(long value) {
        try {
            return (MemorySegment) g_variant_new_uint64.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_int32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_int32", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_int32 (gint32 value); } */
    static MemorySegment g_variant_new_int32(int value) {
        try {
            return (MemorySegment) g_variant_new_int32.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_variant {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_variant", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_variant (GVariant *value); } */
    static MemorySegment g_variant_new_variant(MemorySegment value) {
        try {
            return (MemorySegment) g_variant_new_variant.HANDLE.invokeExact(value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_array {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_array", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_array (const GVariantType *child_type, GVariant * const *children, gsize n_children); } */
    static MemorySegment g_variant_new_array(MemorySegment child_type, MemorySegment children, long n_children) {
        try {
            return (MemorySegment) g_variant_new_array.HANDLE.invokeExact(child_type, children, n_children);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_dict_entry {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_dict_entry", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_dict_entry (GVariant *key, GVariant *value); } */
    static MemorySegment g_variant_new_dict_entry(MemorySegment key, MemorySegment value) {
        try {
            return (MemorySegment) g_variant_new_dict_entry.HANDLE.invokeExact(key, value);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_fixed_array {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_fixed_array", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_fixed_array (const GVariantType *element_type, gconstpointer elements, gsize n_elements, gsize element_size); } */
    static MemorySegment g_variant_new_fixed_array(MemorySegment element_type, MemorySegment elements, long n_elements, long element_size) {
        try {
            return (MemorySegment) g_variant_new_fixed_array.HANDLE.invokeExact(element_type, elements, n_elements, element_size);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_variant_new_from_bytes {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("g_variant_new_from_bytes", DESC);
    }

    /** {@snippet lang=c : GVariant *g_variant_new_from_bytes (const GVariantType *type, GBytes *bytes, gboolean trusted); } */
    static MemorySegment g_variant_new_from_bytes(MemorySegment type, MemorySegment bytes, int trusted) {
        try {
            return (MemorySegment) g_variant_new_from_bytes.HANDLE.invokeExact(type, bytes, trusted);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_bytes_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("g_bytes_new", DESC);
    }

    /** {@snippet lang=c : GBytes *g_bytes_new (gconstpointer data, gsize size); } */
    static MemorySegment g_bytes_new(MemorySegment data, long size) {
        try {
            return (MemorySegment) g_bytes_new.HANDLE.invokeExact(data, size);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_bytes_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_bytes_unref", DESC);
    }

    /** {@snippet lang=c : void g_bytes_unref (GBytes *bytes); } */
    static void g_bytes_unref(MemorySegment bytes) {
        try {
            g_bytes_unref.HANDLE.invokeExact(bytes);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
