package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.deploy.Install;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.FileSnapshot;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** switch, upgrade, rollback and edit through the packaged launcher on an offline sysroot. */
class DeployCliTest {
    @TempDir
    Path tmp;
    BootableImages images;
    Path root;

    @BeforeEach
    void install() throws Exception {
        images = new BootableImages(tmp.resolve("images"));
        images.derive("v2", "2.0", Map.of("usr/share/marker", "v2\n"), BootableImages.LABELS);
        root = tmp.resolve("sysroot");
        OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
        Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                RegistryOptions.defaults(), x -> { });
    }

    Tools.Result bootc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--sysroot");
        all.add(root.toString());
        return BootcProcess.run(all.toArray(String[]::new));
    }

    FileSnapshot snapshot() {
        return FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy"));
    }

    @Test
    void switchRollbackAndBackAgain() throws Exception {
        Tools.Result sw = bootc("switch", "--transport", "oci", images.dir() + ":v2");
        assertEquals(0, sw.exitCode(), sw.stderr());
        assertTrue(sw.stdout().contains("Deployed as the next boot: oci:" + images.dir() + ":v2\n  Version: 2.0\n"), sw.stdout());
        assertTrue(bootc("status", "--format", "humanreadable").stdout()
                .startsWith("\u25cf Booted image: oci:" + images.dir() + ":v2\n"));
        Tools.Result same = bootc("switch", "--transport", "oci", "--no-signature-verification", images.dir() + ":v2");
        assertEquals(0, same.exitCode(), same.stderr());
        assertEquals("Image specification is unchanged.\n", same.stdout());

        Tools.Result rb = bootc("rollback");
        assertEquals(0, rb.exitCode(), rb.stderr());
        assertEquals("Next boot: rollback deployment\n", rb.stdout());
        assertTrue(bootc("status", "--format", "humanreadable").stdout().contains("Booted image: oci:" + images.dir() + ":v1"));
        assertEquals(0, bootc("rollback").exitCode());
        assertTrue(bootc("status", "--format", "humanreadable").stdout().contains("Booted image: oci:" + images.dir() + ":v2"));
    }

    @Test
    void editFromAFile() throws Exception {
        String yaml = bootc("status", "--format", "yaml").stdout();
        Path same = Files.writeString(tmp.resolve("same.yaml"), yaml);
        assertEquals("Edit cancelled, no changes made.\n", bootc("edit", "-f", same.toString()).stdout());
        Path changed = Files.writeString(tmp.resolve("v2.yaml"), yaml.replace(images.dir() + ":v1", images.dir() + ":v2"));
        Tools.Result r = bootc("edit", "--filename", changed.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(bootc("status", "--format", "humanreadable").stdout().contains("Booted image: oci:" + images.dir() + ":v2"));
    }

    @Test
    void badInputIsOneLineAndChangesNothing() throws Exception {
        FileSnapshot before = snapshot();
        Path malformed = Files.writeString(tmp.resolve("bad.yaml"), "spec: [unclosed\n");
        Tools.Result[] results = {
            bootc("switch", "--transport", "oci", images.dir() + ":nope"),
            bootc("switch", "--transport", "ftp", "x"),
            bootc("rollback"),
            bootc("edit", "-f", malformed.toString()),
            bootc("upgrade", "--check", "--apply"),
        };
        assertTrue(results[0].stderr().startsWith("error: ") && results[0].stderr().contains("nope"), results[0].stderr());
        assertEquals("error: Unknown transport 'ftp'\n", results[1].stderr());
        assertEquals("error: No rollback available\n", results[2].stderr());
        assertTrue(results[3].stderr().startsWith("error: invalid host document " + malformed + ": "), results[3].stderr());
        for (int i = 0; i < 4; i++) {
            assertEquals(1, results[i].exitCode(), results[i].stderr());
            assertEquals(1, results[i].stderr().lines().count(), results[i].stderr());
        }
        assertEquals(2, results[4].exitCode());
        assertTrue(results[4].stderr().startsWith("error: the argument '--check' cannot be used with '--apply'"));
        assertEquals(before, snapshot());
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    @Test
    void concurrentUpgradesWaitForTheLockAndBothFinish() throws Exception {
        // Retag v1 so there is an update to apply.
        images.derive("v1", "1.1", Map.of("usr/share/fix", "1\n"), BootableImages.LABELS);
        // Hold the sysroot lock until both have started and said they wait for it.
        List<Process> procs = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        var holder = dev.bootcj.deploy.BootcSysroot.open(root, () -> { });
        try {
            for (int i = 0; i < 2; i++) {
                outs.add(tmp.resolve("out" + i));
                errs.add(tmp.resolve("err" + i));
                ProcessBuilder pb = new ProcessBuilder(BootcProcess.launcher().toString(), "upgrade", "--sysroot",
                        root.toString()).redirectOutput(outs.get(i).toFile()).redirectError(errs.get(i).toFile());
                pb.environment().put("OSTREE_SYSROOT_DEBUG", "mutable-deployments");
                procs.add(pb.start());
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!(Files.readString(errs.get(0)).contains("Waiting") && Files.readString(errs.get(1)).contains("Waiting"))) {
                assertTrue(System.nanoTime() < deadline, "both upgrades should report waiting for the lock");
                assertTrue(procs.get(0).isAlive() && procs.get(1).isAlive(), "an upgrade ended while the lock was held");
                Thread.sleep(100);
            }
        } finally {
            holder.close();
        }
        Tools.Result[] r = new Tools.Result[2];
        for (int i = 0; i < 2; i++) {
            procs.get(i).waitFor();
            r[i] = new Tools.Result(procs.get(i).exitValue(), Files.readString(outs.get(i)), Files.readString(errs.get(i)));
        }
        String both = r[0].stdout() + r[1].stdout();
        for (Tools.Result x : r) {
            assertEquals(0, x.exitCode(), x.stderr());
            assertEquals("Waiting for sysroot lock...\n", x.stderr());
        }
        assertTrue(both.contains("Deployed as the next boot: oci:") && both.contains("No update available."), both);
        assertTrue(bootc("status", "--format", "humanreadable").stdout().contains("Version: 1.1"));
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }
}
