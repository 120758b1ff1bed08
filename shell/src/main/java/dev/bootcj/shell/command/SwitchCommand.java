package dev.bootcj.shell.command;

import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.SignaturePolicy;
import dev.bootcj.deploy.Switch;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Completion;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.shell.args.Value;
import dev.bootcj.spec.ImageSignature;
import java.util.List;

/** {@code bootc switch [--transport T] <TARGET>}: track and stage another image. */
public final class SwitchCommand implements Command {
    static final Flag QUIET = Flag.of("quiet", "Don't display progress");
    static final Flag APPLY = Flag.of("apply", "Restart or reboot into the new target image");
    /** {@code N} &gt; 2: 0, 1 and 2 are the standard streams. */
    static final Opt<Integer> PROGRESS_FD = Opt.of("progress-fd", "FD", "Write progress as JSON lines to FD",
            new Value<Integer>() {
                @Override
                public Integer parse(String text, Opt<Integer> option) throws UsageException {
                    int fd;
                    try {
                        fd = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw option.invalid(text, "not a number");
                    }
                    if (fd <= 2) {
                        throw option.invalid(text, "Cannot use fd " + fd + " for progress JSON");
                    }
                    return fd;
                }
            }).hide();
    static final Flag ENFORCE_SIGPOLICY = Flag.of("enforce-container-sigpolicy",
            "Enforce that signature verification is performed by containers-policy.json");
    static final Flag NO_SIGNATURE_VERIFICATION = Flag.of("no-signature-verification", "Deprecated; does nothing")
            .hide();
    static final Flag RETAIN = Flag.of("retain", "Retain reference to currently booted image");
    static final Flag MUTATE_IN_PLACE = Flag.of("mutate-in-place", "Only rewrite the newest deployment's origin").hide();

    @Override
    public String name() {
        return "switch";
    }

    @Override
    public Launch launch() {
        return Launch.IMPORT;
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
        return List.of(QUIET, APPLY, InspectImageCommand.TRANSPORT, ENFORCE_SIGPOLICY, NO_SIGNATURE_VERIFICATION,
                RETAIN, MUTATE_IN_PLACE, PROGRESS_FD, StatusCommand.SYSROOT);
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
        Transport transport = args.get(InspectImageCommand.TRANSPORT).orElse(Transport.REGISTRY);
        ImageSignature signature = args.has(ENFORCE_SIGPOLICY) ? new ImageSignature.ContainerPolicy() : null;
        if (signature != null) {
            SignaturePolicy.requireEnforcing();
        }
        OstreeImageReference ref = new OstreeImageReference(signature, transport,
                InspectImageCommand.absolute(transport, target));
        try (Progress progress = Progress.open(args, session); BootcSysroot host = BootcSysroot.open(StatusCommand.sysroot(args, session),
                () -> session.err().println("Waiting for sysroot lock..."))) {
            if (args.has(MUTATE_IN_PLACE)) {
                session.out().println(Switch.mutateInPlace(host, ref));
                return Dispatcher.EXIT_OK;
            }
            Switch.Outcome outcome = Switch.run(host, ref, RegistryOptions.defaults(), progress.reporter(),
                    progress.listener());
            if (args.has(APPLY) && outcome instanceof Switch.Outcome.Staged) {
                Reboot.now(session);
            }
        }
        return Dispatcher.EXIT_OK;
    }

    /** {@code --apply} reboots the running system: meaningless for an offline sysroot. */
    static void checkApply(ParsedArgs args) throws UsageException {
        if (args.has(APPLY) && args.has(StatusCommand.SYSROOT)) {
            throw new UsageException("the argument '--apply' cannot be used with '--sysroot' (nothing is booted there)");
        }
    }
}
