package dev.bootcj.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.BootcException;
import dev.bootcj.shell.args.ArgParser;
import dev.bootcj.shell.args.Opt;
import dev.bootcj.shell.args.Option;
import dev.bootcj.shell.args.ParsedArgs;
import dev.bootcj.shell.command.Command;
import dev.bootcj.shell.command.Commands;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command model's declarations serve parsing, completion and the launcher alike: what completion offers is
 * accepted, and the packaged launcher's verb table is the one the model gives.
 */
class CommandModelTest {
    final Commands commands = new Commands(Verbs.all());

    @Test
    void everyOfferedValueIsAccepted() throws Exception {
        int offered = 0;
        for (Command c : commands.all()) {
            Set<String> names = new HashSet<>();
            for (Option o : c.options()) {
                assertTrue(names.add(o.name()), c.name() + ": --" + o.name() + " declared twice");
                if (o instanceof Opt<?> opt) {
                    assertTrue(opt.suggestions().containsAll(opt.choices()), c.name() + " --" + o.name());
                    for (String word : opt.suggestions()) {
                        ParsedArgs args = ArgParser.parse(List.of("--" + o.name(), word), c.options());
                        assertTrue(args.get(opt).isPresent(), c.name() + " --" + o.name() + " " + word);
                        offered++;
                    }
                }
            }
        }
        assertTrue(offered > 20, "offered " + offered);
    }

    @Test
    void transportsOfferedAreTheTransportsRead() throws Exception {
        Command pull = commands.find("image pull").orElseThrow();
        Opt<?> transport = (Opt<?>) pull.options().stream().filter(o -> o.name().equals("transport")).findFirst()
                .orElseThrow();
        assertEquals(List.of("registry", "oci", "oci-archive", "docker-archive", "dir"), transport.suggestions());
        ParsedArgs refused = ArgParser.parse(List.of("--transport", "containers-storage"), pull.options());
        BootcException e = org.junit.jupiter.api.Assertions.assertThrows(BootcException.class,
                () -> refused.get(transport));
        assertEquals("Transport 'containers-storage' is not supported", e.getMessage());
        ParsedArgs alias = ArgParser.parse(List.of("--transport", "docker"), pull.options());
        assertEquals("REGISTRY", String.valueOf(alias.get(transport).orElseThrow()));

        Tools.Result r = BootcProcess.run("image", "pull", "--transport", "containers-storage", "--repo", "/nonexistent",
                "localhost/x");
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("error: Transport 'containers-storage' is not supported\n", r.stderr());
    }

    @Test
    void theLaunchersVerbTableIsTheModels() throws Exception {
        String table = LauncherScript.verbTable(commands);
        assertTrue(table.contains("    upgrade|update|switch|edit|install|image) kind=import cache=bootc-import ;;\n"),
                table);
        assertTrue(table.contains("    shell|\"\") kind=shell cache=bootc ;;\n"), table);
        assertTrue(table.contains("    status) kind=short; status_cache \"$@\" ;;\n"), table);
        assertTrue(table.contains("    help|--help|-h|--version|-V) kind=short cache=status-human ;;\n"), table);
        String template = Files.readString(Path.of("src/main/launcher/bootc"));
        assertEquals(LauncherScript.script(template, commands), Files.readString(BootcProcess.launcher()),
                "the packaged launcher is the template with the model's table");
        assertFalse(Files.readString(BootcProcess.launcher()).contains("@VERB_TABLE@"));
    }
}
