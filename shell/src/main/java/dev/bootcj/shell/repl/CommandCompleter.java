package dev.bootcj.shell.repl;

import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.command.Command;
import dev.bootcj.shell.command.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion from the command model: verbs and sub-verbs, the resolved command's flags, the allowed values of
 * a flag, and positional values by kind (verbs, files, deployment names, image references).
 */
final class CommandCompleter implements Completer {
    private final Commands commands;
    private final Supplier<List<String>> images;
    private final Supplier<List<String>> deployments;

    /**
     * @param commands the registry
     * @param images image references to offer (known to the repo, seen in history)
     * @param deployments deployment names to offer ({@code booted}, {@code rollback}, indexes...)
     */
    CommandCompleter(Commands commands, Supplier<List<String>> images, Supplier<List<String>> deployments) {
        this.commands = commands;
        this.images = images;
        this.deployments = deployments;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = new ArrayList<>(line.words().subList(0, line.wordIndex()));
        if (!before.isEmpty() && before.getFirst().equals("bootc")) {
            before.removeFirst();
        }
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        Command command = null;
        List<String> args = List.of();
        try {
            if (!before.isEmpty()) {
                Commands.Resolved r = commands.resolve(before);
                command = r.command();
                args = r.args();
            }
        } catch (UsageException e) {
            command = null;
        }
        if (command == null) {
            String prefix = String.join(" ", before);
            List<String> next = commands.subcommandsOf(prefix);
            if (before.isEmpty()) {
                next = new ArrayList<>(next);
                next.add("exit");
            }
            next.forEach(w -> candidates.add(new Candidate(w)));
            return;
        }
        if (!args.isEmpty()) {
            if (option(command, args.getLast()) instanceof Opt<?> pending && !args.getLast().contains("=")) {
                pending.suggestions().forEach(v -> candidates.add(new Candidate(v)));
                offer(pending.completion(), current, candidates);
                return;
            }
        }
        if (current.startsWith("-")) {
            for (Option o : command.options()) {
                if (!o.hidden()) {
                    candidates.add(new Candidate("--" + o.name(), "--" + o.name(), null, o.help(), null, null, true));
                }
            }
            candidates.add(new Candidate("--help"));
            return;
        }
        offer(command.positional(countPositionals(command, args)), current, candidates);
    }

    /** The candidates of a kind, for a positional argument or an option's value. */
    private void offer(Completion kind, String current, List<Candidate> candidates) {
        switch (kind) {
            case VERB -> commands.subcommandsOf("").forEach(w -> candidates.add(new Candidate(w)));
            case FILE -> files(current, false, candidates);
            case DIR -> files(current, true, candidates);
            case IMAGE -> images.get().forEach(i -> candidates.add(new Candidate(i)));
            case DEPLOYMENT -> deployments.get().forEach(d -> candidates.add(new Candidate(d)));
            case NONE -> { }
        }
    }

    /** Paths (or only directories) starting with {@code word}; directories end in '/' and leave the word open. */
    private static void files(String word, boolean dirsOnly, List<Candidate> candidates) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        java.nio.file.Path dir = java.nio.file.Path.of(dirPart.isEmpty() ? "." : dirPart);
        try (var entries = java.nio.file.Files.list(dir)) {
            entries.forEach(p -> {
                String name = dirPart + p.getFileName();
                boolean isDir = java.nio.file.Files.isDirectory(p);
                if (dirsOnly && !isDir) {
                    return;
                }
                candidates.add(new Candidate(isDir ? name + "/" : name, p.getFileName().toString(), null, null,
                        null, null, !isDir));
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // an unreadable directory offers nothing
        }
    }

    private static Option option(Command c, String word) {
        if (!word.startsWith("-")) {
            return null;
        }
        String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
        for (Option o : c.options()) {
            if (name.equals(o.name()) || name.equals(o.shortName())) {
                return o;
            }
        }
        return null;
    }

    private static int countPositionals(Command c, List<String> args) {
        int n = 0;
        for (int i = 0; i < args.size(); i++) {
            Option o = option(c, args.get(i));
            if (o != null) {
                if (o.takesValue() && !args.get(i).contains("=")) {
                    i++;
                }
            } else if (!args.get(i).startsWith("-")) {
                n++;
            }
        }
        return n;
    }
}
