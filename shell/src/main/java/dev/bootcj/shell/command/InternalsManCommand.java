package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.args.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code bootc internals man --directory DIR} (hidden, like upstream's {@code man} verb): writes {@code bootc.8}
 * and one {@code bootc-<verb>.8} per visible command into DIR.
 */
public final class InternalsManCommand implements Command {
    static final Opt<Path> DIRECTORY = Opt.of("directory", "DIR", "Where to write the pages (created if missing)",
            Value.DIR);

    private final Supplier<List<Command>> registry;

    /** @param registry the verbs to describe (the program's own registry) */
    public InternalsManCommand(Supplier<List<Command>> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "internals man";
    }

    @Override
    public String summary() {
        return "Write the man pages";
    }

    @Override
    public List<Option> options() {
        return List.of(DIRECTORY);
    }

    @Override
    public boolean hidden() {
        return true;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        Path dir = args.get(DIRECTORY).orElseThrow(() -> new UsageException("missing option '--directory <DIR>'"));
        Files.createDirectories(dir);
        Commands commands = new Commands(registry.get());
        Files.writeString(dir.resolve(Docs.manFile(null)), Docs.manOverview(commands), StandardCharsets.UTF_8);
        for (Command c : commands.visible()) {
            Files.writeString(dir.resolve(Docs.manFile(c)), Docs.man(c), StandardCharsets.UTF_8);
        }
        return Dispatcher.EXIT_OK;
    }
}
