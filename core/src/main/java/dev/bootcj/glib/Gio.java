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
 * The thin binding to libgio-2.0.so.0: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code glib-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class Gio {
    static final NativeLibrary LIB = NativeLibrary.load("libgio-2.0.so.0", "libglib2.0-0");

    private Gio() {
    }

    private static final class g_file_new_for_path {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_file_new_for_path", DESC);
    }

    /** {@snippet lang=c : GFile *g_file_new_for_path (const char *path); } */
    static MemorySegment g_file_new_for_path(MemorySegment path) {
        try {
            return (MemorySegment) g_file_new_for_path.HANDLE.invokeExact(path);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_cancellable_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_cancellable_new", DESC);
    }

    /** {@snippet lang=c : GCancellable *g_cancellable_new (void); } */
    static MemorySegment g_cancellable_new() {
        try {
            return (MemorySegment) g_cancellable_new.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_cancellable_cancel {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_cancellable_cancel", DESC);
    }

    /** {@snippet lang=c : void g_cancellable_cancel (GCancellable *cancellable); } */
    static void g_cancellable_cancel(MemorySegment cancellable) {
        try {
            g_cancellable_cancel.HANDLE.invokeExact(cancellable);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_output_stream_write_all {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_output_stream_write_all", DESC);
    }

    /** {@snippet lang=c : gboolean g_output_stream_write_all (GOutputStream *stream, const void *buffer, gsize count, gsize *bytes_written, GCancellable *cancellable, GError **error); } */
    static int g_output_stream_write_all(MemorySegment stream, MemorySegment buffer, long count, MemorySegment bytes_written, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) g_output_stream_write_all.HANDLE.invokeExact(stream, buffer, count, bytes_written, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_file_info_get_file_type {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_file_info_get_file_type", DESC);
    }

    /** {@snippet lang=c : GFileType g_file_info_get_file_type (GFileInfo *info); } */
    static int g_file_info_get_file_type(MemorySegment info) {
        try {
            return (int) g_file_info_get_file_type.HANDLE.invokeExact(info);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_file_info_get_size {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_file_info_get_size", DESC);
    }

    /** {@snippet lang=c : goffset g_file_info_get_size (GFileInfo *info); } */
    static long g_file_info_get_size(MemorySegment info) {
        try {
            return (long) g_file_info_get_size.HANDLE.invokeExact(info);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
