package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Suggest;
import dev.bootcj.shell.args.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered registry of verbs. It drives dispatch, the command list in help, completion of verbs and the
 * unknown-command message.
 */
public final class Commands {
    private final List<Command> commands;

    /**
     * A resolved command line.
     *
     * @param command the command
     * @param args the arguments after its name
     */
    public record Resolved(Command command, List<String> args) {
    }

    public Commands(List<Command> commands) {
        this.commands = List.copyOf(commands);
        for (Command c : this.commands) {
            if (c instanceof HelpCommand help) {
                help.bind(this);
            }
        }
    }

    /** All commands in registry order. */
    public List<Command> all() {
        return commands;
    }

    /** The visible commands. */
    public List<Command> visible() {
        return commands.stream().filter(c -> !c.hidden()).toList();
    }

    /** The command named exactly {@code name} (words separated by a space), aliases included. */
    public Optional<Command> find(String name) {
        return commands.stream().filter(c -> names(c).contains(name)).findFirst();
    }

    /** Finds the command for the leading words of {@code argv} (longest match). */
    public Resolved resolve(List<String> argv) throws UsageException {
        if (argv.isEmpty()) {
            throw new UsageException("a subcommand is required");
        }
        Command best = null;
        int bestWords = 0;
        for (Command c : commands) {
            for (String name : names(c)) {
                String[] words = name.split(" ");
                if (words.length > bestWords && words.length <= argv.size()
                        && List.of(words).equals(argv.subList(0, words.length))) {
                    best = c;
                    bestWords = words.length;
                }
            }
        }
        if (best == null) {
            String first = argv.getFirst();
            List<String> groups = subcommandsOf("");
            if (groups.contains(first)) {
                String group = first;
                String next = argv.size() > 1 ? argv.get(1) : null;
                List<String> subs = subcommandsOf(group);
                if (next == null) {
                    throw new UsageException("'" + group + "' requires a subcommand: " + String.join(", ", subs));
                }
                throw new UsageException("unrecognized subcommand '" + next + "' of '" + group + "'"
                        + Suggest.nearest(next, subs).map(s -> "; did you mean '" + group + " " + s + "'?").orElse(""));
            }
            throw new UsageException("unrecognized subcommand '" + first + "'"
                    + Suggest.nearest(first, groups).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        return new Resolved(best, List.copyOf(argv.subList(bestWords, argv.size())));
    }

    /** The visible next words after {@code prefix} ("" for the first word). */
    public List<String> subcommandsOf(String prefix) {
        Set<String> out = new LinkedHashSet<>();
        String p = prefix.isEmpty() ? "" : prefix + " ";
        for (Command c : visible()) {
            for (String name : names(c)) {
                if (name.startsWith(p)) {
                    out.add(name.substring(p.length()).split(" ")[0]);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The names of a command: its own, then one per alias (the alias replacing the last word). */
    public static List<String> names(Command c) {
        List<String> out = new ArrayList<>();
        out.add(c.name());
        int space = c.name().lastIndexOf(' ');
        for (String alias : c.aliases()) {
            out.add(space < 0 ? alias : c.name().substring(0, space + 1) + alias);
        }
        return out;
    }
}
