package dev.bootcj;

/**
 * A libc call failed and set errno. The message has the shape
 * {@code "<call>(<path>) failed: <strerror> (errno N)"}; made by the libc binding's errno helper.
 */
public final class ErrnoException extends NativeException {
    private static final long serialVersionUID = 1L;

    /** {@code ENOENT}. */
    public static final int ENOENT = 2;
    /** {@code ENOSPC}. */
    public static final int ENOSPC = 28;

    private final String call;
    private final String path;
    private final int errno;

    /**
     * A failed call.
     *
     * @param call the libc function ({@code mount}, {@code open(O_TMPFILE)})
     * @param path the path or object it was called on, or null
     * @param errno the errno value
     * @param strerror the C library's text for {@code errno}
     */
    public ErrnoException(String call, String path, int errno, String strerror) {
        super(call + "(" + (path == null ? "" : path) + ") failed: " + strerror + " (errno " + errno + ")");
        this.call = call;
        this.path = path;
        this.errno = errno;
    }

    @Override
    public String operation() {
        return call;
    }

    /** The libc function that failed. */
    public String call() {
        return call;
    }

    /** The path it was called on, or null. */
    public String path() {
        return path;
    }

    /** The errno value. */
    public int errno() {
        return errno;
    }

    /** Whether errno is {@code ENOENT}. */
    public boolean isNotFound() {
        return errno == ENOENT;
    }
}
