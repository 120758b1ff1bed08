package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.SysrootException;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.FileSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback on real offline sysroots, checked against {@code ostree admin status}. */
class RollbackTest {
    @TempDir
    Path tmp;

    @Test
    void rollbackSwapsAndASecondRollbackSwapsBack() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = s.deployTwoImages(); // default: c[1], rollback: c[0]
        List<String> out = new ArrayList<>();
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            assertTrue(Rollback.run(host, out::add));
            Host status = host.status();
            assertEquals(c[0], status.status().booted().ostree().checksum());
            assertEquals(c[1], status.status().rollback().ostree().checksum());
            assertEquals(BootOrder.DEFAULT, status.spec().bootOrder());
        }
        assertEquals(List.of("Next boot: rollback deployment"), out);
        assertTrue(firstDeployment(s).startsWith(c[0]), s.adminStatus());
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            Rollback.run(host, out::add);
            assertEquals(c[1], host.status().status().booted().ostree().checksum());
        }
        assertTrue(firstDeployment(s).startsWith(c[1]), s.adminStatus());
    }

    @Test
    void nothingToRollBackToChangesNothing() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1", null), Map.of());
        s.deploy(a, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/x:1\n");
        FileSnapshot before = FileSnapshot.of(s.root().resolve("boot"), s.root().resolve("ostree/deploy/testos/deploy"));
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            SysrootException e = assertThrows(SysrootException.class, () -> Rollback.run(host, x -> { }));
            assertEquals("No rollback available", e.getMessage());
        }
        assertEquals(before, FileSnapshot.of(s.root().resolve("boot"), s.root().resolve("ostree/deploy/testos/deploy")));
    }

    @Test
    void rollbackToANonImageDeploymentIsRefused() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String plain = s.commit("test/plain", Map.of(), Map.of());
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1", null), Map.of());
        s.deploy(plain, null);
        s.deploy(a, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/x:1\n");
        try (BootcSysroot host = BootcSysroot.open(s.root(), () -> { })) {
            assertEquals("Rollback is not container image based",
                    assertThrows(SysrootException.class, () -> Rollback.run(host, x -> { })).getMessage());
            assertTrue(host.offline());
        }
    }

    /** The first deployment line of {@code ostree admin status} (the default), without its markers. */
    static String firstDeployment(SysrootFixture s) {
        for (String line : s.adminStatus().lines().toList()) {
            String t = line.replace("*", "").trim();
            if (t.startsWith("testos ")) {
                return t.substring("testos ".length());
            }
        }
        throw new AssertionError("no deployment in " + s.adminStatus());
    }
}
