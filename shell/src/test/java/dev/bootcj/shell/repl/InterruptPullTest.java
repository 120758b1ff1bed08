package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootableImage;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the shell (a real pseudo-terminal in tmux) while {@code switch} pulls a large local image: the pull
 * stops, no layer or image ref and no new deployment is left, the shell keeps running, and the same switch then
 * completes.
 */
class InterruptPullTest {
    @TempDir
    Path tmp;
    final String session = "bootcj-intr-" + ProcessHandle.current().pid();

    @AfterEach
    void kill() {
        Tools.exec(null, Map.of(), List.of("tmux", "kill-session", "-t", session));
    }

    void keys(String... keys) {
        List<String> args = new java.util.ArrayList<>(List.of("tmux", "send-keys", "-t", session, "--"));
        args.addAll(List.of(keys));
        Tools.run(args.toArray(String[]::new));
    }

    String screen() {
        return Tools.run("tmux", "capture-pane", "-p", "-t", session);
    }

    String await(Predicate<String> ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String s = screen();
        while (!ok.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    static String refs(SysrootFixture sysroot) {
        return SysrootFixture.ostree("refs", "--repo=" + sysroot.repo());
    }

    @Test
    void ctrlCDuringAPullLeavesNoRefAndNoDeployment() throws Exception {
        SysrootFixture sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        sysroot.deployTwoImages();
        Path image = tmp.resolve("big");
        BootableImage.create(image, "v3", 160);
        String statusBefore = sysroot.adminStatus();
        String refsBefore = refs(sysroot);

        String cmd = "env HOME=" + tmp.resolve("home") + " XDG_STATE_HOME= OSTREE_SYSROOT_DEBUG=mutable-deployments"
                + " BOOTC_SYSROOT=" + sysroot.root() + " " + BootcProcess.launcher() + "; echo BOOTC-EXIT=$?; sleep 600";
        Tools.run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "40", cmd);
        String prompt = "bootc [oci:/var/mnt/osupdate:v2]>";
        await(s -> s.contains(prompt), "the prompt");
        keys("switch --transport oci " + image + ":v3", "Enter");
        // The second (large) layer's bar: [2/2] with a partial byte count.
        await(s -> s.contains("[2/2] sha256:") && s.contains("/160.0 MiB"), "the large layer's progress bar");
        keys("C-c");
        String after = await(s -> s.contains("error: interrupted") && s.lines().filter(l -> l.contains(prompt))
                .count() >= 2, "the interrupted switch and the next prompt");
        assertTrue(!after.contains("BOOTC-EXIT="), "the shell keeps running:\n" + after);

        // Nothing partial: the small first layer may be complete (its ref was set when it was), the large one and
        // the image have no ref, and the deployments are unchanged.
        String refsAfter = refs(sysroot);
        for (String ref : refsAfter.lines().toList()) {
            assertTrue(refsBefore.contains(ref) || !ref.startsWith("ostree/container/image/"),
                    "no image ref after the interrupt: " + refsAfter);
        }
        long layerRefs = refsAfter.lines().filter(l -> l.startsWith("ostree/container/blob/")).count();
        assertTrue(layerRefs <= 1, "the interrupted layer has no ref: " + refsAfter);
        assertEquals(statusBefore, sysroot.adminStatus());
        SysrootFixture.ostree("fsck", "--repo=" + sysroot.repo());

        // The shell is still usable, and the same switch completes.
        keys("switch --quiet --transport oci " + image + ":v3", "Enter");
        await(s -> s.lines().filter(l -> l.contains(prompt) || l.contains("bootc [oci:" + image)).count() >= 3,
                "the completed switch");
        assertTrue(refs(sysroot).contains("ostree/container/image/"), refs(sysroot));
        keys("exit", "Enter");
        await(s -> s.contains("BOOTC-EXIT=0"), "exit");
    }
}
