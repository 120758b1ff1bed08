package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.util.List;

/** {@code help [VERB...]}: the command list, or one verb's help. */
public final class HelpCommand implements Command {
    private Commands commands;

    /** Called once by the registry owner so help can list its siblings. */
    public void bind(Commands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Launch launch() {
        return Launch.HELP;
    }

    @Override
    public String summary() {
        return "Print the command list, or the help of the given command";
    }

    @Override
    public String arguments() {
        return "[COMMAND]...";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public Completion positional(int index) {
        return Completion.VERB;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws UsageException {
        if (args.positionals().isEmpty()) {
            session.out().print(Help.overview(commands));
        } else {
            Command c = commands.resolve(args.positionals()).command();
            session.out().print(Help.forCommand(c));
        }
        return Dispatcher.EXIT_OK;
    }
}
