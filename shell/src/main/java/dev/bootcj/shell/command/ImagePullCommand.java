package dev.bootcj.shell.command;

import dev.bootcj.deploy.ImagePull;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.args.Value;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc image pull [--transport T] <IMAGE> [--repo DIR | --sysroot DIR]}: import an image into an ostree
 * repository as bootc stores it, without deploying it.
 */
public final class ImagePullCommand implements Command {
    static final Opt<Path> REPO = Opt.of("repo", "DIR", "An existing ostree repository (any mode) to import into",
            Value.DIR);

    @Override
    public String name() {
        return "image pull";
    }

    @Override
    public Launch launch() {
        return Launch.IMPORT;
    }

    @Override
    public String summary() {
        return "Import a container image into the ostree repository without deploying it";
    }

    @Override
    public String arguments() {
        return "[OPTIONS] <IMAGE>";
    }

    @Override
    public List<Option> options() {
        return List.of(InspectImageCommand.TRANSPORT, REPO, StatusCommand.SYSROOT, SwitchCommand.QUIET, SwitchCommand.PROGRESS_FD);
    }

    @Override
    public Completion positional(int index) {
        return index == 0 ? Completion.IMAGE : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String name = args.positional(0, "IMAGE");
        args.maxPositionals(1);
        args.exclusive(REPO, StatusCommand.SYSROOT);
        Transport transport = args.get(InspectImageCommand.TRANSPORT).orElse(Transport.REGISTRY);
        Path target = args.has(REPO) ? args.get(REPO).orElseThrow() : StatusCommand.sysroot(args, session);
        if (!args.has(REPO) && target.toString().equals("/") && !args.has(StatusCommand.SYSROOT)) {
            target = Path.of("/sysroot");
        }
        if (name.isEmpty()) {
            throw new UsageException("empty image name");
        }
        name = InspectImageCommand.absolute(transport, name);
        ImagePull.Pulled pulled;
        Reporter out;
        try (Progress progress = Progress.open(args, session)) {
            out = progress.reporter();
            pulled = ImagePull.pullInto(target, new OstreeImageReference(null, transport, name),
                    RegistryOptions.defaults(), out, false, progress.listener());
        }
        out.line((pulled.alreadyPresent() ? "Already present: " : "Imported: ") + transport.prefix() + name);
        out.line("  Digest: " + pulled.manifestDigest());
        out.line("  Commit: " + pulled.commit());
        return Dispatcher.EXIT_OK;
    }
}
