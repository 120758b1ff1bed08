package dev.bootcj;

/**
 * A failure the core can name: bad state transitions, unusable images, registry refusals. The message is
 * one line fit to print after the command name. Other failures surface as {@link java.io.IOException}.
 */
public abstract sealed class BootcException extends Exception
        permits InvalidTransitionException, ImageException, dev.bootcj.registry.RegistryException,
        SysrootException {
    private static final long serialVersionUID = 1L;

    protected BootcException(String message) {
        super(message);
    }

    protected BootcException(String message, Throwable cause) {
        super(message, cause);
    }
}
