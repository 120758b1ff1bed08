package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.SysrootException;
import dev.bootcj.deploy.BootcSysroot;
import dev.bootcj.deploy.Install;
import dev.bootcj.deploy.Rollback;
import dev.bootcj.deploy.Switch;
import dev.bootcj.deploy.Upgrade;
import dev.bootcj.glib.Variants;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.SysrootFixture;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-based reader against libostree: for every kind of sysroot the project's tests build, {@link
 * HostStatusReader#read(Path, Runnable)} (files only) gives exactly the {@link Host} that the oracle {@link
 * LibostreeStatus#read(OstreeSysroot)} (libostree) gives, and so does what the deployment verbs read under their lock
 * ({@link BootcSysroot#status()}). The booted view, which libostree only takes of the real {@code /}, is checked by
 * construction against a sysroot seen as booted from one of its deployments here, and against libostree in the VM
 * test.
 */
class OnDiskSysrootTest {
    static final String REGISTRY_V1 = "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n";

    @TempDir
    Path tmp;

    /** Both readers; asserts they agree and returns the document. */
    static Host sameAsLibostree(Path root) throws Exception {
        Host files = HostStatusReader.read(root, () -> { });
        Host libostree;
        try (OstreeSysroot sysroot = OstreeSysroot.open(root)) {
            libostree = LibostreeStatus.read(sysroot);
        }
        assertEquals(libostree, files);
        assertEquals(files, HostStatusReader.readWithoutLock(root));
        return files;
    }

    SysrootFixture fixture() throws Exception {
        return SysrootFixture.create(tmp.resolve("sysroot"), "testos");
    }

    @Test
    void noDeployments() throws Exception {
        assertEquals(Host.empty(), sameAsLibostree(fixture().root()));
    }

    @Test
    void oneImageDeployment() throws Exception {
        SysrootFixture s = fixture();
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1.0", "2024-05-01T10:00:00Z"),
                Map.of());
        s.deploy(a, REGISTRY_V1);
        Host host = sameAsLibostree(s.root());
        assertEquals(a, host.status().booted().ostree().checksum());
        assertNull(host.status().rollback());
    }

    @Test
    void twoImagesWithAPinnedRollback() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages();
        Host host = sameAsLibostree(s.root());
        assertEquals(c[1], host.status().booted().ostree().checksum());
        assertEquals(c[0], host.status().rollback().ostree().checksum());
        assertTrue(host.status().rollback().pinned());
    }

    /**
     * A rollback between deployments with the same kernel and arguments keeps the boot entries and only swaps the
     * sub-boot version ({@code ostree/boot.N -> boot.N.M}): the order lives in the symlink farm.
     */
    @Test
    void rollbackSwapsTheSymlinkFarmBothWays() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages();
        String farm = farm(s.root());
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            Rollback.run(host, x -> { });
        }
        assertFalse(farm.equals(farm(s.root())), farm);
        assertEquals(c[0], sameAsLibostree(s.root()).status().booted().ostree().checksum());
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            Rollback.run(host, x -> { });
        }
        assertEquals(farm, farm(s.root()));
        assertEquals(c[1], sameAsLibostree(s.root()).status().booted().ostree().checksum());
    }

    /** {@code boot/loader} and {@code ostree/boot.N}'s targets. */
    static String farm(Path root) throws Exception {
        Path loader = Files.readSymbolicLink(root.resolve("boot/loader"));
        return loader + " " + Files.readSymbolicLink(root.resolve("ostree/boot." + loader.toString().substring(7)));
    }

    @Test
    void nonContainerOriginsAndMissingOrigins() throws Exception {
        SysrootFixture s = fixture();
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, null, "2024-05-01T10:00:00Z"),
                Map.of());
        String plain = s.commit("test/plain", Map.of("version", "42"), Map.of());
        s.deploy(a, REGISTRY_V1);
        s.deploy(plain, null);
        assertEquals(plain, sameAsLibostree(s.root()).status().booted().ostree().checksum());
        Files.delete(s.originFile(plain, 0));
        assertNull(sameAsLibostree(s.root()).spec().image());
    }

    @Test
    void rpmOstreeOriginIsIncompatible() throws Exception {
        SysrootFixture s = fixture();
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1", null), Map.of());
        s.deploy(a, "[origin]\nrefspec=fedora:fedora/x86_64/coreos/stable\n\n[packages]\nrequested=htop;\n");
        Host host = sameAsLibostree(s.root());
        assertTrue(host.status().booted().incompatible());
    }

    @Test
    void originSyntaxGLibAccepts() throws Exception {
        SysrootFixture s = fixture();
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1", null), Map.of());
        s.deploy(a, REGISTRY_V1);
        // Comments, blank lines, CRLF, spaces around '=', a repeated group and key, pinned with trailing space.
        Files.writeString(s.originFile(a, 0), "# written by hand\r\n\n  [origin]  \r\ncontainer-image-reference = "
                + "ostree-unverified-registry:quay.io/example/os:old\n[libostree-transient]\npinned=true  \n"
                + "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:new\n");
        Host host = sameAsLibostree(s.root());
        assertEquals("quay.io/example/os:new", host.spec().image().image());
        assertTrue(host.status().booted().pinned());
    }

    @Test
    void twoStaterootsKeepTheirOwnRollback() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages();
        String other = s.commit("test/other", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_2, "9", null), Map.of());
        SysrootFixture.ostree("admin", "os-init", "otheros", "--sysroot=" + s.root());
        Path origin = tmp.resolve("other.origin");
        Files.writeString(origin, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/other:9\n");
        SysrootFixture.ostree("admin", "deploy", "--sysroot=" + s.root(), "--os=otheros", "--retain",
                "--origin-file=" + origin, other);
        Host host = sameAsLibostree(s.root());
        assertEquals(other, host.status().booted().ostree().checksum());
        assertNull(host.status().rollback(), "no other deployment of otheros");
        // Back to testos first: its rollback is its own older deployment, not otheros'.
        SysrootFixture.ostree("admin", "deploy", "--sysroot=" + s.root(), "--os=testos", "--retain", c[1]);
        host = sameAsLibostree(s.root());
        assertEquals(new dev.bootcj.spec.BootEntryOstree(c[1], 1), host.status().booted().ostree());
        assertEquals(new dev.bootcj.spec.BootEntryOstree(c[1], 0), host.status().rollback().ostree());
    }

    @Test
    void elevenDeploymentsSortByVersionNumber() throws Exception {
        SysrootFixture s = fixture();
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1", null), Map.of());
        for (int i = 0; i < 11; i++) {
            s.deploy(a, REGISTRY_V1);
        }
        Host host = sameAsLibostree(s.root());
        assertEquals(10, host.status().booted().ostree().deploySerial(), "version 11 sorts before 9 as a number");
        assertEquals(9, host.status().rollback().ostree().deploySerial());
    }

    @Test
    void cachedUpdateFromUpgradeCheck() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images"));
        Path root = tmp.resolve("sysroot");
        OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
        Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                RegistryOptions.defaults(), x -> { });
        images.derive("v1", "1.1", Map.of("usr/share/fix", "1\n"), BootableImages.LABELS);
        try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
            Upgrade.run(host, true, RegistryOptions.defaults(), x -> { });
        }
        Host host = sameAsLibostree(root);
        assertNotNull(host.status().booted().cachedUpdate());
        assertEquals("1.1", host.status().booted().cachedUpdate().version());
    }

    /**
     * What the deployment verbs read of an open sysroot ({@link BootcSysroot#status()}), asserted to be what libostree
     * loads from the same sysroot at {@code root}.
     */
    static Host sameAsLibostree(BootcSysroot host, Path root) throws Exception {
        Host files = host.status();
        try (OstreeSysroot sysroot = OstreeSysroot.open(root)) {
            assertEquals(LibostreeStatus.read(sysroot), files);
        }
        return files;
    }

    /**
     * The deployment verbs decide from the files they read under their lock; libostree, which they deploy with,
     * sees the same host before and after each of them: install, switch (and a switch to the same image), a cached
     * update, upgrade, a pinned deployment, rollback and its revert.
     */
    @Test
    void theDeployVerbsReadWhatLibostreeLoaded() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images"));
        Path root = tmp.resolve("sysroot");
        OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
        OstreeImageReference v2 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v2");
        Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                RegistryOptions.defaults(), x -> { });
        images.derive("v2", "2.0", Map.of("usr/share/marker", "v2\n"), BootableImages.LABELS);
        List<String> out = new ArrayList<>();
        try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
            assertEquals("1.0", sameAsLibostree(host, root).status().booted().image().version());
            assertInstanceOf(Switch.Outcome.Staged.class, Switch.run(host, v2, RegistryOptions.defaults(), out::add));
            Host switched = sameAsLibostree(host, root);
            assertEquals("2.0", switched.status().booted().image().version());
            assertEquals("1.0", switched.status().rollback().image().version());
            assertInstanceOf(Switch.Outcome.Unchanged.class, Switch.run(host, v2, RegistryOptions.defaults(), out::add));
            images.derive("v2", "2.1", Map.of("usr/share/marker", "v2.1\n"), BootableImages.LABELS);
            Upgrade.run(host, true, RegistryOptions.defaults(), out::add);
            assertEquals("2.1", sameAsLibostree(host, root).status().booted().cachedUpdate().version());
            assertInstanceOf(Upgrade.Outcome.Staged.class, Upgrade.run(host, false, RegistryOptions.defaults(), out::add));
            assertEquals("2.1", sameAsLibostree(host, root).status().booted().image().version());
        }
        SysrootFixture.ostree("admin", "pin", "--sysroot=" + root, "1");
        try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
            Host pinned = sameAsLibostree(host, root);
            assertTrue(pinned.status().rollback().pinned());
            Rollback.run(host, out::add);
            Host rolledBack = sameAsLibostree(host, root);
            assertEquals(pinned.status().rollback(), rolledBack.status().booted());
            Rollback.run(host, out::add);
            assertEquals(pinned, sameAsLibostree(host, root));
        }
        assertTrue(out.contains("Image specification is unchanged."), out.toString());
        sameAsLibostree(root);
    }

    /**
     * Makes a deployment directory look like {@code /} of a host booted from it, as the initramfs leaves it:
     * {@code /ostree} leads to the sysroot's, {@code /boot} is the sysroot's. Returns the directory.
     */
    static Path bootedRoot(Path sysroot, String osname, String id) throws Exception {
        Path d = sysroot.resolve("ostree/deploy/" + osname + "/deploy/" + id);
        Files.createSymbolicLink(d.resolve("ostree"), sysroot.resolve("ostree"));
        if (Files.isDirectory(d.resolve("boot"))) {
            Files.delete(d.resolve("boot"));
        }
        Files.createSymbolicLink(d.resolve("boot"), sysroot.resolve("boot"));
        return d;
    }

    /** A {@code /run} of an ostree-booted host. */
    Path run() throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run.resolve("ostree"));
        Files.writeString(run.resolve("ostree-booted"), "");
        return run;
    }

    @Test
    void bootedFromTheRollbackWithAStagedDeployment() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages(); // default c[1], then c[0]
        Host offline = sameAsLibostree(s.root());
        String d = s.commit("test/v3", SysrootFixture.imageMetadata("sha256:" + "3".repeat(64), "3.0", null), Map.of());
        // What ostree_sysroot_stage_tree leaves behind: the origin beside the deployments, and the record in /run
        // (serialized by GLib itself).
        Files.writeString(s.originFile(d, 0),
                "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v3\n");
        Path run = run();
        Files.write(run.resolve("ostree/staged-deployment"), glibVardict(Map.of("target",
                Map.of("name", d + ".0", "osname", "testos", "bootcsum", "0".repeat(64)))));
        Path root = bootedRoot(s.root(), "testos", c[0] + ".0");
        OnDiskSysroot.Environment env = new OnDiskSysroot.Environment(root, run);

        OnDiskSysroot sysroot = OnDiskSysroot.open(root, env);
        assertTrue(sysroot.booted());
        List<StatusDeployment> list = sysroot.deployments();
        assertEquals(List.of(d, c[1], c[0]), list.stream().map(StatusDeployment::checksum).toList());
        assertEquals(List.of(0, 1, 2), list.stream().map(StatusDeployment::index).toList());
        assertEquals(List.of(true, false, false), list.stream().map(StatusDeployment::staged).toList());
        assertEquals(List.of(false, false, true), list.stream().map(StatusDeployment::booted).toList());

        Host host = OnDiskSysroot.status(root, env, () -> { });
        // The running system is the offline rollback; the offline default is now the rollback, queued to boot next.
        assertEquals(offline.status().rollback(), host.status().booted());
        assertEquals(offline.status().booted(), host.status().rollback());
        assertTrue(host.status().rollbackQueued());
        assertEquals(BootOrder.ROLLBACK, host.spec().bootOrder());
        assertEquals(d, host.status().staged().ostree().checksum());
        assertEquals("3.0", host.status().staged().image().version());
        assertEquals("quay.io/example/os:v3", host.spec().image().image(), "the spec follows the staged image");
        assertEquals(host, OnDiskSysroot.statusWithoutLock(root, env));
        assertFalse(Files.exists(s.root().resolve("ostree/lock")), "the lock is released and its file removed");
    }

    @Test
    void bootedWithoutItsBootEntryIsAnError() throws Exception {
        SysrootFixture s = fixture();
        s.deployTwoImages();
        OnDiskSysroot.Environment env = new OnDiskSysroot.Environment(s.root(), run());
        SysrootException e = assertThrows(SysrootException.class, () -> OnDiskSysroot.status(s.root(), env, () -> { }));
        assertEquals("Unexpected state: /run/ostree-booted found and in / sysroot, but bootloader entry not found",
                e.getMessage());
    }

    @Test
    void notBootedRootIsTheNullDocument() throws Exception {
        SysrootFixture s = fixture();
        s.deployTwoImages();
        OnDiskSysroot.Environment env = new OnDiskSysroot.Environment(s.root(), tmp.resolve("run-not-ostree"));
        assertEquals(Host.empty(), OnDiskSysroot.status(s.root(), env, () -> { }));
    }

    static byte[] glibVardict(Map<String, ?> map) {
        MemorySegment v = Variants.sink(Variants.vardict(map));
        try {
            return Variants.bytes(v);
        } finally {
            Variants.unref(v);
        }
    }

    @Test
    void notASysrootGivesTheSameMessages() throws Exception {
        SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(tmp, () -> { }));
        assertEquals(tmp + " is not an ostree sysroot: no ostree/repo and ostree/deploy in it", e.getMessage());
        e = assertThrows(SysrootException.class, () -> HostStatusReader.read(tmp.resolve("missing"), () -> { }));
        assertEquals(tmp.resolve("missing") + " is not an ostree sysroot: no such directory", e.getMessage());
    }

    @Test
    void corruptFilesAreNamedOnOneLine() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages();
        Path commit = s.repo().resolve("objects/" + c[1].substring(0, 2) + "/" + c[1].substring(2) + ".commit");
        Path origin = s.originFile(c[1], 0);
        String goodOrigin = Files.readString(origin);
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {origin, "[origin\ncontainer-image-reference=x\n".getBytes(), "which is not a key-value pair"});
        cases.add(new Object[] {origin, "key=value\n".getBytes(), "Key file does not start with a group"});
        cases.add(new Object[] {origin, new byte[] {'[', 'o', ']', '\n', 'k', '=', (byte) 0xff, '\n'}, "invalid UTF-8"});
        for (Object[] k : cases) {
            Files.write((Path) k[0], (byte[]) k[1]);
            SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
            assertTrue(e.getMessage().startsWith(k[0] + ": ") && e.getMessage().contains((String) k[2]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        Files.writeString(origin, goodOrigin);
        byte[] good = Files.readAllBytes(commit);
        Files.write(commit, java.util.Arrays.copyOf(good, good.length - 3));
        SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
        assertTrue(e.getMessage().startsWith(commit + ": corrupt commit object"), e.getMessage());
        Files.delete(commit);
        e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
        assertTrue(e.getMessage().contains(c[1] + ".commit"), e.getMessage());

        Path entries = s.root().resolve("boot").resolve(Files.readSymbolicLink(s.root().resolve("boot/loader")))
                .resolve("entries");
        Path entry;
        try (var list = Files.list(entries)) {
            entry = list.sorted().toList().getLast();
        }
        Files.writeString(entry, "title x\nversion 2\noptions rw\n");
        e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
        assertEquals(entry + ": no ostree= kernel argument found", e.getMessage());
    }

    @Test
    void aBootedReadWaitsForLibostreesLock() throws Exception {
        SysrootFixture s = fixture();
        String[] c = s.deployTwoImages();
        Path root = bootedRoot(s.root(), "testos", c[1] + ".0");
        OnDiskSysroot.Environment env = new OnDiskSysroot.Environment(root, run());
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (OstreeSysroot sysroot = OstreeSysroot.open(s.root())) {
            assertTrue(sysroot.tryLock());
            Future<Host> read = pool.submit(() -> OnDiskSysroot.status(root, env, () -> {
                told.add("Waiting for sysroot lock...");
                waiting.countDown();
            }));
            waiting.await();
            assertFalse(read.isDone());
            sysroot.unlock();
            assertEquals(c[1], read.get().status().booted().ostree().checksum());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("Waiting for sysroot lock..."), told);
        assertFalse(Files.exists(s.root().resolve("ostree/lock")), "released as libostree does: the file removed");
    }
}
