package dev.bootcj.deploy;

/** Where a verb writes what the administrator reads (the command's output stream; nothing with --quiet). */
@FunctionalInterface
public interface Reporter {
    /** One line of output. */
    void line(String text);

    /** A reporter that prints nothing. */
    static Reporter quiet() {
        return text -> { };
    }
}
