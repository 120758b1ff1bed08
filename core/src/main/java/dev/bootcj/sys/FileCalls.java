package dev.bootcj.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.ErrnoException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * File-descriptor level libc calls for hot loops (writing tens of thousands of files): each instance owns its
 * native scratch memory (errno slot, path and value buffers), so a call allocates nothing. One instance per
 * thread (confined); close it on that thread. Failures become the exceptions of {@link Errno#exception}, with
 * the caller's description of the file as the path.
 */
public final class FileCalls implements AutoCloseable {
    /** {@code O_WRONLY}. */
    public static final int O_WRONLY = 1;
    /** {@code O_TMPFILE} (includes {@code O_DIRECTORY}, as glibc defines it). */
    public static final int O_TMPFILE = 020000000 | Fcntl.O_DIRECTORY;
    /** {@code AT_FDCWD}. */
    public static final int AT_FDCWD = Fcntl.AT_FDCWD;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int AT_SYMLINK_FOLLOW = 0x400;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int SYNC_FILE_RANGE_WRITE = 2;
    private static final long UTIME_OMIT = (1L << 30) - 2L;
    private static final long ATIME_NSEC = Structs.TIMES.byteOffset(MemoryLayout.PathElement.sequenceElement(0),
            MemoryLayout.PathElement.groupElement("tv_nsec"));

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment state = arena.allocate(Libc.CAPTURE_STATE);
    private final MemorySegment stat = arena.allocate(Structs.STAT);
    private final MemorySegment zeroTimes = arena.allocate(Structs.TIMES);
    private MemorySegment path1 = arena.allocate(512);
    private MemorySegment path2 = arena.allocate(512);
    private MemorySegment value = arena.allocate(4096);
    private final MemorySegment empty = arena.allocate(1);
    /** Whether {@code linkat(AT_EMPTY_PATH)} works here (needs {@code CAP_DAC_READ_SEARCH}); else /proc. */
    private boolean emptyPathLinks = true;

    public FileCalls() {
        // atime untouched, mtime 0 (the epoch), as ostree stores content objects; the arena zeroed the rest
        zeroTimes.set(JAVA_LONG, ATIME_NSEC, UTIME_OMIT);
    }

    /** Opens the directory {@code path} (relative to {@code dirfd}) as an {@code O_PATH}-less read-only fd. */
    public int openDirectory(int dirfd, String path) throws ErrnoException {
        int fd = Libc.openat(state, dirfd, first(path), Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC, 0);
        if (fd < 0) {
            throw Errno.exception("open", path, Libc.errno(state));
        }
        return fd;
    }

    /** An unnamed file in {@code dirfd}'s filesystem ({@code O_TMPFILE}), write-only, mode {@code mode}. */
    public int openTmpfile(int dirfd, int mode, String what) throws ErrnoException {
        int fd = Libc.openat(state, dirfd, first("."), O_TMPFILE | O_WRONLY | Fcntl.O_CLOEXEC, mode);
        if (fd < 0) {
            throw Errno.exception("open(O_TMPFILE)", what, Libc.errno(state));
        }
        return fd;
    }

    /** Writes {@code data[0..len)} completely. */
    public void writeFully(int fd, MemorySegment data, long len, String what) throws ErrnoException {
        long off = 0;
        while (off < len) {
            long n = Libc.write(state, fd, data.asSlice(off), len - off);
            if (n < 0) {
                int errno = Libc.errno(state);
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw Errno.exception("write", what, errno);
            }
            off += n;
        }
    }

    /** {@code fchown(2)}. */
    public void fchown(int fd, int uid, int gid, String what) throws ErrnoException {
        if (Libc.fchown(state, fd, uid, gid) != 0) {
            throw Errno.exception("fchown", what, Libc.errno(state));
        }
    }

    /** {@code fchmod(2)}. */
    public void fchmod(int fd, int mode, String what) throws ErrnoException {
        if (Libc.fchmod(state, fd, mode) != 0) {
            throw Errno.exception("fchmod", what, Libc.errno(state));
        }
    }

    /** {@code fsetxattr(2)} of {@code name} (without NUL) to {@code data}. */
    public void fsetxattr(int fd, byte[] name, byte[] data, String what) throws ErrnoException {
        MemorySegment n = first(name);
        MemorySegment v = value(data);
        if (Libc.fsetxattr(state, fd, n, v, data.length, 0) != 0) {
            throw Errno.exception("fsetxattr", what + " " + new String(name, StandardCharsets.UTF_8),
                    Libc.errno(state));
        }
    }

    /** {@code lsetxattr(2)} on {@code name} in {@code dirfd} (through {@code /proc/self/fd}). */
    public void lsetxattr(int dirfd, String file, byte[] name, byte[] data, String what) throws ErrnoException {
        MemorySegment p = first("/proc/self/fd/" + dirfd + "/" + file);
        MemorySegment n = second(name);
        MemorySegment v = value(data);
        if (Libc.lsetxattr(state, p, n, v, data.length, 0) != 0) {
            throw Errno.exception("lsetxattr", what + " " + new String(name, StandardCharsets.UTF_8),
                    Libc.errno(state));
        }
    }

    /** Sets the modification time to 0 and leaves the access time ({@code futimens(2)}). */
    public void zeroMtime(int fd, String what) throws ErrnoException {
        if (Libc.futimens(state, fd, zeroTimes) != 0) {
            throw Errno.exception("futimens", what, Libc.errno(state));
        }
    }

    /**
     * Gives the {@code O_TMPFILE} {@code fd} the name {@code name} in {@code dirfd} ({@code linkat(2)} through
     * {@code /proc/self/fd}); false if that name exists already.
     */
    public boolean linkTmpfile(int fd, int dirfd, String name, String what) throws ErrnoException {
        int rc;
        if (emptyPathLinks) {
            rc = Libc.linkat(state, fd, empty, dirfd, second(name), AT_EMPTY_PATH);
            if (rc != 0 && Libc.errno(state) == Errno.ENOENT) {
                // without CAP_DAC_READ_SEARCH the kernel refuses AT_EMPTY_PATH with ENOENT
                emptyPathLinks = false;
            }
        } else {
            rc = -1;
        }
        if (!emptyPathLinks) {
            rc = Libc.linkat(state, AT_FDCWD, first("/proc/self/fd/" + fd), dirfd, second(name), AT_SYMLINK_FOLLOW);
        }
        if (rc != 0) {
            int errno = Libc.errno(state);
            if (errno == Errno.EEXIST) {
                return false;
            }
            throw Errno.exception("linkat", what, errno);
        }
        return true;
    }

    /**
     * Starts writeback of {@code fd}'s dirty pages without waiting ({@code sync_file_range(2)} with
     * {@code SYNC_FILE_RANGE_WRITE}), so a later {@code syncfs} has less left to do. Not a durability point.
     */
    public void startWriteback(int fd, String what) throws ErrnoException {
        if (Libc.sync_file_range(state, fd, 0, 0, SYNC_FILE_RANGE_WRITE) != 0) {
            throw Errno.exception("sync_file_range", what, Libc.errno(state));
        }
    }

    /** Whether {@code name} exists in {@code dirfd} (not following a final symlink). */
    public boolean exists(int dirfd, String name) throws ErrnoException {
        if (Libc.fstatat(state, dirfd, first(name), stat, AT_SYMLINK_NOFOLLOW) == 0) {
            return true;
        }
        int errno = Libc.errno(state);
        if (errno == Errno.ENOENT) {
            return false;
        }
        throw Errno.exception("fstatat", name, errno);
    }

    /** {@code mkdirat(2)}; false if it exists already. */
    public boolean mkdir(int dirfd, String name, int mode, String what) throws ErrnoException {
        if (Libc.mkdirat(state, dirfd, first(name), mode) != 0) {
            int errno = Libc.errno(state);
            if (errno == Errno.EEXIST) {
                return false;
            }
            throw Errno.exception("mkdirat", what, errno);
        }
        return true;
    }

    /** {@code symlinkat(2)}: {@code name} in {@code dirfd} pointing to {@code target}. */
    public void symlink(String target, int dirfd, String name, String what) throws ErrnoException {
        if (Libc.symlinkat(state, first(target), dirfd, second(name)) != 0) {
            throw Errno.exception("symlinkat", what, Libc.errno(state));
        }
    }

    /** {@code fchownat(2)} without following a symlink. */
    public void lchown(int dirfd, String name, int uid, int gid, String what) throws ErrnoException {
        if (Libc.fchownat(state, dirfd, first(name), uid, gid, AT_SYMLINK_NOFOLLOW) != 0) {
            throw Errno.exception("fchownat", what, Libc.errno(state));
        }
    }

    /** {@code renameat(2)} within one directory fd pair. */
    public void rename(int fromDir, String from, int toDir, String to, String what) throws ErrnoException {
        if (Libc.renameat(state, fromDir, first(from), toDir, second(to)) != 0) {
            throw Errno.exception("renameat", what, Libc.errno(state));
        }
    }

    /** {@code unlinkat(2)} of a non-directory; a missing name is fine. */
    public void unlink(int dirfd, String name) throws ErrnoException {
        if (Libc.unlinkat(state, dirfd, first(name), 0) != 0) {
            int errno = Libc.errno(state);
            if (errno != Errno.ENOENT) {
                throw Errno.exception("unlinkat", name, errno);
            }
        }
    }

    /** {@code fsync(2)}. */
    public void fsync(int fd, String what) throws ErrnoException {
        if (Libc.fsync(state, fd) != 0) {
            throw Errno.exception("fsync", what, Libc.errno(state));
        }
    }

    /** {@code syncfs(2)}. */
    public void syncfs(int fd, String what) throws ErrnoException {
        if (Libc.syncfs(state, fd) != 0) {
            throw Errno.exception("syncfs", what, Libc.errno(state));
        }
    }

    /** {@code close(2)}; errors other than {@code EINTR} are reported. */
    public void close(int fd, String what) throws ErrnoException {
        if (Libc.close(state, fd) != 0) {
            int errno = Libc.errno(state);
            if (errno != Errno.EINTR) {
                throw Errno.exception("close", what, errno);
            }
        }
    }

    /** Closes {@code fd} ignoring errors (cleanup after another failure). */
    public void closeQuietly(int fd) {
        if (fd >= 0) {
            Libc.close(state, fd);
        }
    }

    private MemorySegment first(String s) {
        return first(s.getBytes(StandardCharsets.UTF_8));
    }

    private MemorySegment first(byte[] b) {
        if (path1.byteSize() < b.length + 1L) {
            path1 = arena.allocate(b.length + 1L);
        }
        return cString(path1, b);
    }

    private MemorySegment second(String s) {
        return second(s.getBytes(StandardCharsets.UTF_8));
    }

    private MemorySegment second(byte[] b) {
        if (path2.byteSize() < b.length + 1L) {
            path2 = arena.allocate(b.length + 1L);
        }
        return cString(path2, b);
    }

    private MemorySegment value(byte[] b) {
        if (value.byteSize() < b.length) {
            value = arena.allocate(b.length);
        }
        MemorySegment.copy(b, 0, value, JAVA_BYTE, 0, b.length);
        return value;
    }

    private static MemorySegment cString(MemorySegment seg, byte[] b) {
        MemorySegment.copy(b, 0, seg, JAVA_BYTE, 0, b.length);
        seg.set(JAVA_BYTE, b.length, (byte) 0);
        return seg;
    }

    @Override
    public void close() {
        arena.close();
    }
}
