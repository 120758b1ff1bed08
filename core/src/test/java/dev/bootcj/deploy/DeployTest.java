package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.InvalidTransitionException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostSpec;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.FileSnapshot;
import dev.bootcj.testing.SysrootFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install, switch, upgrade, rollback and edit on real offline sysroots, with images in real OCI layouts;
 * {@code ostree admin status} and the files on disk are the oracle.
 */
class DeployTest {
    @TempDir
    Path tmp;
    BootableImages images;
    Path root;
    final List<String> out = new ArrayList<>();

    static OstreeImageReference oci(Path dir, String tag) {
        return new OstreeImageReference(null, Transport.OCI, dir + ":" + tag);
    }

    @BeforeEach
    void install() throws Exception {
        images = new BootableImages(tmp.resolve("images"));
        root = tmp.resolve("sysroot");
        OstreeImageReference v1 = oci(images.dir(), "v1");
        BootEntryOstree installed = Install.toFilesystem(root, new Install.Plan(v1, v1, "default",
                List.of("root=LABEL=root", "rw"), List.of("cfg.karg=1"), List.of("local.karg=yes"), "none"),
                RegistryOptions.defaults(), out::add);
        assertEquals(0, installed.deploySerial());
    }

    BootcSysroot open() throws Exception {
        return BootcSysroot.open(root, () -> { });
    }

    String adminStatus() {
        return SysrootFixture.ostree("admin", "status", "--sysroot=" + root);
    }

    Path deployDir(String checksum, int serial) {
        return root.resolve("ostree/deploy/default/deploy/" + checksum + "." + serial);
    }

    String bls() throws Exception {
        Path entries = root.resolve("boot/loader/entries");
        try (var s = Files.list(entries)) {
            StringBuilder b = new StringBuilder();
            for (Path p : s.sorted().toList()) {
                b.append(Files.readString(p));
            }
            return b.toString();
        }
    }

