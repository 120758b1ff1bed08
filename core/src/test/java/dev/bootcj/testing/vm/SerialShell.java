package dev.bootcj.testing.vm;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Runs shell commands over a {@link SerialConsole} whose other end is a POSIX shell, framing each command's
 * output with unique markers. The begin marker is printed as {@code $((1+1))}, so the typed command line (if
 * echoed) never matches it; the end marker carries the exit status.
 */
final class SerialShell {
    private final SerialConsole console;
    private final AtomicInteger sequence = new AtomicInteger();

    SerialShell(SerialConsole console) {
        this.console = console;
    }

    /** Runs one command line (stdin from /dev/null, stderr merged into stdout). */
    CommandResult run(String command, Duration timeout) throws IOException, InterruptedException {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("command must be one line: " + command);
        }
        String id = "%d_%x".formatted(sequence.incrementAndGet(), System.nanoTime());
        int from = console.mark();
        // The newline before "}" lets the command end in "&" or a comment.
        console.send(" echo \"@@B" + id + "@@$((1+1))\"; { " + command + "\n } </dev/null 2>&1; echo \"@@E" + id
                + "@@$?@@\"\n");
        MatchResult begin = console.await(Pattern.compile("@@B" + id + "@@2\r?\n"), from, timeout,
                "the start of `" + command + "`");
        MatchResult end = console.await(Pattern.compile("@@E" + id + "@@(\\d+)@@"), begin.end(), timeout,
                "the end of `" + command + "`");
        String output = console.text(begin.end(), end.start()).replace("\r", "");
        if (output.endsWith("\n")) {
            output = output.substring(0, output.length() - 1);
        }
        return new CommandResult(command, Integer.parseInt(end.group(1)), output);
    }
}
