package dev.bootcj.shell.command;

import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.Upgrade;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import java.util.List;

/** {@code bootc upgrade [--check|--apply]}: fetch and stage the tracked image if it changed. */
public final class UpgradeCommand implements Command {
    static final Flag CHECK = Flag.of("check", "Check if an update is available without applying it");

    @Override
    public String name() {
        return "upgrade";
    }

    @Override
    public List<String> aliases() {
        return List.of("update");
    }

    @Override
    public Launch launch() {
        return Launch.IMPORT;
    }

    @Override
    public String summary() {
        return "Download and queue an updated container image to apply";
    }

    @Override
    public List<Option> options() {
        return List.of(SwitchCommand.QUIET, CHECK, SwitchCommand.APPLY,
                SwitchCommand.PROGRESS_FD,
                StatusCommand.SYSROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        args.exclusive(CHECK, SwitchCommand.APPLY);
        SwitchCommand.checkApply(args);
        try (Progress progress = Progress.open(args, session); BootcSysroot host = BootcSysroot.open(StatusCommand.sysroot(args, session),
                () -> session.err().println("Waiting for sysroot lock..."))) {
            Upgrade.Outcome outcome = Upgrade.run(host, args.has(CHECK), RegistryOptions.defaults(),
                    progress.reporter(), progress.listener());
            if (args.has(SwitchCommand.APPLY) && (outcome instanceof Upgrade.Outcome.Staged
                    || outcome instanceof Upgrade.Outcome.AlreadyStaged)) {
                Reboot.now(session);
            }
        }
        return Dispatcher.EXIT_OK;
    }
}
