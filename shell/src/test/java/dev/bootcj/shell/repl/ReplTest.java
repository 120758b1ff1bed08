package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.deploy.BootcSysroot;
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

    void start(String home) {
        String cmd = "env HOME=" + tmp.resolve(home) + " XDG_STATE_HOME= BOOTC_SYSROOT=" + sysroot.root() + " "
                + BootcProcess.launcher() + "; echo BOOTC-EXIT=$?; sleep 600";
        tmux = Tmux.start("bootcj-repl", cmd, 150, 40);
    }

    /** The prompt naming the booted image, without its final space (capture-pane trims trailing blanks). */
    static final String PROMPT = "bootc [oci:/var/mnt/osupdate:v2]>";

    static Predicate<String> prompt(int n) {
        return Tmux.prompt(PROMPT, n);
    }

    static long count(String screen, String s) {
        return Tmux.count(screen, s);
    }

    @Test
    void completesRunsRemembersAndExits() throws Exception {
        start("home");
        tmux.keys(prompt(1), "the prompt naming the booted image", "sta", "Tab");
        tmux.keys(s -> s.contains(PROMPT + " status"), "verb completion", "--form", "Tab");
        // "--format" is also the prefix of "--format-version": Tab stops at the common prefix.
        tmux.keys(s -> s.contains(PROMPT + " status --format"), "flag completion", " js", "Tab");
        tmux.keys(s -> s.contains(PROMPT + " status --format json"), "value completion", "Enter");

        // Ctrl-C clears the line; a failing command keeps the shell running.
        tmux.keys(s -> s.contains("{\"apiVersion\":\"org.containers.bootc/v1\"") && prompt(2).test(s),
                "command output and the next prompt", "status --sysroot /nowhere");
        tmux.keys(s -> s.contains(PROMPT + " status --sysroot /nowhere"), "the typed line", "C-c");
        tmux.keys(prompt(3), "a fresh prompt after Ctrl-C", "stauts", "Enter");
        tmux.keys(s -> s.contains("did you mean 'status'?") && prompt(4).test(s), "the usage error and the next prompt",
                "C-d");
        String end = tmux.await(s -> s.contains("BOOTC-EXIT="), "exit on Ctrl-D");
        assertTrue(end.contains("BOOTC-EXIT=2"), "Ctrl-D exits with the last command's code:\n" + end);

        Path history = tmp.resolve("home/.local/state/bootc/history");
        assertTrue(Files.readString(history).contains("status --format json"), Files.readString(history));

        // History survives a restart: Up recalls the last command.
        kill();
        start("home");
        tmux.keys(prompt(1), "the prompt after restart", "Up", "Up");
        tmux.keys(s -> s.contains(PROMPT + " status --format json"), "history across restarts", "C-u");
        tmux.keys(prompt(1), "the emptied line", "exit 7", "Enter");
        String exited = tmux.await(s -> s.contains("BOOTC-EXIT="), "exit 7");
        assertEquals(1, count(exited, "BOOTC-EXIT=7"), exited);
    }

    /**
     * Keys typed while a command runs (here: upgrade, waiting for the sysroot lock the test holds) are neither lost
     * nor echoed into its output: they reach the next prompt, in order, Ctrl-D included.
     */
    @Test
    void keysTypedWhileACommandRunsReachTheNextPrompt() throws Exception {
        start("home-typeahead");
        BootcSysroot holder = BootcSysroot.open(sysroot.root(), () -> { });
        try {
            tmux.keys(prompt(1), "the prompt", "upgrade", "Enter");
            tmux.keys(s -> s.contains("Waiting for sysroot lock..."), "upgrade waiting for the lock",
                    "stauts", "Enter", "C-d");
        } finally {
            holder.close();
        }
        String end = tmux.await(s -> s.contains("BOOTC-EXIT="), "the typed-ahead line, then exit on Ctrl-D");
        assertTrue(end.contains(PROMPT + " stauts\nerror: unrecognized subcommand 'stauts'"), end);
        assertEquals(2, count(end, "stauts"), "the typed-ahead line is not echoed while upgrade runs:\n" + end);
        assertEquals(1, count(end, "BOOTC-EXIT=2"), "Ctrl-D exits with the last command's code:\n" + end);
    }
}
