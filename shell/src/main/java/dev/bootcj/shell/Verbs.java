package dev.bootcj.shell;

import dev.bootcj.shell.command.Command;
import dev.bootcj.shell.command.ContainerLintCommand;
import dev.bootcj.shell.command.EditCommand;
import dev.bootcj.shell.command.ExitCommand;
import dev.bootcj.shell.command.HelpCommand;
import dev.bootcj.shell.command.ImagePullCommand;
import dev.bootcj.shell.command.InspectDeploymentCommand;
import dev.bootcj.shell.command.InspectDiffCommand;
import dev.bootcj.shell.command.InspectImageCommand;
import dev.bootcj.shell.command.InstallCommand;
import dev.bootcj.shell.command.InstallPrintConfigurationCommand;
import dev.bootcj.shell.command.InternalsCompletionCommand;
import dev.bootcj.shell.command.InternalsManCommand;
import dev.bootcj.shell.command.RollbackCommand;
import dev.bootcj.shell.command.ShellCommand;
import dev.bootcj.shell.command.StatusCommand;
import dev.bootcj.shell.command.SwitchCommand;
import dev.bootcj.shell.command.UpgradeCommand;
import java.util.List;

/** The ordered list of every verb: the one registry behind dispatch, help and completion. */
final class Verbs {
    private Verbs() {
    }

    static List<Command> all() {
        return List.of(
                new UpgradeCommand(),
                new SwitchCommand(),
                new RollbackCommand(),
                new EditCommand(),
                new InstallCommand(InstallCommand.Kind.TO_DISK),
                new InstallCommand(InstallCommand.Kind.TO_FILESYSTEM),
                new InstallCommand(InstallCommand.Kind.FINALIZE),
                new StatusCommand(),
                new ImagePullCommand(),
                new InspectImageCommand(),
                new InstallPrintConfigurationCommand(),
                new ContainerLintCommand(),
                new InspectDeploymentCommand(),
                new InspectDiffCommand(),
                new ShellCommand(),
                new HelpCommand(),
                new ExitCommand(),
                new InternalsCompletionCommand(Verbs::all),
                new InternalsManCommand(Verbs::all));
    }
}
