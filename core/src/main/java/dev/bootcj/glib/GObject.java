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
 * The thin binding to libgobject-2.0.so.0: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code glib-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class GObject {
    static final NativeLibrary LIB = NativeLibrary.load("libgobject-2.0.so.0", "libglib2.0-0");

    private GObject() {
    }

    private static final class g_object_ref {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_object_ref", DESC);
    }

    /** {@snippet lang=c : gpointer g_object_ref (gpointer object); } */
    static MemorySegment g_object_ref(MemorySegment object) {
        try {
            return (MemorySegment) g_object_ref.HANDLE.invokeExact(object);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class g_object_unref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("g_object_unref", DESC);
    }

    /** {@snippet lang=c : void g_object_unref (gpointer object); } */
    static void g_object_unref(MemorySegment object) {
        try {
            g_object_unref.HANDLE.invokeExact(object);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
