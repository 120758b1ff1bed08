package dev.bootcj;

/** A registry or transport refused or failed a request; the message names the image and the action. */
public final class RegistryException extends BootcException {
    private static final long serialVersionUID = 1L;

    /** HTTP status, or 0 when the failure was not an HTTP response. */
    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }
}
