package dev.bootcj;

/**
 * A failure the core can name: bad state transitions, unusable images, registry refusals, unusable sysroots,
 * and failed native calls (a GError from libostree/GLib, an errno from libc). The message is one line fit to
 * print after the command name. Other failures surface as {@link java.io.IOException}.
 *
 * <p>The hierarchy is closed and lives in this package alone, so that it depends on no other package.
 */
public abstract sealed class BootcException extends Exception
        permits InvalidTransitionException, ImageException, RegistryException, SysrootException, NativeException {
    private static final long serialVersionUID = 1L;

    protected BootcException(String message) {
        super(message);
    }

    protected BootcException(String message, Throwable cause) {
        super(message, cause);
    }
}
