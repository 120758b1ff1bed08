package dev.bootcj.sys;

import dev.bootcj.ErrnoException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * The safe libc API the rest of the core uses: mounts and durable writes. Each method uses a confined arena
 * for its strings and errno slot, checks the return code, and turns a failure into the exception chosen by
 * {@link Errno#exception}.
 */
public final class Posix {
    /** {@code MS_RDONLY}. */
    public static final long MS_RDONLY = 1L;
    /** {@code MS_REMOUNT}. */
    public static final long MS_REMOUNT = 32L;
    /** {@code MS_BIND}. */
    public static final long MS_BIND = 4096L;
    /** {@code MS_REC}. */
    public static final long MS_REC = 16384L;
    /** {@code MS_PRIVATE}. */
    public static final long MS_PRIVATE = 1L << 18;
    /** {@code MNT_DETACH} for {@link #umount}. */
    public static final int MNT_DETACH = 2;

    private Posix() {
    }

    /** {@code mount(2)}; {@code source}, {@code fstype} and {@code data} may be null. */
    public static void mount(String source, Path target, String fstype, long flags, String data)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CAPTURE_STATE);
            int rc = Libc.mount(state, cString(arena, source), arena.allocateFrom(target.toString()),
                    cString(arena, fstype), flags, cString(arena, data));
            if (rc != 0) {
                throw Errno.exception("mount", target.toString(), Libc.errno(state));
            }
        }
    }

    /** {@code umount2(2)}. */
    public static void umount(Path target, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CAPTURE_STATE);
            if (Libc.umount2(state, arena.allocateFrom(target.toString()), flags) != 0) {
                throw Errno.exception("umount2", target.toString(), Libc.errno(state));
            }
        }
    }

    /** Opens {@code path} read-only, calls {@code fsync(2)} on it and closes it. */
    public static void fsync(Path path) throws ErrnoException {
        withFd(path, "fsync", (state, fd) -> Libc.fsync(state, fd));
    }

    /** {@code syncfs(2)} on the filesystem that holds {@code path}. */
    public static void syncfs(Path path) throws ErrnoException {
        withFd(path, "syncfs", (state, fd) -> Libc.syncfs(state, fd));
    }

    /** The effective user id. */
    public static int geteuid() {
        return Libc.geteuid();
    }

    private interface FdCall {
        int apply(MemorySegment state, int fd);
    }

    private static void withFd(Path path, String call, FdCall action) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CAPTURE_STATE);
            int fd = Libc.openat(state, Fcntl.AT_FDCWD, arena.allocateFrom(path.toString()),
                    Fcntl.O_RDONLY | Fcntl.O_CLOEXEC, 0);
            if (fd < 0) {
                throw Errno.exception("open", path.toString(), Libc.errno(state));
            }
            int rc = action.apply(state, fd);
            int errno = rc != 0 ? Libc.errno(state) : 0;
            if (Libc.close(state, fd) != 0 && rc == 0) {
                throw Errno.exception("close", path.toString(), Libc.errno(state));
            }
            if (rc != 0) {
                throw Errno.exception(call, path.toString(), errno);
            }
        }
    }

    private static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }
}
