package dev.bootcj.shell.command;

/** A command refused valid-looking input for a reason it names (exit code 1, not a usage error). */
public final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }
}
