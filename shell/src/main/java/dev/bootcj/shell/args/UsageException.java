package dev.bootcj.shell.args;

/** The command line itself is wrong: exit code 2, the message, then the command's usage. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
