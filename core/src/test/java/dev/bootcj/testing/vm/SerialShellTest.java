package dev.bootcj.testing.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial console and command framing of the VM harness, driven against a local bash instead of a guest
 * (fast; part of the default suite).
 */
class SerialShellTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private Process bash;
    private SerialConsole console;
    private SerialShell shell;

    @BeforeEach
    void startBash() throws Exception {
        bash = new ProcessBuilder("bash", "--norc", "--noprofile").redirectErrorStream(true).start();
        console = new SerialConsole(bash.getInputStream(), bash.getOutputStream(), tmp.resolve("serial.log"));
        shell = new SerialShell(console);
    }

    @AfterEach
    void stopBash() throws Exception {
        bash.destroyForcibly();
        bash.waitFor(10, TimeUnit.SECONDS);
        console.close();
    }

    @Test
    void framesOutputAndExitStatus() throws Exception {
        CommandResult ok = shell.run("printf 'one\\ntwo\\n'; echo err >&2", TIMEOUT);
        assertEquals(0, ok.exitCode());
        assertEquals("one\ntwo\nerr", ok.output());

        CommandResult failed = shell.run("echo partial; (exit 7)", TIMEOUT);
        assertEquals(7, failed.exitCode());
        assertEquals("partial", failed.output());

        assertEquals("", shell.run("true", TIMEOUT).output());
        assertEquals("no newline", shell.run("printf 'no newline'", TIMEOUT).output());
        // A command ending in "&" still parses (its output may come after the frame, so it is not checked).
        assertEquals(0, shell.run("true &", TIMEOUT).exitCode());
    }

    @Test
    void markersInTheCommandLineDoNotEndItEarly() throws Exception {
        // Echoing the typed line (a guest tty does) must not look like the begin marker.
        CommandResult result = shell.run("echo '@@B1_0@@$((1+1))'; echo done", TIMEOUT);
        assertEquals("@@B1_0@@$((1+1))\ndone", result.output());
    }

    @Test
    void consoleIsLoggedAndWaitsSeeOnlyNewOutput() throws Exception {
        shell.run("echo first-marker", TIMEOUT);
        int mark = console.mark();
        console.send("sleep 0.2; echo second-marker\n");
        assertTrue(console.await(Pattern.compile("second-marker"), mark, TIMEOUT, "second").start() >= mark);
        VmException stale = assertThrows(VmException.class,
                () -> console.await(Pattern.compile("first-marker"), mark, Duration.ofMillis(300), "stale output"));
        assertTrue(stale.getMessage().startsWith("timed out after 0 s waiting for stale output"), stale.getMessage());
        assertTrue(Files.readString(tmp.resolve("serial.log")).contains("first-marker\n"));
    }

    @Test
    void endOfOutputFailsTheWaitInsteadOfHanging() throws Exception {
        VmException e = assertThrows(VmException.class, () -> shell.run("exit 3", TIMEOUT));
        assertTrue(e.getMessage().startsWith("serial output ended (qemu exited) while waiting for the start of `exit 3`")
                || e.getMessage().startsWith("serial output ended (qemu exited) while waiting for the end of `exit 3`"),
                e.getMessage());
    }

    @Test
    void multiLineCommandsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shell.run("echo a\necho b", TIMEOUT));
        assertEquals("command must be one line: echo a\necho b", e.getMessage());
    }
}
