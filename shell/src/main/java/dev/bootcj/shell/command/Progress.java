package dev.bootcj.shell.command;

import dev.bootcj.BootcException;
import dev.bootcj.deploy.ProgressListener;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.progress.JsonProgress;
import dev.bootcj.shell.progress.TerminalProgress;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The progress outputs of a pulling verb: live bars on a terminal unless {@code --quiet}, JSON lines to
 * {@code --progress-fd N} (an inherited descriptor, opened as {@code /proc/self/fd/N}), and the reporter for
 * the verb's own lines (nothing with {@code --quiet}).
 */
final class Progress implements AutoCloseable {
    private final Reporter reporter;
    private final ProgressListener listener;
    private final JsonProgress json;

    private Progress(Reporter reporter, ProgressListener listener, JsonProgress json) {
        this.reporter = reporter;
        this.listener = listener;
        this.json = json;
    }

    /** From {@code --quiet} and {@code --progress-fd}. */
    static Progress open(ParsedArgs args, Session session) throws UsageException, BootcException, CommandFailedException {
        boolean quiet = args.has(SwitchCommand.QUIET);
        JsonProgress json = null;
        if (args.has(SwitchCommand.PROGRESS_FD)) {
            int fd = args.get(SwitchCommand.PROGRESS_FD).orElseThrow();
            try {
                json = new JsonProgress(new FileOutputStream("/proc/self/fd/" + fd, true));
            } catch (IOException e) {
                throw new CommandFailedException("Cannot open progress fd " + fd + ": " + e.getMessage());
            }
        }
        Reporter reporter = quiet ? Reporter.quiet() : session.out()::println;
        ProgressListener bars = ProgressListener.NONE;
        if (!quiet && session.terminal()) {
            TerminalProgress t = new TerminalProgress(session.out(), columns());
            bars = t;
            reporter = t.reporter();
        }
        ProgressListener listener = bars;
        if (json != null) {
            JsonProgress j = json;
            ProgressListener b = bars;
            listener = e -> {
                b.onEvent(e);
                j.onEvent(e);
            };
        }
        return new Progress(reporter, listener, json);
    }

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    Reporter reporter() {
        return reporter;
    }

    ProgressListener listener() {
        return listener;
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.close();
        }
    }
}
