package dev.bootcj.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ErrnoException;
import dev.bootcj.testing.BindingAssert;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libc through FFM: descriptors against native-headers, errno mapping, and real mounts (we run as root). */
class PosixTest {
    @TempDir
    Path tmp;

    @Test
    void descriptorsMatchHeader() throws Exception {
        BindingAssert.assertMatchesHeader(Libc.class, "libc-bound.h");
    }

    @Test
    void structLayoutsMatchC() {
        BindingAssert.assertLayout(Structs.STAT, "libc-bound.h", "struct stat", tmp.resolve("stat"));
        BindingAssert.assertLayout(Structs.TIMESPEC, "libc-bound.h", "struct timespec", tmp.resolve("timespec"));
        assertEquals(2 * Structs.TIMESPEC.byteSize(), Structs.TIMES.byteSize());
    }

    @Test
    void errnoIsCapturedAndMapped() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> Posix.umount(tmp, 0));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("umount2(" + tmp + ") failed: Invalid argument (errno 22)", e.getMessage());
        ErrnoException missing = assertThrows(ErrnoException.class, () -> Posix.fsync(tmp.resolve("nope")));
        assertTrue(missing.isNotFound());
        assertEquals("open(" + tmp.resolve("nope") + ") failed: No such file or directory (errno 2)",
                missing.getMessage());
    }

    @Test
    void mountsAndSyncsATmpfs() throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        Posix.mount("tmpfs", mnt, "tmpfs", 0, "size=1m");
        try {
            Path f = Files.writeString(mnt.resolve("f"), "x");
            Posix.fsync(f);
            Posix.syncfs(mnt);
            assertTrue(Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .anyMatch(l -> l.contains(" " + mnt + " tmpfs ")));
        } finally {
            Posix.umount(mnt, 0);
        }
        assertTrue(Files.readAllLines(Path.of("/proc/self/mounts")).stream().noneMatch(l -> l.contains(" " + mnt + " ")));
    }
}
