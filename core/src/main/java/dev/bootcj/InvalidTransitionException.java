package dev.bootcj;

/** A requested state change that bootc refuses, e.g. "Invalid state transition: rollback and image change". */
public final class InvalidTransitionException extends BootcException {
    private static final long serialVersionUID = 1L;

    public InvalidTransitionException(String message) {
        super(message);
    }
}
