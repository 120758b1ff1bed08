package dev.bootcj.shell.command;

import dev.bootcj.deploy.DeploymentInspector;
import dev.bootcj.deploy.TreeDiff;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc inspect deployment <booted|staged|rollback|N>}: origin, commit, version, kernel arguments, and the
 * {@code /etc} files changed against the image's defaults in {@code /usr/etc}.
 */
public final class InspectDeploymentCommand implements Command {
    @Override
    public String name() {
        return "inspect deployment";
    }

    @Override
    public String summary() {
        return "Show a deployment's origin, commit, version, kernel arguments and local /etc changes";
    }

    @Override
    public String arguments() {
        return "[OPTIONS] <DEPLOYMENT>";
    }

    @Override
    public List<Option> options() {
        return List.of(StatusCommand.SYSROOT);
    }

    @Override
    public Completion positional(int index) {
        return index == 0 ? Completion.DEPLOYMENT : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String name = args.positional(0, "DEPLOYMENT");
        args.maxPositionals(1);
        Path sysroot = StatusCommand.sysroot(args, session);
        requireDeployment(sysroot, name);
        DeploymentInspector.Info d = DeploymentInspector.deployment(sysroot, name);
        PrintStream out = session.out();
        out.println("Deployment " + d.index() + (d.slots().isEmpty() ? "" : " (" + String.join(", ", d.slots()) + ")"));
        row(out, "Stateroot", d.osname());
        row(out, "Commit", d.checksum() + "." + d.deploySerial());
        row(out, "Origin", d.origin() == null ? "(none)" : d.origin());
        if (d.imageDigest() != null) {
            row(out, "Digest", d.imageDigest());
        }
        if (d.version() != null) {
            row(out, "Version", d.version());
        }
        row(out, "Kargs", d.kernelArguments().isEmpty() ? "(none)" : String.join(" ", d.kernelArguments()));
        if (d.etcChanges().isEmpty()) {
            out.println("/etc: no changes against /usr/etc");
        } else {
            out.println("/etc changes against /usr/etc (" + d.etcChanges().size() + "):");
            InspectDiffCommand.print(out, d.etcChanges().stream()
                    .map(c -> new TreeDiff.Change("/etc" + c.path(), c.kind(), c.oldSize(), c.newSize())).toList());
        }
        return Dispatcher.EXIT_OK;
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(" ".repeat(Math.max(0, 11 - label.length())) + label + ": " + value);
    }

    /** A name that is not a deployment of this sysroot is a usage error naming the ones that exist. */
    static void requireDeployment(Path sysroot, String name) throws Exception {
        if (!DeploymentInspector.isDeploymentName(name)) {
            throw new UsageException("invalid deployment '" + name + "': expected booted, staged, rollback or an index");
        }
        List<String> names = DeploymentInspector.names(sysroot);
        if (!names.contains(name)) {
            throw new UsageException("no deployment '" + name + "' in " + sysroot + " (deployments: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
    }
}
