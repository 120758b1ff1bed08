package dev.bootcj;

/**
 * An image that cannot be used: malformed reference, unknown transport, wrong media type, not bootable,
 * wrong architecture, digest mismatch.
 */
public final class ImageException extends BootcException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
