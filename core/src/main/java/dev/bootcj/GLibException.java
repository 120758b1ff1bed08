package dev.bootcj;

/**
 * A GError turned into a checked exception: the operation that failed, the error domain's quark string
 * ({@code g-io-error-quark}, {@code g-key-file-error-quark}, ...), the code and GLib's message. Made by the
 * GLib binding's error helper, which also frees the GError.
 */
public final class GLibException extends NativeException {
    private static final long serialVersionUID = 1L;

    /** The {@code G_IO_ERROR} domain's quark string. */
    public static final String IO_ERROR_DOMAIN = "g-io-error-quark";
    /** The domain of a function that returned failure without setting a GError. */
    public static final String PRECONDITION_DOMAIN = "precondition";
    /** {@code G_IO_ERROR_NOT_FOUND}. */
    public static final int IO_ERROR_NOT_FOUND = 1;
    /** {@code G_IO_ERROR_EXISTS}. */
    public static final int IO_ERROR_EXISTS = 2;
    /** {@code G_IO_ERROR_NO_SPACE}. */
    public static final int IO_ERROR_NO_SPACE = 12;
    /** {@code G_IO_ERROR_CANCELLED}. */
    public static final int IO_ERROR_CANCELLED = 19;

    private final String operation;
    private final String domain;
    private final int code;
    private final String glibMessage;

    /**
     * A GError read from GLib; the message is {@code "<operation>: <glibMessage>"}.
     *
     * @param operation what we were doing ("opening ostree repository /repo")
     * @param domain the domain quark's string
     * @param code the code within the domain
     * @param glibMessage the GError's message
     */
    public GLibException(String operation, String domain, int code, String glibMessage) {
        super(operation + ": " + glibMessage);
        this.operation = operation;
        this.domain = domain;
        this.code = code;
        this.glibMessage = glibMessage;
    }

    @Override
    public String operation() {
        return operation;
    }

    /**
     * The domain quark's string, for example {@code g-io-error-quark}; {@link #PRECONDITION_DOMAIN} when the
     * function returned failure without setting a GError.
     */
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
        return IO_ERROR_DOMAIN.equals(domain) && code == IO_ERROR_NOT_FOUND;
    }

    /** Whether this is {@code G_IO_ERROR_CANCELLED}: the call's {@code GCancellable} was cancelled. */
    public boolean isCancelled() {
        return IO_ERROR_DOMAIN.equals(domain) && code == IO_ERROR_CANCELLED;
    }
}
