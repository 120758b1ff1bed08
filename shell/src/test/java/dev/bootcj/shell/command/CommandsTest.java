package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.shell.args.UsageException;
import dev.bootcj.testing.Tools;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command model: resolution, suggestions, help, exit codes. */
class CommandsTest {
    final Commands commands = new Commands(List.of(new StatusCommand(), new HelpCommand()));

    @Test
    void resolvesAndSuggests() throws Exception {
        assertEquals("status", commands.resolve(List.of("status", "--json")).command().name());
        assertEquals(List.of("--json"), commands.resolve(List.of("status", "--json")).args());
        UsageException e = assertThrows(UsageException.class, () -> commands.resolve(List.of("stats")));
        assertEquals("unrecognized subcommand 'stats'; did you mean 'status'?", e.getMessage());
        e = assertThrows(UsageException.class, () -> commands.resolve(List.of("frobnicate")));
        assertEquals("unrecognized subcommand 'frobnicate'", e.getMessage());
    }

    @Test
    void helpAndVersionThroughTheLauncher() {
        Tools.Result help = BootcProcess.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("  status"), help.stdout());
        Tools.Result verbHelp = BootcProcess.run("status", "--help");
        assertEquals(0, verbHelp.exitCode());
        assertTrue(verbHelp.stdout().contains("--format <FORMAT>"), verbHelp.stdout());
        assertTrue(!verbHelp.stdout().contains("--json"), "hidden flags stay hidden");
        assertEquals(verbHelp.stdout(), BootcProcess.run("help", "status").stdout());
        Tools.Result version = BootcProcess.run("--version");
        assertTrue(version.stdout().startsWith("bootc "), version.stdout());
        Tools.Result unknown = BootcProcess.run("stauts");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("error: unrecognized subcommand 'stauts'; did you mean 'status'?"));
    }

    @Test
    void emptyImageReferencesAreUsageErrors() {
        for (List<String> argv : List.of(List.of("switch", ""), List.of("switch", "  ", "--sysroot", "/nonexistent"),
                List.of("switch", "--transport", "oci", ""), List.of("inspect", "image", ""))) {
            Tools.Result r = BootcProcess.run(argv.toArray(String[]::new));
            assertEquals(2, r.exitCode(), argv + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("error: the image reference is empty\n"), argv + ": " + r.stderr());
            assertTrue(!r.stderr().contains("Exception"), r.stderr());
        }
    }
}
