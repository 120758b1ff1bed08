package dev.bootcj.sys;

import dev.bootcj.ErrnoException;

/**
 * errno values and the one mapping from a failed libc call to a Java exception.
 *
 * <p>Every failure is an {@link ErrnoException} (a {@link dev.bootcj.BootcException}) with the message
 * {@code "<call>(<path>) failed: <strerror> (errno N)"} and the errno kept for callers that branch on it.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int EROFS = 30;
    public static final int ENOTEMPTY = 39;

    private Errno() {
    }

    /** The C library's text for {@code errno}, copied out of libc's static buffer. */
    @SuppressWarnings("restricted")
    public static String describe(int errno) {
        return Libc.strerror(errno).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The exception for a failed {@code call} on {@code path} ({@code path} may be null). */
    public static ErrnoException exception(String call, String path, int errno) {
        return new ErrnoException(call, path, errno, describe(errno));
    }
}
