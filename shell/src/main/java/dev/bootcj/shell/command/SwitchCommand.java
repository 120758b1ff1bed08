package dev.bootcj.shell.command;

import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.SignaturePolicy;
import dev.bootcj.deploy.Switch;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.spec.ImageSignature;
import java.util.List;

/** {@code bootc switch [--transport T] <TARGET>}: track and stage another image. */
public final class SwitchCommand implements Command {
    static final Option QUIET = Option.flag("quiet", "Don't display progress");
    static final Option APPLY = Option.flag("apply", "Restart or reboot into the new target image");
    static final Option PROGRESS_FD = Option.value("progress-fd", "FD", "Write progress as JSON lines to FD").hide();

    @Override
    public String name() {
        return "switch";
    }

    @Override
    public String summary() {
        return "Target a new container image reference to boot";
    }

    @Override
    public String arguments() {
        return "[OPTIONS] <TARGET>";
    }

    @Override
    public List<Option> options() {
        return List.of(QUIET, APPLY,
                InspectImageCommand.TRANSPORT,
                Option.flag("enforce-container-sigpolicy",
                        "Enforce that signature verification is performed by containers-policy.json"),
                Option.flag("no-signature-verification", "Deprecated; does nothing").hide(),
                Option.flag("retain", "Retain reference to currently booted image"),
                Option.flag("mutate-in-place", "Only rewrite the newest deployment's origin").hide(),
                PROGRESS_FD,
                StatusCommand.SYSROOT);
    }

    @Override
    public Completion positional(int index) {
        return index == 0 ? Completion.IMAGE : Completion.NONE;
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        String target = args.positional(0, "TARGET");
        args.maxPositionals(1);
        checkApply(args);
        Transport transport = Transport.parse(args.value("transport").orElse("registry"));
        ImageSignature signature = args.has("enforce-container-sigpolicy") ? new ImageSignature.ContainerPolicy() : null;
        if (signature != null) {
            SignaturePolicy.requireEnforcing();
        }
        OstreeImageReference ref = new OstreeImageReference(signature, transport,
                InspectImageCommand.absolute(transport, target));
        try (Progress progress = Progress.open(args, session); BootcSysroot host = BootcSysroot.open(StatusCommand.sysroot(args, session),
                () -> session.err().println("Waiting for sysroot lock..."))) {
            if (args.has("mutate-in-place")) {
                session.out().println(Switch.mutateInPlace(host, ref));
                return Dispatcher.EXIT_OK;
            }
            Switch.Outcome outcome = Switch.run(host, ref, RegistryOptions.defaults(), progress.reporter(),
                    progress.listener());
            if (args.has("apply") && outcome instanceof Switch.Outcome.Staged) {
                Reboot.now(session);
            }
        }
        return Dispatcher.EXIT_OK;
    }

    /** {@code --apply} reboots the running system: meaningless for an offline sysroot. */
    static void checkApply(ParsedArgs args) throws UsageException {
        if (args.has("apply") && args.has("sysroot")) {
            throw new UsageException("the argument '--apply' cannot be used with '--sysroot' (nothing is booted there)");
        }
    }
}
