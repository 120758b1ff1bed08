package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bootcj.deploy.TreeDiff.Change;
import dev.bootcj.deploy.TreeDiff.Kind;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.testing.SysrootFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree differences on disk (hardlinks, copies, modes, symlinks) and between commits of a real repo. */
class TreeDiffTest {
    @TempDir
    Path tmp;

    @Test
    void directoriesCompareInodesThenContentTypeAndMode() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a.resolve("d"));
        Files.createDirectories(b.resolve("d"));
        Files.writeString(a.resolve("linked"), "same object");
        Files.createLink(b.resolve("linked"), a.resolve("linked"));
        Files.writeString(a.resolve("copied"), "same bytes");
        Files.writeString(b.resolve("copied"), "same bytes");
        Files.writeString(a.resolve("edited"), "one");
        Files.writeString(b.resolve("edited"), "two");
        Files.writeString(a.resolve("chmod"), "x");
        Files.writeString(b.resolve("chmod"), "x");
        Files.setPosixFilePermissions(b.resolve("chmod"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(a.resolve("link"), Path.of("t1"));
        Files.createSymbolicLink(b.resolve("link"), Path.of("t2"));
        Files.writeString(a.resolve("d/gone"), "12345");
        Files.writeString(b.resolve("d/new"), "123");
        Files.createDirectories(b.resolve("e/f"));
        Files.writeString(b.resolve("e/f/deep"), "z");

        assertEquals(List.of(
                new Change("/chmod", Kind.CHANGED, 1, 1),
                new Change("/d/gone", Kind.REMOVED, 5, 0),
                new Change("/d/new", Kind.ADDED, 0, 3),
                new Change("/e/f/deep", Kind.ADDED, 0, 1),
                new Change("/edited", Kind.CHANGED, 3, 3),
                new Change("/link", Kind.CHANGED, 0, 0)), TreeDiff.directories(a, b));
        assertEquals(List.of(), TreeDiff.directories(a, a));
        assertEquals(6, TreeDiff.directories(tmp.resolve("missing"), a).size(), "a missing tree is empty");
    }

    @Test
    void commitsSkipSharedSubtreesAndListWholeNewOnes() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String v1 = s.commit("t/v1", Map.of(), Map.of("usr/share/a", "aaa", "usr/share/sub/x", "1",
                "usr/lib/file-then-dir", "f"));
        String v2 = s.commit("t/v2", Map.of(), Map.of("usr/share/a", "aaaa", "usr/opt/new/y", "22",
                "usr/lib/file-then-dir/inner", "i"));
        try (OstreeRepo repo = OstreeRepo.open(s.repo())) {
            assertEquals(List.of(
                    new Change("/usr/bin/version", Kind.CHANGED, 9, 9),
                    new Change("/usr/lib/file-then-dir", Kind.REMOVED, 1, 0),
                    new Change("/usr/lib/file-then-dir/inner", Kind.ADDED, 0, 1),
                    new Change("/usr/opt/new/y", Kind.ADDED, 0, 2),
                    new Change("/usr/share/a", Kind.CHANGED, 3, 4),
                    new Change("/usr/share/sub/x", Kind.REMOVED, 1, 0)), TreeDiff.commits(repo, v1, v2));
            assertEquals(List.of(), TreeDiff.commits(repo, v2, v2));
        }
    }
}
