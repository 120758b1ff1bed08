package dev.bootcj.shell.batch;

import dev.bootcj.shell.command.Dispatcher;
import dev.bootcj.shell.command.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Runs a script of bootc commands through the same {@link Dispatcher} as the command line: one command per
 * line, without the {@code bootc} prefix; blank lines and {@code #} comments skipped; a trailing {@code \}
 * continues the line. Stops at the first failing command (its exit code is the script's), reporting
 * {@code FILE:LINE: ...}, unless keep-going is set, in which case the last failure's code is returned.
 */
public final class ScriptRunner {
    private final Dispatcher dispatcher;

    public ScriptRunner(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Runs the script read from {@code in}, named {@code name} in messages. */
    public int run(BufferedReader in, String name, Session session, boolean keepGoing) throws IOException {
        int result = Dispatcher.EXIT_OK;
        int lineNumber = 0;
        String line;
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("#!")) {
                continue;
            }
            if (pending.isEmpty()) {
                startLine = lineNumber;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
            }
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String command = pending.toString();
            pending.setLength(0);
            List<String> words;
            try {
                words = Tokenizer.split(command);
            } catch (Tokenizer.UnclosedQuoteException e) {
                session.err().println(name + ":" + startLine + ": error: " + e.getMessage());
                return Dispatcher.EXIT_USAGE;
            }
            if (!words.isEmpty() && words.getFirst().equals("bootc")) {
                words = words.subList(1, words.size());
            }
            if (!words.isEmpty() && words.getFirst().equals("exit")) {
                Session here = session.at(name + ":" + startLine);
                return dispatcher.execute(words.size() > 1 ? words : List.of("exit", Integer.toString(result)), here);
            }
            int code = words.isEmpty() ? Dispatcher.EXIT_OK : dispatcher.execute(words, session.at(name + ":" + startLine));
            if (code != Dispatcher.EXIT_OK) {
                result = code;
                if (!keepGoing) {
                    return code;
                }
            }
        }
        if (!pending.isEmpty()) {
            session.err().println(name + ":" + startLine + ": error: the last line ends with a '\\' continuation");
            return Dispatcher.EXIT_USAGE;
        }
        return result;
    }
}
