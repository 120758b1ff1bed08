package dev.bootcj.shell.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scripts through the packaged launcher: files, standard input and #! scripts. */
class BatchTest {
    @TempDir
    static Path tmp;
    static SysrootFixture sysroot;

    @BeforeAll
    static void sysroot() throws Exception {
        sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        sysroot.deployTwoImages();
    }

    Path script(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text.replace("SYSROOT", sysroot.root().toString()));
    }

    @Test
    void runsEveryLineWithCommentsAndContinuations() throws Exception {
        Path s = script("ok.bootc", """
                # a comment, then a blank line

                status --sysroot SYSROOT \\
                    --format json
                bootc status --sysroot "SYSROOT" --booted --format humanreadable
                """);
        Tools.Result r = BootcProcess.run("shell", "-f", s.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("{\"apiVersion\":\"org.containers.bootc/v1\""), r.stdout());
        assertTrue(r.stdout().contains("\u25cf Booted image: oci:/var/mnt/osupdate:v2"), r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void stopsAtTheFirstFailureWithFileAndLine() throws Exception {
        Path s = script("fail.bootc", """
                status --sysroot SYSROOT --format json
                # line 2
                status --sysroot /nonexistent/sysroot
                status --sysroot SYSROOT --format yaml
                """);
        Tools.Result r = BootcProcess.run("shell", "-f", s.toString());
        assertEquals(1, r.exitCode());
        assertEquals(s + ":3: error: /nonexistent/sysroot is not an ostree sysroot: no such directory\n", r.stderr());
        assertTrue(!r.stdout().contains("apiVersion: "), "line 4 must not run");

        Tools.Result kept = BootcProcess.run("shell", "--keep-going", "-f", s.toString());
        assertEquals(1, kept.exitCode());
        assertTrue(kept.stdout().contains("apiVersion: org.containers.bootc/v1\n"), "line 4 runs with --keep-going");
    }

    @Test
    void usageErrorsAndUnclosedQuotesStopWithExitTwo() throws Exception {
        Path s = script("quote.bootc", "status --sysroot 'SYSROOT\nstatus\n");
        Tools.Result r = BootcProcess.run("shell", "-f", s.toString());
        assertEquals(2, r.exitCode());
        assertEquals(s + ":1: error: unclosed quote (') starting at column 18\n", r.stderr());

        Path u = script("usage.bootc", "status --sysroot SYSROOT\nstauts\n");
        Tools.Result usage = BootcProcess.run("shell", "-f", u.toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.stderr().startsWith(u + ":2: error: unrecognized subcommand 'stauts'; did you mean 'status'?"),
                usage.stderr());
    }

    @Test
    void exitEndsTheScriptWithItsCode() throws Exception {
        Path s = script("exit.bootc", "status --sysroot SYSROOT --format json\nexit 3\nstatus --sysroot /nope\n");
        assertEquals(3, BootcProcess.run("shell", "-f", s.toString()).exitCode());
    }

    @Test
    void scriptOnStandardInputAndShebang() throws Exception {
        Tools.Result piped = BootcProcess.runWithInput("status --sysroot " + sysroot.root() + " --format json\n");
        assertEquals(0, piped.exitCode(), piped.stderr());
        assertTrue(piped.stdout().startsWith("{\"apiVersion\""), piped.stdout());
        Tools.Result failing = BootcProcess.runWithInput("status --sysroot /nope\n");
        assertEquals("<stdin>:1: error: /nope is not an ostree sysroot: no such directory\n", failing.stderr());

        Path s = script("run.bootc", "#!" + BootcProcess.launcher() + "\nstatus --sysroot SYSROOT --format json\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        Tools.Result shebang = Tools.exec(null, java.util.Map.of(), java.util.List.of(s.toString()));
        assertEquals(0, shebang.exitCode(), shebang.stderr());
        assertTrue(shebang.stdout().startsWith("{\"apiVersion\""), shebang.stdout());
    }

    @Test
    void missingScriptFile() {
        Tools.Result r = BootcProcess.run("shell", "-f", tmp.resolve("none.bootc").toString());
        assertEquals(1, r.exitCode());
        assertEquals("error: no such script: " + tmp.resolve("none.bootc") + "\n", r.stderr());
    }
}
