package dev.bootcj.sys;

import java.io.IOException;

/** A libc call failed with an errno that has no closer JDK exception type; see {@link Errno#exception}. */
public final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final String path;
    private final int errno;

    ErrnoException(String message, String call, String path, int errno) {
        super(message);
        this.call = call;
        this.path = path;
        this.errno = errno;
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
}
