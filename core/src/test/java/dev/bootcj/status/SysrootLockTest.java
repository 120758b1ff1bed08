package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.spec.Host;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysroot lock against libostree's own ({@code ostree_sysroot_try_lock}, an OFD lock taken in this same
 * process, which conflicts with ours as another process's would): on a writable sysroot, and on a read-only view
 * of it (a read-only bind mount, as a booted host's {@code /sysroot}).
 */
class SysrootLockTest {
    @TempDir
    Path tmp;

    Path readOnly;
    final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() {
        pool.shutdownNow();
        if (readOnly != null) {
            Tools.run("umount", readOnly.toString());
        }
    }

    static final Runnable NO_WAIT = () -> {
        throw new AssertionError("waited for a free lock");
    };

    @Test
    void exclusiveWhereTheFileCanBeCreated() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        Path file = s.root().resolve("ostree/lock");
        try (OstreeSysroot sysroot = OstreeSysroot.open(s.root())) {
            try (SysrootLock lock = SysrootLock.acquire(file, NO_WAIT)) {
                assertTrue(lock.held());
                assertFalse(sysroot.tryLock(), "libostree waits behind us");
            }
            assertFalse(Files.exists(file), "the exclusive holder removes the file, as libostree does");
            assertTrue(sysroot.tryLock());
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Boolean> ours = pool.submit(() -> {
                try (SysrootLock lock = SysrootLock.acquire(file, waiting::countDown)) {
                    return lock.held();
                }
            });
            waiting.await();
            assertFalse(ours.isDone());
            sysroot.unlock(); // removes the file we were waiting on: we lock a new one
            assertTrue(ours.get());
        }
        assertFalse(Files.exists(file));
    }

    /** A read-only bind mount of {@code dir}. */
    Path readOnlyView(Path dir) {
        Path view = tmp.resolve("ro");
        Tools.run("mkdir", "-p", view.toString());
        Tools.run("mount", "--bind", dir.toString(), view.toString());
        readOnly = view; // unmounted after the test
        Tools.run("mount", "-o", "remount,bind,ro", view.toString());
        return view;
    }

    @Test
    void sharedOnAReadOnlySysroot() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        Path view = readOnlyView(s.root());
        Path file = view.resolve("ostree/lock");
        try (SysrootLock lock = SysrootLock.acquire(file, NO_WAIT)) {
            assertFalse(lock.held(), "no lock file and none can be created: nobody holds the lock");
        }
        try (OstreeSysroot sysroot = OstreeSysroot.open(s.root())) {
            assertTrue(sysroot.tryLock());
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Boolean> ours = pool.submit(() -> {
                try (SysrootLock lock = SysrootLock.acquire(file, waiting::countDown)) {
                    return lock.held();
                }
            });
            waiting.await();
            assertFalse(ours.isDone());
            sysroot.unlock();
            assertFalse(ours.get(), "the writer removed the file as it let go");

            Files.writeString(s.root().resolve("ostree/lock"), ""); // left behind, e.g. by a crashed writer
            try (SysrootLock lock = SysrootLock.acquire(file, NO_WAIT)) {
                assertTrue(lock.held());
                assertFalse(sysroot.tryLock(), "a shared lock still keeps writers out");
            }
            assertTrue(Files.exists(file), "only an exclusive holder removes the file");
            assertTrue(sysroot.tryLock());
        }
    }

    @Test
    void aBootedStatusOnAReadOnlySysrootWaitsForAWriter() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = s.deployTwoImages();
        Path view = readOnlyView(s.root());
        // "/" of the host booted from the default deployment, its /ostree and /boot on the read-only view.
        Path root = s.root().resolve("ostree/deploy/testos/deploy/" + c[1] + ".0");
        Files.createSymbolicLink(root.resolve("ostree"), view.resolve("ostree"));
        Files.createSymbolicLink(root.resolve("boot"), view.resolve("boot"));
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("ostree-booted"), "");
        OnDiskSysroot.Environment env = new OnDiskSysroot.Environment(root, run);

        Host free = OnDiskSysroot.status(root, env, NO_WAIT);
        assertEquals(c[1], free.status().booted().ostree().checksum());
        List<String> told = new CopyOnWriteArrayList<>();
        try (OstreeSysroot sysroot = OstreeSysroot.open(s.root())) {
            assertTrue(sysroot.tryLock());
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Host> read = pool.submit(() -> OnDiskSysroot.status(root, env, () -> {
                told.add("Waiting for sysroot lock...");
                waiting.countDown();
            }));
            waiting.await();
            assertFalse(read.isDone());
            sysroot.unlock();
            assertEquals(free, read.get());
        }
        assertEquals(List.of("Waiting for sysroot lock..."), told);
    }
}
