package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootableImage;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.shell.Tmux;
import dev.bootcj.testing.SysrootFixture;
import java.nio.file.Path;
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
    Tmux tmux;

    @AfterEach
    void kill() {
        if (tmux != null) {
            tmux.close();
        }
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
        tmux = Tmux.start("bootcj-interrupt", cmd, 160, 40);
        String prompt = "bootc [oci:/var/mnt/osupdate:v2]>";
        tmux.keys(Tmux.prompt(prompt, 1), "the prompt", "switch --transport oci " + image + ":v3", "Enter");
        // The second (large) layer's bar: [2/2] with a partial byte count.
        tmux.keys(s -> s.contains("[2/2] sha256:") && s.contains("/160.0 MiB"), "the large layer's progress bar",
                "C-c");
        String after = tmux.await(s -> s.contains("error: interrupted") && Tmux.prompt(prompt, 2).test(s),
                "the interrupted switch and the next prompt");
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
        tmux.keys(Tmux.prompt(prompt, 2), "the prompt", "switch --quiet --transport oci " + image + ":v3", "Enter");
        tmux.keys(s -> Tmux.count(s, "bootc [") >= 3 && Tmux.lastLine(s).startsWith("bootc [")
                && Tmux.lastLine(s).endsWith("]>"), "the completed switch and the next prompt", "exit", "Enter");
        assertTrue(refs(sysroot).contains("ostree/container/image/"), refs(sysroot));
        tmux.await(s -> s.contains("BOOTC-EXIT=0"), "exit");
    }
}
