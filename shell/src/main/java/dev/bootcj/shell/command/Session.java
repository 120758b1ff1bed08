package dev.bootcj.shell.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command runs against: the output streams, whether stdout is a terminal, the verbosity, and the
 * default sysroot. One session serves a single command line, a whole shell, or a whole batch script.
 *
 * @param out command output
 * @param err diagnostics
 * @param terminal stdout is a terminal (status defaults to human-readable)
 * @param verbose print stack traces for internal errors
 * @param sysroot the sysroot commands act on when they are not given {@code --sysroot}
 * @param where {@code FILE:LINE} of the script line being run, prefixed to error messages; null otherwise
 * @param foreground runs a program that takes over the terminal
 */
public record Session(PrintStream out, PrintStream err, boolean terminal, boolean verbose, Path sysroot, String where,
        Foreground foreground) {

    /** The system property in which the launcher says whether standard output is a terminal. */
    public static final String STDOUT_TERMINAL = "bootcj.stdout.terminal";

    /**
     * Whether standard output is a terminal. The launcher answers in {@value #STDOUT_TERMINAL} with the shell's
     * {@code [ -t 1 ]} (isatty, like upstream's check), which costs nothing, where setting up {@link
     * java.io.Console} takes milliseconds of {@code bootc status}; without it, the console decides (it also wants
     * standard input to be a terminal).
     */
    public static boolean stdoutIsTerminal() {
        String launcher = System.getProperty(STDOUT_TERMINAL);
        if (launcher != null) {
            return launcher.equals("true");
        }
        return System.console() != null && System.console().isTerminal();
    }

    /** The same session, reporting errors at {@code where}. */
    public Session at(String where) {
        return new Session(out, err, terminal, verbose, sysroot, where, foreground);
    }

    /** {@code "FILE:LINE: "} in a script, else empty. */
    public String location() {
        return where == null ? "" : where + ": ";
    }

    /**
     * Runs a program that takes over the terminal (an editor, {@code systemctl reboot}) with the standard streams
     * inherited. The interactive shell keeps its own terminal modes between input lines and gives the program the
     * modes the user had.
     */
    @FunctionalInterface
    public interface Foreground {
        /** Outside the interactive shell: the terminal is as the user left it. */
        Foreground INHERIT = program -> program.inheritIO().start().waitFor();

        /** Starts {@code program}, waits for it and returns its exit code. */
        int run(ProcessBuilder program) throws IOException, InterruptedException;
    }
}
