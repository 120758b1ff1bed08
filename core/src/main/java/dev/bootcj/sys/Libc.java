package dev.bootcj.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
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
 * The thin binding to libc.so.6: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code libc-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class Libc {
    static final NativeLibrary LIB = NativeLibrary.libc();

    /** The call-state layout holding {@code errno}; allocate one per call (or per thread). */
    static final StructLayout CAPTURE_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {
    }

    /** Reads errno from a capture-state segment after a call that failed. */
    static int errno(MemorySegment captureState) {
        return (int) ERRNO_HANDLE.get(captureState, 0L);
    }

    private static final class mount {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("mount", DESC, ERRNO);
    }

    /** {@snippet lang=c : int mount (const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data); } */
    static int mount(MemorySegment state, MemorySegment source, MemorySegment target, MemorySegment filesystemtype, long mountflags, MemorySegment data) {
        try {
            return (int) mount.HANDLE.invokeExact(state, source, target, filesystemtype, mountflags, data);
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

    /** {@snippet lang=c : int umount2 (const char *target, int flags); } */
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

    /** {@snippet lang=c : int fsync (int fd); } */
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

    /** {@snippet lang=c : int syncfs (int fd); } */
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

    /** {@snippet lang=c : int openat (int dirfd, const char *pathname, int flags, ...); } */
    static int openat(MemorySegment state, int dirfd, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) openat.HANDLE.invokeExact(state, dirfd, pathname, flags, mode);
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

    /** {@snippet lang=c : int close (int fd); } */
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

    /** {@snippet lang=c : char *strerror (int errnum); } */
    static MemorySegment strerror(int errnum) {
        try {
            return (MemorySegment) strerror.HANDLE.invokeExact(errnum);
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

    /** {@snippet lang=c : uid_t geteuid (void); } */
    static int geteuid() {
        try {
            return (int) geteuid.HANDLE.invokeExact();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class write {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
        static final MethodHandle HANDLE = LIB.downcall("write", DESC, ERRNO);
    }

    /** {@snippet lang=c : ssize_t write (int fd, const void *buf, size_t count); } */
    static long write(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return (long) write.HANDLE.invokeExact(state, fd, buf, count);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fchown {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fchown", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fchown (int fd, uid_t owner, gid_t group); } */
    static int fchown(MemorySegment state, int fd, int owner, int group) {
        try {
            return (int) fchown.HANDLE.invokeExact(state, fd, owner, group);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fchmod {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fchmod", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fchmod (int fd, mode_t mode); } */
    static int fchmod(MemorySegment state, int fd, int mode) {
        try {
            return (int) fchmod.HANDLE.invokeExact(state, fd, mode);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fsetxattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fsetxattr", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fsetxattr (int fd, const char *name, const void *value, size_t size, int flags); } */
    static int fsetxattr(MemorySegment state, int fd, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return (int) fsetxattr.HANDLE.invokeExact(state, fd, name, value, size, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class lsetxattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("lsetxattr", DESC, ERRNO);
    }

    /** {@snippet lang=c : int lsetxattr (const char *path, const char *name, const void *value, size_t size, int flags); } */
    static int lsetxattr(MemorySegment state, MemorySegment path, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return (int) lsetxattr.HANDLE.invokeExact(state, path, name, value, size, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class futimens {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("futimens", DESC, ERRNO);
    }

    /** {@snippet lang=c : int futimens (int fd, const struct timespec times[2]); } */
    static int futimens(MemorySegment state, int fd, MemorySegment times) {
        try {
            return (int) futimens.HANDLE.invokeExact(state, fd, times);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class linkat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("linkat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int linkat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags); } */
    static int linkat(MemorySegment state, int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath, int flags) {
        try {
            return (int) linkat.HANDLE.invokeExact(state, olddirfd, oldpath, newdirfd, newpath, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class renameat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("renameat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int renameat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath); } */
    static int renameat(MemorySegment state, int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath) {
        try {
            return (int) renameat.HANDLE.invokeExact(state, olddirfd, oldpath, newdirfd, newpath);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class symlinkat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("symlinkat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int symlinkat (const char *target, int newdirfd, const char *linkpath); } */
    static int symlinkat(MemorySegment state, MemorySegment target, int newdirfd, MemorySegment linkpath) {
        try {
            return (int) symlinkat.HANDLE.invokeExact(state, target, newdirfd, linkpath);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fchownat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fchownat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fchownat (int dirfd, const char *pathname, uid_t owner, gid_t group, int flags); } */
    static int fchownat(MemorySegment state, int dirfd, MemorySegment pathname, int owner, int group, int flags) {
        try {
            return (int) fchownat.HANDLE.invokeExact(state, dirfd, pathname, owner, group, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class mkdirat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("mkdirat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int mkdirat (int dirfd, const char *pathname, mode_t mode); } */
    static int mkdirat(MemorySegment state, int dirfd, MemorySegment pathname, int mode) {
        try {
            return (int) mkdirat.HANDLE.invokeExact(state, dirfd, pathname, mode);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class unlinkat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("unlinkat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int unlinkat (int dirfd, const char *pathname, int flags); } */
    static int unlinkat(MemorySegment state, int dirfd, MemorySegment pathname, int flags) {
        try {
            return (int) unlinkat.HANDLE.invokeExact(state, dirfd, pathname, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class fstatat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("fstatat", DESC, ERRNO);
    }

    /** {@snippet lang=c : int fstatat (int dirfd, const char *pathname, struct stat *statbuf, int flags); } */
    static int fstatat(MemorySegment state, int dirfd, MemorySegment pathname, MemorySegment statbuf, int flags) {
        try {
            return (int) fstatat.HANDLE.invokeExact(state, dirfd, pathname, statbuf, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class sync_file_range {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
        static final MethodHandle HANDLE = LIB.downcall("sync_file_range", DESC, ERRNO);
    }

    /** {@snippet lang=c : int sync_file_range (int fd, off64_t offset, off64_t nbytes, unsigned int flags); } */
    static int sync_file_range(MemorySegment state, int fd, long offset, long nbytes, int flags) {
        try {
            return (int) sync_file_range.HANDLE.invokeExact(state, fd, offset, nbytes, flags);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
