package dev.bootcj.shell.command;

import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.Rollback;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import java.util.List;

/** {@code bootc rollback}: swap the default and rollback deployments (a staged deployment is discarded). */
public final class RollbackCommand implements Command {
    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String summary() {
        return "Change the bootloader entry ordering; the deployment under rollback will be queued for the next boot";
    }

    @Override
    public List<Option> options() {
        return List.of(StatusCommand.SYSROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        try (BootcSysroot host = BootcSysroot.open(StatusCommand.sysroot(args, session),
                () -> session.err().println("Waiting for sysroot lock..."))) {
            Rollback.run(host, session.out()::println);
        }
        return Dispatcher.EXIT_OK;
    }
}
