package dev.bootcj.shell.command;

import dev.bootcj.BootcException;
import dev.bootcj.shell.args.ArgParser;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command line (argv without the program name) and maps every outcome to an exit code:
 * 0 ok, 1 failure ({@code error: <message>}), 2 usage ({@code error: <message>}, then the usage).
 * The command line, the shell and batch scripts all go through here.
 */
public final class Dispatcher {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** The command failed. */
    public static final int EXIT_FAILED = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;

    private static final Flag HELP = Flag.of("help", "Print help").withShort("h");

    private final Commands commands;

    public Dispatcher(Commands commands) {
        this.commands = commands;
        for (Command c : commands.all()) {
            if (c instanceof ShellCommand shell) {
                shell.bind(this);
            }
        }
    }

    /** The registry. */
    public Commands commands() {
        return commands;
    }

    /** Runs {@code argv} and returns its exit code; never throws for a command's failure. */
    public int execute(List<String> argv, Session session) {
        Command command = null;
        try {
            Commands.Resolved resolved = commands.resolve(argv);
            command = resolved.command();
            command.startWarmUp(resolved.args(), session);
            List<Option> options = new ArrayList<>(command.options());
            options.add(HELP);
            ParsedArgs args = ArgParser.parse(resolved.args(), options);
            if (args.has(HELP)) {
                session.out().print(Help.forCommand(command));
                return EXIT_OK;
            }
            return command.run(args, session);
        } catch (UsageException e) {
            session.err().println(session.location() + "error: " + e.getMessage());
            session.err().println();
            session.err().println("Usage: " + (command == null ? "bootc <COMMAND>" : command.usage()));
            session.err().println();
            session.err().println("For more information, try '"
                    + (command == null ? "bootc --help" : "bootc " + command.name() + " --help") + "'.");
            return EXIT_USAGE;
        } catch (BootcException | IOException | CommandFailedException e) {
            session.err().println(session.location() + "error: " + e.getMessage());
            if (session.verbose()) {
                e.printStackTrace(session.err());
            }
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.err().println(session.location() + "error: interrupted");
            return EXIT_FAILED;
        } catch (Exception e) {
            session.err().println(session.location() + "internal error: " + e);
            if (session.verbose()) {
                e.printStackTrace(session.err());
            } else {
                session.err().println("(run with --verbose for the stack trace)");
            }
            return EXIT_FAILED;
        }
    }
}
