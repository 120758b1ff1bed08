package dev.bootcj.sys;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * errno values and the one mapping from a failed libc call to a Java exception.
 *
 * <p>Messages have the shape {@code "<call>(<path>) failed: <strerror> (errno N)"}. Common values become the
 * JDK's own {@link FileSystemException} subtypes (so callers can catch {@link NoSuchFileException});
 * everything else is an {@link ErrnoException}.
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

    /** The C library's text for {@code errno}. */
    public static String describe(int errno) {
        return Libc.strerror(errno);
    }

    /** The exception for a failed {@code call} on {@code path} ({@code path} may be null). */
    public static IOException exception(String call, String path, int errno) {
        String what = call + "(" + (path == null ? "" : path) + ")";
        String reason = describe(errno) + " (errno " + errno + ")";
        String message = what + " failed: " + reason;
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(path, null, message);
            case EACCES, EPERM -> new AccessDeniedException(path, null, message);
            case EEXIST -> new FileAlreadyExistsException(path, null, message);
            case ENOTEMPTY -> new DirectoryNotEmptyException(message);
            case ENOTDIR -> new NotDirectoryException(message);
            default -> new ErrnoException(message, call, path, errno);
        };
    }
}
