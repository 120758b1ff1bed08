package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.LintRoots;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bootc container lint} and {@code bootc install print-configuration} through the packaged launcher. */
class ContainerLintCliTest {
    @TempDir
    Path root;

    @BeforeEach
    void passingRoot() throws IOException {
        LintRoots.passing(root, "6.1.0");
    }

    private void write(String rel, String content) throws IOException {
        LintRoots.write(root, rel, content);
    }

    private Tools.Result lint(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "container";
        args[1] = "lint";
        args[2] = "--rootfs";
        args[3] = root.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return BootcProcess.run(args);
    }

    @Test
    void passingImage() {
        Tools.Result r = lint();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Checks passed: 11\nChecks skipped: 1\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void fatalFindingFailsWithExitCodeOne() throws IOException {
        Files.createDirectories(root.resolve("var/run/lock"));
        Files.createDirectories(root.resolve("usr/etc"));
        Files.createDirectories(root.resolve("etc"));
        Tools.Result r = lint();
        assertEquals(1, r.exitCode());
        assertEquals("Failed lint: var-run: Not a symlink: var/run\n"
                + "Failed lint: etc-usretc: Found /usr/etc - this is a bootc implementation detail and not supported"
                + " to use in containers\nChecks passed: 9\nChecks skipped: 1\n", r.stdout());
        assertEquals("error: Linting: Checks failed: 2\n", r.stderr());
    }

    @Test
    void warningsPassUnlessFatal() throws IOException {
        write("var/log/dnf.log", "log");
        Tools.Result r = lint();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Lint warning: var-log: Found non-empty logfile: /var/log/dnf.log\nChecks passed: 10\n"
                + "Checks skipped: 1\nWarnings: 1\n", r.stdout());
        Tools.Result fatal = lint("--fatal-warnings");
        assertEquals(1, fatal.exitCode());
        assertEquals(r.stdout(), fatal.stdout());
        assertEquals("error: Linting: Checks failed: 1\n", fatal.stderr());
        Tools.Result skipped = lint("--fatal-warnings", "--skip", "var-log", "--skip=nonempty-boot");
        assertEquals(0, skipped.exitCode(), skipped.stderr());
        assertEquals("Checks passed: 9\nChecks skipped: 3\n", skipped.stdout());
    }

    @Test
    void nonUtf8FileName() {
        Tools.run("bash", "-c", "mkdir -p \"$1\"/usr/share/$'caf\\xe9' && touch \"$1\"/usr/share/$'caf\\xe9'/$'x\\xff'",
                "bash", root.toString());
        Tools.Result r = lint();
        assertEquals(1, r.exitCode());
        assertTrue(r.stdout().startsWith("Failed lint: utf8: /usr/share/: Found non-utf8 filename \"caf\\xE9\"\n"),
                r.stdout());
    }

    @Test
    void runtimeErrorStopsTheRun() throws IOException {
        write("usr/lib/modules/6.2.0/vmlinuz", "second kernel");
        Tools.Result r = lint();
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        assertEquals("error: Linting: Unexpected runtime error running lint kernel: Found multiple subdirectories"
                + " in usr/lib/modules\n", r.stderr());
    }

    @Test
    void listAndBadInput() {
        Tools.Result list = BootcProcess.run("container", "lint", "--list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertEquals(12, list.stdout().lines().filter(l -> l.startsWith("- name: ")).count(), list.stdout());
        Tools.Result missing = BootcProcess.run("container", "lint", "--rootfs", root.resolve("nope").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("error: Opening rootfs " + root.resolve("nope") + ": No such file or directory\n",
                missing.stderr());
        Tools.Result extra = BootcProcess.run("container", "lint", "extra");
        assertEquals(2, extra.exitCode());
    }

    @Test
    void printConfiguration() throws IOException {
        Tools.Result none = BootcProcess.run("install", "print-configuration", "--root", root.toString());
        assertEquals(0, none.exitCode(), none.stderr());
        assertEquals("{\"root-fs-type\":null,\"block\":null,\"filesystem\":null,\"match-architectures\":null}",
                none.stdout());
        write("usr/lib/bootc/install/00-base.toml", "[install]\nroot-fs-type = \"xfs\"\nkargs = [\"nosmt\"]\n");
        write("etc/bootc/install/10-local.toml", "[install.filesystem.root]\ntype = \"ext4\"\n");
        Tools.Result r = BootcProcess.run("install", "print-configuration", "--root", root.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("{\"root-fs-type\":\"ext4\",\"block\":[\"direct\"],\"filesystem\":{\"root\":{\"type\":\"ext4\"}},"
                + "\"match-architectures\":null}", r.stdout());
        write("etc/bootc/install/20-bad.toml", "[install]\nunknown = 1\n");
        Tools.Result bad = BootcProcess.run("install", "print-configuration", "--root", root.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.stderr().startsWith("error: Parsing install configuration 20-bad.toml: "), bad.stderr());
    }
}
