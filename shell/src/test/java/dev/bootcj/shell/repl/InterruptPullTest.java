package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootableImage;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.shell.Tmux;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.registry.FaultProxy;
import dev.bootcj.testing.registry.TestRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the shell (a real pseudo-terminal in tmux) while {@code switch} pulls a large image from a TLS
 * registry: a proxy holds the large layer's response part-way, so the key always arrives mid-pull. The pull
 * stops, no layer or image ref and no new deployment is left, the shell keeps running, and the same switch then
 * completes.
 */
class InterruptPullTest {
    /** Held on the wire after this many bytes: past everything before the large layer, far short of its end. */
    private static final long HOLD_AFTER = 8L << 20;

    @TempDir
    Path tmp;
    Tmux tmux;
    TestRegistry registry;
    FaultProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    static String refs(SysrootFixture sysroot) {
        return SysrootFixture.ostree("refs", "--repo=" + sysroot.repo());
    }

    /** A PKCS#12 trust store holding the registry's CA, for {@code javax.net.ssl.trustStore}. */
    static Path trustStore(Path caCert, Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            ks.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "changeit".toCharArray());
        }
        return file;
    }

    @Test
    void ctrlCDuringAPullLeavesNoRefAndNoDeployment() throws Exception {
        SysrootFixture sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        sysroot.deployTwoImages();
        Path image = tmp.resolve("big");
        BootableImage.create(image, "v3", 64);
        registry = TestRegistry.start(tmp.resolve("registry"), true, false);
        registry.push(image, "v3", "test/os:v3", false);
        proxy = new FaultProxy(registry.port());
        String target = proxy.host() + "/test/os:v3";
        Path trust = trustStore(registry.caCert(), tmp.resolve("trust.p12"));
        String statusBefore = sysroot.adminStatus();
        String refsBefore = refs(sysroot);

        // The shell trusts the registry's CA through the JVM's trust store (the certificate names 127.0.0.1, the
        // proxy's address too); the registry needs no credentials.
        String cmd = "env HOME=" + tmp.resolve("home") + " XDG_STATE_HOME= OSTREE_SYSROOT_DEBUG=mutable-deployments"
                + " BOOTC_SYSROOT=" + sysroot.root()
                + " 'BOOTC_JAVA_OPTS=-Djavax.net.ssl.trustStore=" + trust + " -Djavax.net.ssl.trustStorePassword=changeit'"
                + " " + BootcProcess.launcher() + "; echo BOOTC-EXIT=$?; sleep 600";
        tmux = Tmux.start("bootcj-interrupt", cmd, 160, 40);
        String prompt = "bootc [oci:/var/mnt/osupdate:v2]>";
        proxy.holdOnceAfter(HOLD_AFTER);
        tmux.keys(Tmux.prompt(prompt, 1), "the prompt", "switch " + target, "Enter");
        // The second (large) layer's bar, and its response held by the proxy: the pull cannot finish before the key.
        tmux.keys(s -> s.contains("[2/2] sha256:") && s.contains("/64.0 MiB") && proxy.holding(),
                "the large layer's progress bar while its response is held", "C-c");
        // The interrupt ends the pull where the download waits for the held blob: one line, no resume.
        String after = tmux.await(s -> s.contains("error: interrupted")
                && Tmux.prompt(prompt, 2).test(s), "the interrupted switch and the next prompt");
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

        // The shell is still usable, and the same switch completes (the proxy holds nothing now).
        tmux.keys(Tmux.prompt(prompt, 2), "the prompt", "switch --quiet " + target, "Enter");
        tmux.keys(s -> Tmux.count(s, "bootc [") >= 3 && Tmux.lastLine(s).startsWith("bootc [")
                && Tmux.lastLine(s).endsWith("]>"), "the completed switch and the next prompt", "exit", "Enter");
        assertTrue(refs(sysroot).contains("ostree/container/image/"), refs(sysroot));
        tmux.await(s -> s.contains("BOOTC-EXIT=0"), "exit");
    }
}
