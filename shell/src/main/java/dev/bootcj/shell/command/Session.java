package dev.bootcj.shell.command;

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
 */
public record Session(PrintStream out, PrintStream err, boolean terminal, boolean verbose, Path sysroot, String where) {

    /** The same session, reporting errors at {@code where}. */
    public Session at(String where) {
        return new Session(out, err, terminal, verbose, sysroot, where);
    }

    /** {@code "FILE:LINE: "} in a script, else empty. */
    public String location() {
        return where == null ? "" : where + ": ";
    }
}
