package dev.bootcj.shell.repl;

import dev.bootcj.deploy.Interrupts;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.command.Dispatcher;
import dev.bootcj.shell.command.ExitCommand;
import dev.bootcj.shell.command.Session;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.ImageStatus;
import dev.bootcj.status.HostStatusReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: the same verbs without the {@code bootc} prefix, completion from the command model,
 * persistent history, Ctrl-C clears the line, Ctrl-D or {@code exit [code]} leaves. The prompt names the
 * booted image and marks a staged update.
 */
public final class Repl {
    private final Dispatcher dispatcher;

    public Repl(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The history file: {@code $XDG_STATE_HOME/bootc/history}, else {@code ~/.local/state/bootc/history}. */
    public static Path historyFile() {
        String state = System.getenv("XDG_STATE_HOME");
        String home = System.getenv("HOME");
        Path base = state != null && !state.isEmpty() ? Path.of(state)
                : Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".local", "state");
        return base.resolve("bootc").resolve("history");
    }

    /** Runs until Ctrl-D or {@code exit}; returns the exit code. */
    public int run(Session session) throws IOException {
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        // JLine 4 probes grapheme-cluster support with terminal queries at start-up; with the exec provider the
        // replies can arrive before raw mode and land in the first input line. We need no such probing.
        System.setProperty("org.jline.terminal.graphemeCluster", "false");
        Path history = historyFile();
        Files.createDirectories(history.getParent());
        // Closing the terminal restores the modes it found.
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes user = terminal.getAttributes();
            Attributes betweenLines = betweenLines(user);
            terminal.setAttributes(betweenLines);
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            Session shellSession = new Session(out, out, true, session.verbose(), session.sysroot(), null,
                    program -> {
                        terminal.setAttributes(user);
                        try {
                            return program.inheritIO().start().waitFor();
                        } finally {
                            terminal.setAttributes(betweenLines);
                        }
                    });
            LineReader reader = LineReaderBuilder.builder()
                    .appName("bootc")
                    .terminal(terminal)
                    .parser(new ShellParser())
                    .completer(new CommandCompleter(dispatcher.commands(), () -> images(session),
                            () -> List.of("booted", "staged", "rollback", "0", "1", "2")))
                    .variable(LineReader.HISTORY_FILE, history)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .build();
            // Ctrl-C outside line editing interrupts the running command (which cleans up and fails; a long
            // libostree call is cancelled) and never ends the shell; inside line editing JLine turns it into
            // UserInterruptException.
            Thread shellThread = Thread.currentThread();
            terminal.handle(Terminal.Signal.INT, signal -> Interrupts.interrupt(shellThread));
            int last = Dispatcher.EXIT_OK;
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt(session));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return last;
                }
                List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                if (words.getFirst().equals("bootc")) {
                    words = words.subList(1, words.size());
                }
                if (!words.isEmpty() && words.getFirst().equals("exit")) {
                    reader.getHistory().save();
                    if (words.size() == 1) {
                        return last;
                    }
                    try {
                        return ExitCommand.code(words.get(1));
                    } catch (UsageException e) {
                        out.println("error: " + e.getMessage());
                        last = Dispatcher.EXIT_USAGE;
                        continue;
                    }
                }
                last = dispatcher.execute(words, shellSession);
                Thread.interrupted(); // a Ctrl-C that came after the command finished must not reach the next one
                reader.getHistory().save();
            }
        }
    }

    /**
     * The terminal modes while no line is being read, that is while a command runs: not canonical and without
     * echo, so keys typed ahead wait unchanged for the next prompt. JLine's {@code readLine} switches to raw mode
     * and back to these; in the user's canonical mode the line discipline would consume a typed-ahead Ctrl-D as
     * end-of-file (leaving a NUL byte for the next raw read) and echo other keys into the command's output. Signals
     * stay on: Ctrl-C interrupts the running command.
     */
    static Attributes betweenLines(Attributes user) {
        Attributes a = new Attributes(user);
        a.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN), false);
        a.setControlChar(ControlChar.VMIN, 1);
        a.setControlChar(ControlChar.VTIME, 0);
        return a;
    }

    /** {@code bootc [quay.io/x:1]> }, with {@code , staged y:2} when an update is staged. */
    static String prompt(Session session) {
        Host host;
        try {
            host = HostStatusReader.readWithoutLock(session.sysroot());
        } catch (Exception e) {
            return "bootc> ";
        }
        ImageStatus booted = host.status().booted() == null ? null : host.status().booted().image();
        ImageStatus staged = host.status().staged() == null ? null : host.status().staged().image();
        if (booted == null && staged == null) {
            return "bootc> ";
        }
        StringBuilder p = new StringBuilder("bootc [");
        p.append(booted == null ? "ostree" : booted.image().display());
        if (staged != null) {
            p.append(", staged ").append(staged.image().display());
        }
        return p.append("]> ").toString();
    }

    private static List<String> images(Session session) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Host host = HostStatusReader.readWithoutLock(session.sysroot());
            for (var e : new ArrayList<>(java.util.Arrays.asList(host.status().staged(), host.status().booted(),
                    host.status().rollback()))) {
                if (e != null && e.image() != null) {
                    out.add(e.image().image().image());
                }
            }
        } catch (Exception e) {
            // no sysroot: offer nothing from it
        }
        try {
            for (String line : Files.readAllLines(historyFile())) {
                String[] words = line.replaceFirst("^\\d+:\\d+:", "").trim().split("\\s+");
                for (int i = 0; i < words.length - 1; i++) {
                    if (words[i].equals("switch") || words[i].equals("inspect")) {
                        String last = words[words.length - 1];
                        if (!last.startsWith("-")) {
                            out.add(last);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // no history yet
        }
        return new ArrayList<>(out);
    }
}
