package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.GLibException;
import dev.bootcj.SysrootException;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.spec.Host;
import dev.bootcj.status.HostStatusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sysroot opened for writing, with the sysroot lock held until {@link #close()}. On a booted host it is
 * {@code /}; offline ({@code --sysroot DIR}) the deployment that boots next stands in for the booted one,
 * and changes are deployed directly instead of staged.
 */
public final class BootcSysroot implements AutoCloseable {
    private final OstreeSysroot sysroot;
    private final boolean offline;

    private BootcSysroot(OstreeSysroot sysroot, boolean offline) {
        this.sysroot = sysroot;
        this.offline = offline;
    }

    /**
     * Opens and locks the sysroot at {@code path}. {@code onWait} runs once if another process holds the lock
     * ("Waiting for sysroot lock..."); the lock is retried every 3 seconds, without a time limit, as bootc does.
     */
    public static BootcSysroot open(Path path, Runnable onWait) throws IOException, BootcException,
            InterruptedException {
        boolean root = path.toAbsolutePath().normalize().equals(Path.of("/"));
        if (root && !Files.exists(Path.of("/run/ostree-booted"))) {
            throw new SysrootException("This command requires an ostree-booted host system"
                    + " (use --sysroot DIR for an installed, not booted sysroot)");
        }
        OstreeSysroot s;
        try {
            s = OstreeSysroot.open(path);
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
        try {
            s.lock(onWait, 3000);
            // What we loaded before the lock was ours may be stale: another writer may have just finished.
            s.load();
            return new BootcSysroot(s, !s.isBooted());
        } catch (GLibException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The libostree sysroot. */
    OstreeSysroot ostree() {
        return sysroot;
    }

    /** Whether this is an installed but not booted sysroot. */
    public boolean offline() {
        return offline;
    }

    /** The running deployment, or offline the one that boots next. */
    Optional<Deployment> booted() throws GLibException {
        List<Deployment> all = sysroot.deployments();
        Optional<Deployment> b = all.stream().filter(Deployment::booted).findFirst();
        return offline ? all.stream().filter(d -> !d.staged()).findFirst() : b;
    }

    /**
     * The status document, read from the sysroot's files as {@code bootc status} reads them (without taking the
     * lock again: it is ours until {@link #close()}, so the files are the ones the verb is about to change).
     */
    public Host status() throws IOException, BootcException {
        return HostStatusReader.readWithoutLock(sysroot.path());
    }

    /** Bumps the mtime of {@code ostree/bootc} so {@code bootc-status-updated.path} units fire. */
    public void touchStatusStamp() throws IOException {
        Path stamp = sysroot.path().resolve("ostree/bootc");
        if (!Files.exists(stamp)) {
            Files.createDirectories(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
    }

    @Override
    public void close() {
        sysroot.close();
    }
}
