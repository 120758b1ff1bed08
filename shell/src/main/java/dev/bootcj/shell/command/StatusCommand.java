package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostStatus;
import dev.bootcj.status.HostStatusReader;
import dev.bootcj.status.StatusFormat;
import dev.bootcj.status.StatusRenderer;
import dev.bootcj.status.StatusWarmUp;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code bootc status}: the host document of the booted system, or of {@code --sysroot DIR} offline. */
public final class StatusCommand implements Command {
    static final Option SYSROOT = Option.value("sysroot", "DIR",
            "Act on the installed but not booted sysroot at DIR instead of the running system");

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Display status";
    }

    @Override
    public void startWarmUp(List<String> args, Session session) {
        // The format as run() will pick it, if the words say it plainly.
        String value = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--format=")) {
                value = a.substring("--format=".length());
            } else if (a.equals("--format") && i + 1 < args.size()) {
                value = args.get(++i);
            } else if (a.equals("--json")) {
                json = true;
            }
        }
        StatusFormat format = defaultFormat(json, session);
        if (value != null) {
            try {
                format = StatusFormat.parse(value);
            } catch (IllegalArgumentException e) {
                // run() reports it; the warm-up keeps the default
            }
        }
        StatusWarmUp.start(format);
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("format", "FORMAT", "The output format (default: humanreadable on a terminal, yaml otherwise)",
                        "humanreadable", "yaml", "json"),
                Option.value("format-version", "N", "The desired format version (0 and 1 both mean v1)"),
                Option.flag("booted", "Only display the booted deployment"),
                Option.flag("json", "Output in JSON format (same as --format=json)").hide(),
                SYSROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        if (args.value("format-version").isPresent()) {
            String v = args.value("format-version").get();
            int version;
            try {
                version = Integer.parseUnsignedInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException("invalid value '" + v + "' for '--format-version <N>': not a number");
            }
            if (version > 1) {
                throw new CommandFailedException("Unsupported format version: " + version);
            }
        }
        StatusFormat format = args.value("format").map(StatusFormat::parse)
                .orElse(defaultFormat(args.has("json"), session));
        Path sysroot = sysroot(args, session);
        Host host = HostStatusReader.read(sysroot, () -> session.err().println("Waiting for sysroot lock..."));
        if (args.has("booted")) {
            HostStatus s = host.status();
            host = Host.of(host.spec(), new HostStatus(null, s.booted(), null, s.rollbackQueued(), s.type()));
        }
        Writer w = new OutputStreamWriter(session.out(), StandardCharsets.UTF_8);
        StatusRenderer.render(host, format, w);
        return Dispatcher.EXIT_OK;
    }

    /** Without {@code --format}: JSON for the hidden {@code --json}, else human-readable on a terminal, else YAML. */
    private static StatusFormat defaultFormat(boolean json, Session session) {
        return json ? StatusFormat.JSON : session.terminal() ? StatusFormat.HUMANREADABLE : StatusFormat.YAML;
    }

    /** The sysroot to read: {@code --sysroot}, else the session's. */
    static Path sysroot(ParsedArgs args, Session session) {
        return args.value("sysroot").map(Path::of).orElse(session.sysroot());
    }
}
