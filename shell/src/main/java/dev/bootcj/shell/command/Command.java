package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import java.util.List;

/**
 * One verb, defined once for the command line, the shell, help, usage errors and completion.
 * {@link #name()} may have several words ({@code install to-disk}).
 */
public interface Command {
    /** The verb path, words separated by one space. */
    String name();

    /** Other names of the last word ({@code update} for {@code upgrade}). */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for the command list. */
    String summary();

    /** The arguments after the name, for the usage line ({@code [OPTIONS] <IMAGE>}). */
    default String arguments() {
        return options().isEmpty() ? "" : "[OPTIONS]";
    }

    /** The flags it takes. */
    List<Option> options();

    /** What completes positional argument {@code index} ({@link Completion#NONE} by default). */
    default Completion positional(int index) {
        return Completion.NONE;
    }

    /** How the launcher starts the JVM for this verb ({@link Launch#SHORT} by default). */
    default Launch launch() {
        return Launch.SHORT;
    }

    /** Hidden from help and completion (upstream's hidden verbs). */
    default boolean hidden() {
        return false;
    }

    /** Runs the command; returns the exit code (0 ok, 1 failure). Usage errors throw. */
    int run(ParsedArgs args, Session session) throws Exception;

    /**
     * Called as soon as it is known that this verb will run (by the command line first thing, by the shell for
     * each line), before the arguments are parsed: a command may start slow class initialisation on another
     * thread here. {@code args} are the raw words after the verb, possibly malformed. Nothing by default; must
     * not fail.
     */
    default void startWarmUp(List<String> args, Session session) {
    }

    /** {@code Usage: bootc <name> <arguments>}. */
    default String usage() {
        String a = arguments();
        return "bootc " + name() + (a.isEmpty() ? "" : " " + a);
    }
}
