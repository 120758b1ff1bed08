package dev.bootcj;

/**
 * A native library call failed: libostree, GLib or GIO reported a GError ({@link GLibException}), or a libc
 * call set errno ({@link ErrnoException}). Thrown by the safe APIs over the bindings; the message names the
 * operation and the object, then the library's own text.
 */
public abstract sealed class NativeException extends BootcException permits GLibException, ErrnoException {
    private static final long serialVersionUID = 1L;

    NativeException(String message) {
        super(message);
    }

    /** The operation that failed, as named in the message: a libc function, or what we were doing. */
    public abstract String operation();
}
