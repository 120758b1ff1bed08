package dev.bootcj.compress;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.sys.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The thin binding to libzstd.so.1: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code zstd-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class LibZstd {
    static final NativeLibrary LIB = NativeLibrary.load("libzstd.so.1", "libzstd1");

    private LibZstd() {
    }

    private static final class ZSTD_createDStream {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_createDStream", DESC);
    }

    /** {@snippet lang=c : ZSTD_DStream* ZSTD_createDStream(void); } */
    static MemorySegment ZSTD_createDStream() {
        try {
            return (MemorySegment) ZSTD_createDStream.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_freeDStream {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_freeDStream", DESC);
    }

    /** {@snippet lang=c : size_t ZSTD_freeDStream(ZSTD_DStream* zds); } */
    static long ZSTD_freeDStream(MemorySegment zds) {
        try {
            return (long) ZSTD_freeDStream.HANDLE.invokeExact(zds);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_initDStream {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_initDStream", DESC);
    }

    /** {@snippet lang=c : size_t ZSTD_initDStream(ZSTD_DStream* zds); } */
    static long ZSTD_initDStream(MemorySegment zds) {
        try {
            return (long) ZSTD_initDStream.HANDLE.invokeExact(zds);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_decompressStream {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_decompressStream", DESC);
    }

    /** {@snippet lang=c : size_t ZSTD_decompressStream(ZSTD_DStream* zds, ZSTD_outBuffer* output, ZSTD_inBuffer* input); } */
    static long ZSTD_decompressStream(MemorySegment zds, MemorySegment output, MemorySegment input) {
        try {
            return (long) ZSTD_decompressStream.HANDLE.invokeExact(zds, output, input);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_DStreamInSize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_DStreamInSize", DESC);
    }

    /** {@snippet lang=c : size_t ZSTD_DStreamInSize(void); } */
    static long ZSTD_DStreamInSize() {
        try {
            return (long) ZSTD_DStreamInSize.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_DStreamOutSize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_DStreamOutSize", DESC);
    }

    /** {@snippet lang=c : size_t ZSTD_DStreamOutSize(void); } */
    static long ZSTD_DStreamOutSize() {
        try {
            return (long) ZSTD_DStreamOutSize.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_isError {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_isError", DESC);
    }

    /** {@snippet lang=c : unsigned ZSTD_isError(size_t code); } */
    static int ZSTD_isError(long code) {
        try {
            return (int) ZSTD_isError.HANDLE.invokeExact(code);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ZSTD_getErrorName {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("ZSTD_getErrorName", DESC);
    }

    /** {@snippet lang=c : const char* ZSTD_getErrorName(size_t code); } */
    static MemorySegment ZSTD_getErrorName(long code) {
        try {
            return (MemorySegment) ZSTD_getErrorName.HANDLE.invokeExact(code);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