    @Test
    void installRecordsTheImageAsBootcDoes() throws Exception {
        try (BootcSysroot host = open()) {
            Host status = host.status();
            assertEquals(new ImageReference(images.dir() + ":v1", "oci", null), status.spec().image());
            assertEquals("1.0", status.status().booted().image().version());
            String csum = status.status().booted().ostree().checksum();
            assertEquals("[origin]\ncontainer-image-reference=ostree-unverified-image:oci:" + images.dir() + ":v1\n",
                    Files.readString(root.resolve("ostree/deploy/default/deploy/" + csum + ".0.origin")));
            assertTrue(Files.readString(deployDir(csum, 0).resolve("etc/app.conf")).equals("setting=1\n"));
        }
        String options = bls().lines().filter(l -> l.startsWith("options ")).findFirst().orElseThrow();
        assertTrue(options.startsWith("options root=LABEL=root rw cfg.karg=1 console=ttyS0 img.karg=1 local.karg=yes ostree="),
                options);
        assertEquals("seeded\n", Files.readString(root.resolve("ostree/deploy/default/var/lib/app/seed")));
        try (BootcSysroot host = open()) {
            String csum = host.status().status().booted().ostree().checksum();
            assertTrue(Files.isDirectory(deployDir(csum, 0).resolve("var")), "an empty /var to mount the stateroot's on");
        }
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    @Test
    void switchMergesEtcKeepsVarAndAppliesKargsD() throws Exception {
        images.derive("v2", "2.0", Map.of("etc/app.conf", "setting=2\n", "usr/share/marker", "v2\n",
                "usr/lib/bootc/kargs.d/00-test.toml", "kargs = [\"console=ttyS0\", \"img.karg=2\"]\n"),
                BootableImages.LABELS);
        String v1;
        try (BootcSysroot host = open()) {
            v1 = host.status().status().booted().ostree().checksum();
        }
        // Local changes: an /etc edit in the deployment and data in the shared /var.
        Files.writeString(deployDir(v1, 0).resolve("etc/local.conf"), "local=edited\n");
        Files.writeString(root.resolve("ostree/deploy/default/var/lib/app/state"), "mine\n");

        try (BootcSysroot host = open()) {
            Switch.Outcome o = Switch.run(host, oci(images.dir(), "v2"), RegistryOptions.defaults(), out::add);
            assertInstanceOf(Switch.Outcome.Staged.class, o);
            Host status = host.status();
            String v2 = status.status().booted().ostree().checksum();
            assertEquals("2.0", status.status().booted().image().version());
            assertEquals(v1, status.status().rollback().ostree().checksum());
            Path d = deployDir(v2, 0);
            assertEquals("v2\n", Files.readString(d.resolve("usr/share/marker")));
            assertEquals("setting=2\n", Files.readString(d.resolve("etc/app.conf")), "image change, host unchanged");
            assertEquals("local=edited\n", Files.readString(d.resolve("etc/local.conf")), "host edit survives");
            String oracle = adminStatus();
            assertTrue(oracle.indexOf(v2) < oracle.indexOf(v1), oracle);
        }
        assertEquals("mine\n", Files.readString(root.resolve("ostree/deploy/default/var/lib/app/state")));
        String options = bls();
        assertTrue(options.contains("img.karg=2") && options.contains("local.karg=yes"), options);
        assertEquals(1, options.lines().filter(l -> l.startsWith("options") && l.contains("img.karg=1")).count(),
                "only the rollback entry keeps the old image karg:\n" + options);
        assertTrue(out.contains("Deployed as the next boot: oci:" + images.dir() + ":v2"), out.toString());
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    @Test
    void switchToTheTrackedImageIsANoOp() throws Exception {
        try (BootcSysroot host = open()) {
            assertInstanceOf(Switch.Outcome.Unchanged.class,
                    Switch.run(host, oci(images.dir(), "v1"), RegistryOptions.defaults(), out::add));
        }
        assertTrue(out.contains("Image specification is unchanged."), out.toString());
    }

    @Test
    void upgradeChecksThenStagesThenHasNothingToDo() throws Exception {
        try (BootcSysroot host = open()) {
            assertEquals(new Upgrade.Outcome.Checked(false, host.status().status().booted().image().imageDigest()),
                    Upgrade.run(host, true, RegistryOptions.defaults(), out::add));
        }
        // Retag v1 as a new image: upgrade follows the tag.
        var v1b = images.derive("v1", "1.1", Map.of("usr/share/fix", "1\n"), BootableImages.LABELS);
        try (BootcSysroot host = open()) {
            Upgrade.Outcome check = Upgrade.run(host, true, RegistryOptions.defaults(), out::add);
            assertEquals(new Upgrade.Outcome.Checked(true, v1b.digest().toString()), check);
            assertEquals(v1b.digest().toString(), host.status().status().booted().cachedUpdate().imageDigest());
            assertInstanceOf(Upgrade.Outcome.Staged.class, Upgrade.run(host, false, RegistryOptions.defaults(), out::add));
            assertEquals("1.1", host.status().status().booted().image().version());
            assertEquals(null, host.status().status().booted().cachedUpdate());
            assertInstanceOf(Upgrade.Outcome.NoUpdate.class, Upgrade.run(host, false, RegistryOptions.defaults(), out::add));
        }
        assertTrue(out.contains("No update available."), out.toString());
    }

    @Test
    void editAppliesRollbackOrSwitchButNotBoth() throws Exception {
        images.derive("v2", "2.0", Map.of("usr/share/marker", "v2\n"), BootableImages.LABELS);
        try (BootcSysroot host = open()) {
            Host current = host.status();
            Edit.run(host, current, RegistryOptions.defaults(), out::add);
            assertTrue(out.contains("Edit cancelled, no changes made."));
            ImageReference v2 = new ImageReference(images.dir() + ":v2", "oci", null);
            Host both = Host.of(new HostSpec(v2, BootOrder.ROLLBACK), current.status());
            assertThrows(InvalidTransitionException.class, () -> Edit.run(host, both, RegistryOptions.defaults(), out::add));
            Edit.run(host, Host.of(new HostSpec(v2, BootOrder.DEFAULT), current.status()), RegistryOptions.defaults(),
                    out::add);
            assertEquals(v2, host.status().spec().image());
            Host afterSwitch = host.status();
            Edit.run(host, Host.of(new HostSpec(v2, BootOrder.ROLLBACK), afterSwitch.status()), RegistryOptions.defaults(),
                    out::add);
            assertEquals(afterSwitch.status().rollback().ostree(), host.status().status().booted().ostree());
        }
    }

    @Test
    void badImagesChangeNothing() throws Exception {
        images.derive("plain", "3", Map.of("usr/share/x", "x\n"), Map.of());
        images.foreign("arm", "arm64");
        images.derive("badkargs", "4", Map.of("usr/lib/bootc/kargs.d/01-bad.toml", "kargs = []\nunknown = 1\n"),
                BootableImages.LABELS);
        FileSnapshot before = snapshot();
        for (var c : List.<Object[]>of(
                new Object[] {"plain", "Target image does not have ostree.bootable label"},
                new Object[] {"arm", "Image has architecture arm64; expected amd64"},
                new Object[] {"missing", "not found"},
                new Object[] {"badkargs", "Parsing usr/lib/bootc/kargs.d/01-bad.toml"})) {
            try (BootcSysroot host = open()) {
                BootcException e = assertThrows(BootcException.class,
                        () -> Switch.run(host, oci(images.dir(), (String) c[0]), RegistryOptions.defaults(), out::add));
                assertTrue(e.getMessage().contains((String) c[1]), c[0] + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
            assertEquals(before, snapshot(), "after " + c[0]);
        }
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
        assertInstanceOf(ImageException.class, new ImageException("x"));
    }

    FileSnapshot snapshot() {
        return FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy"));
    }
}
