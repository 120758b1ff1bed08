package dev.bootcj.glib;

import java.io.IOException;

/**
 * A GError turned into a checked exception: the operation that failed, the error domain's quark string
 * ({@code g-io-error-quark}, {@code g-key-file-error-quark}, ...), the code and GLib's message. Made only by
 * {@link GErrors}, which also frees the GError.
 */
public final class GLibException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code G_IO_ERROR_NOT_FOUND}. */
    public static final int IO_ERROR_NOT_FOUND = 1;
    /** {@code G_IO_ERROR_EXISTS}. */
    public static final int IO_ERROR_EXISTS = 2;
    /** {@code G_IO_ERROR_NO_SPACE}. */
    public static final int IO_ERROR_NO_SPACE = 12;
    /** {@code G_IO_ERROR_CANCELLED}. */
    public static final int IO_ERROR_CANCELLED = 19;

    private final String domain;
    private final int code;
    private final String glibMessage;

    GLibException(String operation, String domain, int code, String glibMessage) {
        super(operation + ": " + glibMessage);
        this.domain = domain;
        this.code = code;
        this.glibMessage = glibMessage;
    }

    /** The domain quark's string, for example {@code g-io-error-quark}; {@code "precondition"} when the
     * function returned failure without setting a GError. */
    public String domain() {
        return domain;
    }

    /** The error code within the domain. */
    public int code() {
        return code;
    }

    /** GLib's message alone, without the operation. */
    public String glibMessage() {
        return glibMessage;
    }

    /** Whether this is {@code G_IO_ERROR_NOT_FOUND}. */
    public boolean isNotFound() {
        return "g-io-error-quark".equals(domain) && code == IO_ERROR_NOT_FOUND;
    }
}
