package dev.bootcj.shell.command;

import dev.bootcj.deploy.Lint;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc container lint [--rootfs DIR] [--fatal-warnings] [--list] [--skip NAME]...}: static checks of a
 * container image's root, meant as a build step ({@code RUN bootc container lint}). Exits 1 when a fatal check
 * fails (or any, with {@code --fatal-warnings}).
 */
public final class ContainerLintCommand implements Command {
    static final Opt<String> ROOTFS = Opt.of("rootfs", "DIR", "Operate on the root file system at DIR (default: /)",
            Value.DIR_NAME);
    static final Flag FATAL_WARNINGS = Flag.of("fatal-warnings", "Make warnings fatal");
    static final Flag LIST = Flag.of("list",
            "Print the available lints (YAML, not a stable format) instead of running them");
    static final Opt<String> SKIP = Opt.of("skip", "NAME", "Skip the named lint (repeatable; see --list)", Value.TEXT)
            .repeat();

    @Override
    public String name() {
        return "container lint";
    }

    @Override
    public String summary() {
        return "Check a container image's root for problems (as a build step)";
    }

    @Override
    public List<Option> options() {
        return List.of(ROOTFS, FATAL_WARNINGS, LIST, SKIP);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        if (args.has(LIST)) {
            session.out().print(Lint.list());
            session.out().flush();
            return Dispatcher.EXIT_OK;
        }
        String rootfs = args.get(ROOTFS).orElse("/");
        Lint.RootType type = rootfs.equals("/") ? Lint.RootType.RUNNING : Lint.RootType.ALTERNATIVE;
        Lint.Report report;
        try {
            report = Lint.run(Path.of(rootfs), type, args.all(SKIP));
        } catch (NoSuchFileException e) {
            throw new CommandFailedException("Opening rootfs " + rootfs + ": No such file or directory");
        } catch (NotDirectoryException e) {
            throw new CommandFailedException("Opening rootfs " + rootfs + ": Not a directory");
        } catch (IOException e) {
            throw new CommandFailedException("Opening rootfs " + rootfs + ": " + e.getMessage());
        }
        session.out().write(Lint.render(report).getBytes(StandardCharsets.UTF_8));
        session.out().flush();
        var failure = report.failure(args.has(FATAL_WARNINGS));
        if (failure.isPresent()) {
            throw new CommandFailedException(failure.get());
        }
        return Dispatcher.EXIT_OK;
    }
}
