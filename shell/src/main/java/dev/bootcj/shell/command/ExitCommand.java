package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.util.List;

/**
 * {@code exit [CODE]}: leaves the shell or ends a script with CODE (default: the last command's code). The
 * shell and the script runner act on it before dispatch; on the command line it just returns CODE.
 */
public final class ExitCommand implements Command {
    @Override
    public String name() {
        return "exit";
    }

    @Override
    public String summary() {
        return "Leave the shell (or end a script) with the given exit code";
    }

    @Override
    public String arguments() {
        return "[CODE]";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Session session) throws UsageException {
        args.maxPositionals(1);
        return args.positionals().isEmpty() ? Dispatcher.EXIT_OK : code(args.positionals().getFirst());
    }

    /** Parses an exit code argument. */
    public static int code(String s) throws UsageException {
        try {
            int c = Integer.parseInt(s);
            if (c < 0 || c > 255) {
                throw new NumberFormatException();
            }
            return c;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid exit code '" + s + "' (expected 0 to 255)");
        }
    }
}
