package dev.bootcj.blob;

import java.io.IOException;

/**
 * A blob whose bytes do not match its descriptor: wrong digest, longer than declared, or truncated. The
 * message is one line naming the blob.
 */
public final class BlobVerificationException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind { DIGEST_MISMATCH, TOO_LONG, TRUNCATED }

    private final Kind kind;

    public BlobVerificationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** What was wrong. */
    public Kind kind() {
        return kind;
    }
}
