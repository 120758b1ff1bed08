package dev.bootcj.shell;

import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.command.Commands;
import dev.bootcj.shell.command.Dispatcher;
import dev.bootcj.shell.command.Help;
import dev.bootcj.shell.command.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        int code = run(List.of(argv));
        if (code != Dispatcher.EXIT_OK || othersRunning()) {
            System.exit(code);
        }
        // Success with nothing else running: returning ends the JVM with status 0 and runs the shutdown hooks, as
        // System.exit would, but without Runtime.exit's logger lookup (a service scan of every jar on the module
        // path, about a fifth of `bootc status`).
    }

    /** Whether a non-daemon thread other than this one is alive (it would keep the JVM up after main returns). */
    private static boolean othersRunning() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        if (n == threads.length) {
            return true; // more than we can see: be safe
        }
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScript(String arg) {
        Path p = Path.of(arg);
        if (arg.startsWith("-") || !Files.isRegularFile(p)) {
            return false;
        }
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code bootc argv...} and returns the exit code. */
    public static int run(List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        boolean verbose = args.remove("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Dispatcher dispatcher = new Dispatcher(new Commands(Verbs.all()));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Session session = new Session(out, err, Session.stdoutIsTerminal(), verbose, Path.of(
                System.getenv().getOrDefault("BOOTC_SYSROOT", "/")), null, Session.Foreground.INHERIT);
        if (!args.isEmpty()) {
            // As early as possible; execute() calls it again.
            try {
                Commands.Resolved verb = dispatcher.commands().resolve(args);
                verb.command().startWarmUp(verb.args(), session);
            } catch (UsageException e) {
                // reported by execute()
            }
        }
        if (!args.isEmpty() && (args.getFirst().equals("-V") || args.getFirst().equals("--version"))) {
            out.println("bootc " + VERSION + " (bootc for Java)");
            return Dispatcher.EXIT_OK;
        }
        if (args.isEmpty()) {
            // On a terminal: the interactive shell. Otherwise: a script on standard input.
            args = List.of("shell");
        } else if (args.getFirst().equals("-h") || args.getFirst().equals("--help")) {
            out.print(Help.overview(dispatcher.commands()));
            return Dispatcher.EXIT_OK;
        } else if (isScript(args.getFirst())) {
            // "#!/usr/bin/bootc" scripts: the kernel runs "bootc SCRIPT [ARGS]".
            args = List.of("shell", "--file", args.getFirst());
        }
        List<String> command = args;
        return onCommandThread(() -> dispatcher.execute(command, session));
    }

    /**
     * The stack of the thread every command runs on. libostree's checkout (and the deployment that uses it) recurses
     * in native code once per directory level, about a kilobyte a level, and the importer's tree walks recurse in
     * Java: a tree as deep as {@code PATH_MAX} allows (2,048 one-letter levels) overflowed the JVM's default thread
     * stack with a SIGSEGV. The size is reserved address space; only what a deep tree uses is ever touched.
     */
    static final long COMMAND_STACK_BYTES = 64L << 20;

    /** Runs {@code command} on a thread with {@link #COMMAND_STACK_BYTES} of stack and returns its exit code. */
    static int onCommandThread(java.util.function.IntSupplier command) {
        int[] code = {Dispatcher.EXIT_FAILED};
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                code[0] = command.getAsInt();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "bootc", COMMAND_STACK_BYTES);
        t.start();
        dev.bootcj.Threads.joinUninterruptibly(t);
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return code[0];
    }
}
