package dev.bootcj.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The thin binding to libc ({@code <sys/mount.h>}, {@code <unistd.h>}, {@code <fcntl.h>}, {@code <string.h>}).
 * One lazy holder per symbol; calls that set errno take a leading capture-state segment (see {@link #ERRNO}).
 * C prototypes are quoted from the glibc headers; {@code native-headers} checks them.
 */
@SuppressWarnings("restricted")
final class Libc {
    static final NativeLibrary LIB = NativeLibrary.libc();

    /** The call-state layout holding {@code errno}. */
    static final StructLayout CAPTURE_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;
    static final int AT_FDCWD = -100;

    private Libc() {
    }

    /** Reads errno from a capture-state segment. */
    static int errno(MemorySegment captureState) {
        return (int) ERRNO_HANDLE.get(captureState, 0L);
    }

    private static final class mount {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("mount", DESC, ERRNO);
    }

    /**
     * {@snippet lang=c :
     * int mount(const char *source, const char *target, const char *filesystemtype,
     *           unsigned long mountflags, const void *data);
     * }
     */
    static int mount(MemorySegment state, MemorySegment source, MemorySegment target, MemorySegment fstype,
            long flags, MemorySegment data) {
        try {
            return (int) mount.HANDLE.invokeExact(state, source, target, fstype, flags, data);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class umount2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("umount2", DESC, ERRNO);
    }

    /** {@snippet lang=c : int umount2(const char *target, int flags); } */
    static int umount2(MemorySegment state, MemorySegment target, int flags) {
        try {
            return (int) umount2.HANDLE.invokeExact(state, target, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fsync {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fsync", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fsync(int fd); } */
    static int fsync(MemorySegment state, int fd) {
        try {
            return (int) fsync.HANDLE.invokeExact(state, fd);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class syncfs {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("syncfs", DESC, ERRNO);
    }

    /** {@snippet lang=c : int syncfs(int fd); } */
    static int syncfs(MemorySegment state, int fd) {
        try {
            return (int) syncfs.HANDLE.invokeExact(state, fd);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class openat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("openat", DESC, ERRNO, Linker.Option.firstVariadicArg(3));
    }

    /** {@snippet lang=c : int openat(int dirfd, const char *pathname, int flags, ...); } */
    static int openat(MemorySegment state, int dirfd, MemorySegment path, int flags, int mode) {
        try {
            return (int) openat.HANDLE.invokeExact(state, dirfd, path, flags, mode);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class close {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("close", DESC, ERRNO);
    }

    /** {@snippet lang=c : int close(int fd); } */
    static int close(MemorySegment state, int fd) {
        try {
            return (int) close.HANDLE.invokeExact(state, fd);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class strerror {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("strerror", DESC);
    }

    /** {@snippet lang=c : char *strerror(int errnum); } Returns the text copied into a Java string. */
    static String strerror(int errnum) {
        try {
            MemorySegment text = (MemorySegment) strerror.HANDLE.invokeExact(errnum);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class geteuid {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("geteuid", DESC);
    }

    /** {@snippet lang=c : uid_t geteuid(void); } */
    static int geteuid() {
        try {
            return (int) geteuid.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
