package dev.bootcj.shell;

import dev.bootcj.shell.command.Commands;
import dev.bootcj.shell.command.Dispatcher;
import dev.bootcj.shell.command.Help;
import dev.bootcj.shell.command.Session;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bootc} entry point: parses the global flags, dispatches one command (or opens the shell),
 * and is the only caller of {@link System#exit}.
 */
public final class Main {
    /** The version printed by {@code bootc --version}. */
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(List.of(argv)));
    }

    /** Runs {@code bootc argv...} and returns the exit code. */
    public static int run(List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        boolean verbose = args.remove("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null && System.console().isTerminal();
        Session session = new Session(out, err, terminal, verbose, Path.of(
                System.getenv().getOrDefault("BOOTC_SYSROOT", "/")));
        Dispatcher dispatcher = new Dispatcher(new Commands(Verbs.all()));
        if (!args.isEmpty() && (args.getFirst().equals("-V") || args.getFirst().equals("--version"))) {
            out.println("bootc " + VERSION + " (bootc for Java)");
            return Dispatcher.EXIT_OK;
        }
        if (args.isEmpty() || args.getFirst().equals("-h") || args.getFirst().equals("--help")) {
            if (args.isEmpty() && terminal) {
                args = List.of("shell");
            } else {
                (args.isEmpty() ? err : out).print(Help.overview(dispatcher.commands()));
                return args.isEmpty() ? Dispatcher.EXIT_USAGE : Dispatcher.EXIT_OK;
            }
        }
        return dispatcher.execute(args, session);
    }
}
