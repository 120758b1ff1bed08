package dev.bootcj.shell.command;

import dev.bootcj.deploy.InstallConfig;
import dev.bootcj.deploy.KargsD;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootc install print-configuration}: the merged {@code bootc/install/*.toml} configuration of this root
 * as one line of JSON without a newline (kernel arguments left out), for external installers. The hidden
 * {@code --root DIR} reads another tree instead of {@code /}.
 */
public final class InstallPrintConfigurationCommand implements Command {
    static final Opt<Path> ROOT = Opt.of("root", "DIR", "Read the configuration of the tree at DIR (default: /)",
            Value.DIR).hide();

    @Override
    public String name() {
        return "install print-configuration";
    }

    @Override
    public String summary() {
        return "Output the merged install configuration as JSON";
    }

    @Override
    public List<Option> options() {
        return List.of(ROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        Path root = args.get(ROOT).orElse(Path.of("/"));
        String json = InstallConfig.load(root, KargsD.hostArchitecture()).printConfiguration();
        session.out().write(json.getBytes(StandardCharsets.UTF_8));
        session.out().flush();
        return Dispatcher.EXIT_OK;
    }
}
