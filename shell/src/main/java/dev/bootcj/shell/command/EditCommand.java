package dev.bootcj.shell.command;

import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.Edit;
import dev.bootcj.deploy.Reporter;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.args.Value;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code bootc edit [-f FILE]}: apply a changed host document (YAML or JSON); without a file, open $EDITOR. */
public final class EditCommand implements Command {
    static final Opt<Path> FILENAME = Opt.of("filename", "FILE", "Use this (YAML or JSON) file as the new host document",
            Value.FILE).withShort("f");

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public Launch launch() {
        return Launch.IMPORT;
    }

    @Override
    public String summary() {
        return "Apply full changes to the host specification";
    }

    @Override
    public List<Option> options() {
        return List.of(FILENAME, SwitchCommand.QUIET, StatusCommand.SYSROOT);
    }

    @Override
    public int run(ParsedArgs args, Session session) throws Exception {
        args.maxPositionals(0);
        Reporter out = args.has(SwitchCommand.QUIET) ? Reporter.quiet() : session.out()::println;
        try (BootcSysroot host = BootcSysroot.open(StatusCommand.sysroot(args, session),
                () -> session.err().println("Waiting for sysroot lock..."))) {
            Path file = args.get(FILENAME).orElse(null);
            Host edited = file != null ? read(file, file.toString()) : editInteractively(host.status(), session);
            Edit.run(host, edited, RegistryOptions.defaults(), out);
        }
        return Dispatcher.EXIT_OK;
    }

    private static Host read(Path file, String name) throws CommandFailedException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("no such file: " + file);
        }
        String text = Files.readString(file);
        try {
            return SpecMapper.yaml().readValue(text, Host.class);
        } catch (IOException | IllegalArgumentException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new CommandFailedException("invalid host document " + name + ": " + msg);
        }
    }

    private static Host editInteractively(Host current, Session session) throws Exception {
        Path tmp = Files.createTempFile("bootc-edit-", ".yaml");
        try {
            Files.writeString(tmp, SpecMapper.yaml().writeValueAsString(current));
            String editor = System.getenv().getOrDefault("EDITOR", "vi");
            int rc = session.foreground().run(new ProcessBuilder("sh", "-c", editor + " \"$0\"", tmp.toString()));
            if (rc != 0) {
                throw new CommandFailedException("editor " + editor + " exited with " + rc
                        + "; no changes made");
            }
            return read(tmp, "(edited)");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
