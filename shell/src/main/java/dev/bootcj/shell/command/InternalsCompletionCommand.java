package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.util.List;
import java.util.function.Supplier;

/** {@code bootc internals completion bash} (hidden): prints the bash completion script of the command model. */
public final class InternalsCompletionCommand implements Command {
    private final Supplier<List<Command>> registry;

    /** @param registry the verbs to describe (the program's own registry) */
    public InternalsCompletionCommand(Supplier<List<Command>> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "internals completion";
    }

    @Override
    public String summary() {
        return "Print a shell completion script";
    }

    @Override
    public String arguments() {
        return "<SHELL>";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public boolean hidden() {
        return true;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String shell = args.positional(0, "SHELL");
        args.maxPositionals(1);
        if (!shell.equals("bash")) {
            throw new UsageException("invalid value '" + shell + "' for '<SHELL>' [possible values: bash]");
        }
        session.out().print(Docs.bashCompletion(new Commands(registry.get())));
        session.out().flush();
        return Dispatcher.EXIT_OK;
    }
}
