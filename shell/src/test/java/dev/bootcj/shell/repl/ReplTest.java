package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.shell.Tmux;
import dev.bootcj.testing.SysrootFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on a real pseudo-terminal (tmux): completion, history across restarts, Ctrl-C, Ctrl-D. */
class ReplTest {
    @TempDir
    static Path tmp;
    static SysrootFixture sysroot;
    Tmux tmux;

    @BeforeAll
    static void sysroot() throws Exception {
        sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        sysroot.deployTwoImages();
    }

    @AfterEach
    void kill() {
        if (tmux != null) {
            tmux.close();
        }
    }

    void start() {
        Path home = tmp.resolve("home");
        String cmd = "env HOME=" + home + " XDG_STATE_HOME= BOOTC_SYSROOT=" + sysroot.root() + " "
                + BootcProcess.launcher() + "; echo BOOTC-EXIT=$?; sleep 600";
        tmux = Tmux.start("bootcj-repl", cmd, 150, 40);
    }

    void keys(String... keys) {
        tmux.keys(keys);
    }

    String await(Predicate<String> ok, String what) throws InterruptedException {
        return tmux.await(ok, what);
    }

    static long count(String screen, String s) {
        return Tmux.count(screen, s);
    }

    @Test
    void completesRunsRemembersAndExits() throws Exception {
        start();
        // capture-pane trims trailing blanks, so the prompt is matched without its final space.
        String prompt = "bootc [oci:/var/mnt/osupdate:v2]>";
        await(s -> s.contains(prompt), "the prompt naming the booted image");
        keys("sta", "Tab");
        await(s -> s.contains(prompt + " status"), "verb completion");
        keys("--form", "Tab");
        await(s -> s.contains(prompt + " status --format"), "flag completion");
        // "--format" is also the prefix of "--format-version": Tab stops at the common prefix.
        keys(" js", "Tab");
        await(s -> s.contains(prompt + " status --format json"), "value completion");
        keys("Enter");
        await(s -> s.contains("{\"apiVersion\":\"org.containers.bootc/v1\"") && count(s, prompt) >= 2,
                "command output and the next prompt");

        // Ctrl-C clears the line; a failing command keeps the shell running.
        keys("status --sysroot /nowhere", "C-c");
        await(s -> count(s, prompt) >= 3, "a fresh prompt after Ctrl-C");
        keys("stauts", "Enter");
        await(s -> s.contains("did you mean 'status'?"), "the usage error");
        keys("C-d");
        String end = await(s -> s.contains("BOOTC-EXIT="), "exit on Ctrl-D");
        assertTrue(end.contains("BOOTC-EXIT=2"), "Ctrl-D exits with the last command's code:\n" + end);

        Path history = tmp.resolve("home/.local/state/bootc/history");
        assertTrue(Files.readString(history).contains("status --format json"), Files.readString(history));

        // History survives a restart: Up recalls the last command.
        kill();
        start();
        await(s -> s.contains(prompt), "the prompt after restart");
        keys("Up", "Up");
        await(s -> s.contains(prompt + " status --format json"), "history across restarts");
        keys("C-u", "exit 7", "Enter");
        String exited = await(s -> s.contains("BOOTC-EXIT="), "exit 7");
        assertEquals(1, count(exited, "BOOTC-EXIT=7"), exited);
    }
}
