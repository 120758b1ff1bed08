package dev.bootcj;

/** The sysroot is missing, not an ostree sysroot, or in a state the command cannot act on. */
public final class SysrootException extends BootcException {
    private static final long serialVersionUID = 1L;

    public SysrootException(String message) {
        super(message);
    }

    public SysrootException(String message, Throwable cause) {
        super(message, cause);
    }
}
