package dev.bootcj.shell.command;

import dev.bootcj.Bytes;
import dev.bootcj.deploy.DeploymentInspector;
import dev.bootcj.deploy.TreeDiff;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.progress.Units;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc inspect diff <A> <B>}: the files added ({@code A}), removed ({@code D}) and changed ({@code M})
 * from {@code A} to {@code B}, with sizes. Each side is a deployment ({@code booted}, {@code staged},
 * {@code rollback}, {@code N}) or an image already in the repository.
 */
public final class InspectDiffCommand implements Command {
    @Override
    public String name() {
        return "inspect diff";
    }

    @Override
    public String summary() {
        return "List the files added, removed and changed between two deployments or stored images";
    }

    @Override
    public String arguments() {
        return "[OPTIONS] <FROM> <TO>";
    }

    @Override
    public List<Option> options() {
        return List.of(StatusCommand.SYSROOT);
    }

    @Override
    public Completion positional(int index) {
        return index < 2 ? Completion.DEPLOYMENT : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String a = args.positional(0, "FROM");
        String b = args.positional(1, "TO");
        args.maxPositionals(2);
        Path sysroot = StatusCommand.sysroot(args, session);
        for (String name : List.of(a, b)) {
            if (DeploymentInspector.isDeploymentName(name)) {
                InspectDeploymentCommand.requireDeployment(sysroot, name);
            }
        }
        List<TreeDiff.Change> changes = DeploymentInspector.diff(sysroot, a, b);
        print(session.out(), changes);
        long added = changes.stream().filter(c -> c.kind() == TreeDiff.Kind.ADDED).count();
        long removed = changes.stream().filter(c -> c.kind() == TreeDiff.Kind.REMOVED).count();
        session.out().println(changes.size() + " files differ: " + added + " added, " + removed + " removed, "
                + (changes.size() - added - removed) + " changed");
        return Dispatcher.EXIT_OK;
    }

    /** {@code A /path (size)}, {@code D /path (size)}, {@code M /path (old -> new)}. */
    static void print(PrintStream out, List<TreeDiff.Change> changes) {
        for (TreeDiff.Change c : changes) {
            out.println(switch (c.kind()) {
                case ADDED -> "A " + c.path() + " (" + Bytes.human(c.newSize()) + ")";
                case REMOVED -> "D " + c.path() + " (" + Bytes.human(c.oldSize()) + ")";
                case CHANGED -> "M " + c.path() + " (" + Bytes.human(c.oldSize()) + " -> " + Bytes.human(c.newSize())
                        + ")";
            });
        }
    }
}
