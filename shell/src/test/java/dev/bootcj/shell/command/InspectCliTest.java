package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bootc inspect deployment} and {@code bootc inspect diff} through the packaged launcher, on a real sysroot
 * whose two deployments differ in known files and whose booted {@code /etc} has known local edits.
 */
class InspectCliTest {
    @TempDir
    static Path tmp;
    static SysrootFixture sysroot;
    static String[] commits;
    static Path booted;

    @BeforeAll
    static void sysroot() throws Exception {
        sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String v1 = sysroot.commit("test/v1", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_1, "1.0", null),
                Map.of("usr/share/doc/kept", "same in both\n", "usr/share/doc/changed", "old\n",
                        "usr/share/doc/removed", "gone in v2\n", "usr/etc/motd", "welcome\n"));
        String v2 = sysroot.commit("test/v2", SysrootFixture.imageMetadata(SysrootFixture.DIGEST_2, "2.0", null),
                Map.of("usr/share/doc/kept", "same in both\n", "usr/share/doc/changed", "new content\n",
                        "usr/lib/added/file", "12345\n", "usr/etc/motd", "welcome\n"));
        commits = new String[] {v1, v2};
        sysroot.deploy(v1, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n");
        sysroot.deploy(v2, "[origin]\ncontainer-image-reference=ostree-unverified-image:oci:/var/mnt/osupdate:v2\n",
                "console=ttyS0", "quiet");
        booted = sysroot.root().resolve("ostree/deploy/testos/deploy/" + v2 + ".0");
        // Local edits in the booted deployment's /etc: one changed, one added, one removed.
        Files.writeString(booted.resolve("etc/motd"), "edited locally\n");
        Files.writeString(booted.resolve("etc/local.conf"), "x=1\n");
        Files.delete(booted.resolve("etc/os-release"));
    }

    static Tools.Result bootc(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--sysroot";
        all[args.length + 1] = sysroot.root().toString();
        return BootcProcess.run(all);
    }

    @Test
    void deploymentShowsOriginCommitVersionKargsAndEtcChanges() {
        Tools.Result r = bootc("inspect", "deployment", "booted");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("""
                Deployment 0 (booted (next boot))
                  Stateroot: testos
                     Commit: %s.0
                     Origin: ostree-unverified-image:oci:/var/mnt/osupdate:v2
                     Digest: %s
                    Version: 2.0
                      Kargs: ostree=/ostree/boot.N/testos/BOOTCSUM/0 console=ttyS0 quiet
                /etc changes against /usr/etc (3):
                A /etc/local.conf (4 B)
                M /etc/motd (8 B -> 15 B)
                D /etc/os-release (31 B)
                """.formatted(commits[1], SysrootFixture.DIGEST_2),
                r.stdout().replaceAll("ostree=/ostree/boot\\.[01]/testos/[0-9a-f]{64}/0",
                        "ostree=/ostree/boot.N/testos/BOOTCSUM/0"));

        Tools.Result rollback = bootc("inspect", "deployment", "1");
        assertEquals(0, rollback.exitCode(), rollback.stderr());
        assertTrue(rollback.stdout().startsWith("Deployment 1 (rollback)\n"), rollback.stdout());
        assertTrue(rollback.stdout().contains("     Commit: " + commits[0] + ".0\n"), rollback.stdout());
        assertTrue(rollback.stdout().endsWith("/etc: no changes against /usr/etc\n"), rollback.stdout());
    }

    @Test
    void diffOfTwoDeploymentsListsExactlyTheChangedFiles() {
        Tools.Result r = bootc("inspect", "diff", "rollback", "booted");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(
                "A /etc/local.conf (4 B)",
                "M /etc/motd (8 B -> 15 B)",
                "D /etc/os-release (31 B)",
                "M /usr/bin/version (9 B -> 9 B)",
                "A /usr/lib/added/file (6 B)",
                "M /usr/share/doc/changed (4 B -> 12 B)",
                "D /usr/share/doc/removed (11 B)",
                "7 files differ: 2 added, 2 removed, 3 changed"), r.stdout().lines().toList());
    }

    @Test
    void diffOfTwoStoredImagesComparesCommits() {
        Tools.Result r = bootc("inspect", "diff", "test/v1", "test/v2");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("""
                M /usr/bin/version (9 B -> 9 B)
                A /usr/lib/added/file (6 B)
                M /usr/share/doc/changed (4 B -> 12 B)
                D /usr/share/doc/removed (11 B)
                4 files differ: 1 added, 1 removed, 2 changed
                """, r.stdout());
        Tools.Result same = bootc("inspect", "diff", "test/v2", "booted");
        assertEquals("0 files differ: 0 added, 0 removed, 0 changed\n", same.stdout(), same.stderr());
    }

    @Test
    void unknownNamesAreUsageErrors() {
        Tools.Result staged = bootc("inspect", "deployment", "staged");
        assertEquals(2, staged.exitCode());
        assertTrue(staged.stderr().startsWith("error: no deployment 'staged' in " + sysroot.root()
                + " (deployments: booted, rollback, 0, 1)\n"), staged.stderr());
        Tools.Result bad = bootc("inspect", "deployment", "latest");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().startsWith("error: invalid deployment 'latest'"), bad.stderr());
        Tools.Result image = bootc("inspect", "diff", "booted", "quay.io/not/pulled:1");
        assertEquals(1, image.exitCode());
        assertTrue(image.stderr().startsWith("error: No image or deployment 'quay.io/not/pulled:1'"), image.stderr());
        Tools.Result nine = bootc("inspect", "diff", "0", "9");
        assertEquals(2, nine.exitCode());
        assertTrue(nine.stderr().startsWith("error: no deployment '9'"), nine.stderr());
    }
}
