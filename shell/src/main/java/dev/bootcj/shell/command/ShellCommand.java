package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.Value;
import dev.bootcj.shell.batch.ScriptRunner;
import dev.bootcj.shell.repl.Repl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc shell [-f FILE] [--keep-going]}: the interactive shell on a terminal; a batch script from
 * {@code -f FILE} or from standard input otherwise.
 */
public final class ShellCommand implements Command {
    static final Opt<Path> FILE = Opt.of("file", "FILE", "Run the commands in FILE (one per line; - for standard input)",
            Value.FILE).withShort("f");
    static final Flag KEEP_GOING = Flag.of("keep-going", "Run the remaining lines after a command fails");

    private Dispatcher dispatcher;

    /** Called once by the registry owner. */
    public void bind(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public Launch launch() {
        return Launch.SHELL;
    }

    @Override
    public String summary() {
        return "Open the interactive shell, or run a script of bootc commands";
    }

    @Override
    public List<Option> options() {
        return List.of(FILE, KEEP_GOING);
    }

    @Override
    public Completion positional(int index) {
        return Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        boolean keepGoing = args.has(KEEP_GOING);
        Path file = args.get(FILE).orElse(null);
        if (file != null && !file.toString().equals("-")) {
            return runScript(file, session, keepGoing);
        }
        if (file == null && System.console() != null && System.console().isTerminal()) {
            return new Repl(dispatcher).run(session);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new ScriptRunner(dispatcher).run(in, "<stdin>", session, keepGoing);
    }

    /** Runs a script file. */
    public int runScript(Path file, Session session, boolean keepGoing) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("no such script: " + file);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ScriptRunner(dispatcher).run(in, file.toString(), session, keepGoing);
        }
    }
}
