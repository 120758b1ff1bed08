package dev.bootcj.shell.command;

import dev.bootcj.shell.args.ArgParser;
import dev.bootcj.shell.args.Choice;
import dev.bootcj.shell.args.Flag;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.Value;
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
    static final Opt<Path> SYSROOT = Opt.of("sysroot", "DIR",
            "Act on the installed but not booted sysroot at DIR instead of the running system", Value.DIR);
    static final Opt<StatusFormat> FORMAT = Opt.of("format", "FORMAT",
            "The output format (default: humanreadable on a terminal, yaml otherwise)",
            Choice.of(StatusFormat.HUMANREADABLE, StatusFormat.YAML, StatusFormat.JSON));
    static final Opt<Integer> FORMAT_VERSION = Opt.of("format-version", "N",
            "The desired format version (0 and 1 both mean v1)", Value.COUNT);
    static final Flag BOOTED = Flag.of("booted", "Only display the booted deployment");
    static final Flag JSON = Flag.of("json", "Output in JSON format (same as --format=json)").hide();

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Launch launch() {
        return Launch.STATUS;
    }

    @Override
    public String summary() {
        return "Display status";
    }

    @Override
    public void startWarmUp(List<String> args, Session session) {
        // The format as run() will pick it; for malformed words, the default (run() reports them).
        StatusFormat format;
        try {
            ParsedArgs parsed = ArgParser.parse(args, options());
            format = parsed.get(FORMAT).orElse(defaultFormat(parsed.has(JSON), session));
        } catch (Exception e) {
            format = defaultFormat(false, session);
        }
        StatusWarmUp.start(format);
    }

    @Override
    public List<Option> options() {
        return List.of(FORMAT, FORMAT_VERSION, BOOTED, JSON, SYSROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        int version = args.get(FORMAT_VERSION).orElse(1);
        if (version > 1) {
            throw new CommandFailedException("Unsupported format version: " + version);
        }
        StatusFormat format = args.get(FORMAT).orElse(defaultFormat(args.has(JSON), session));
        Path sysroot = sysroot(args, session);
        Host host = HostStatusReader.read(sysroot, () -> session.err().println("Waiting for sysroot lock..."));
        if (args.has(BOOTED)) {
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
    static Path sysroot(ParsedArgs args, Session session) throws Exception {
        return args.get(SYSROOT).orElse(session.sysroot());
    }
}
