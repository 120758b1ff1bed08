package dev.bootcj.status;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ostree sysroot lock ({@code <sysroot>/ostree/lock}) taken without libostree, so that a status read waits
 * behind a running upgrade and an upgrade waits behind it.
 *
 * <p>libostree ({@code ostree_sysroot_try_lock}, libglnx's {@code glnx_make_lock_file}) opens the file with
 * {@code O_CREAT|O_RDWR}, takes an exclusive open-file-description lock ({@code F_OFD_SETLK}, whole file), checks
 * that the file still has a link (a previous holder may have removed it while it was being waited for), and on
 * release removes the file and closes it. {@link FileChannel#lock} takes a POSIX record lock ({@code F_SETLK}),
 * and the kernel makes POSIX and OFD locks on the same file conflict, in both directions and even within one
 * process; so this lock excludes libostree's and is excluded by it.
 *
 * <p>Where the file can be created it is the same protocol: exclusive, removed on release. Where it cannot (the
 * booted host's {@code /sysroot} is read-only, and libostree's own remount is not available without native
 * calls), an existing lock file is opened read-only and locked shared, which still conflicts with a writer's
 * exclusive lock; if there is no lock file, nobody holds the lock and {@link #held()} is false.
 */
final class SysrootLock implements AutoCloseable {
    private static final SysrootLock NONE = new SysrootLock(null, null, false);

    private final Path file;
    private final FileChannel channel;
    private final boolean exclusive;

    private SysrootLock(Path file, FileChannel channel, boolean exclusive) {
        this.file = file;
        this.channel = channel;
        this.exclusive = exclusive;
    }

    /**
     * Takes the lock at {@code file}, waiting for another holder; {@code onWait} runs before each wait.
     * Returns an unheld lock when the file cannot be created and does not exist.
     */
    static SysrootLock acquire(Path file, Runnable onWait) throws IOException, InterruptedException {
        while (true) {
            FileChannel channel;
            boolean exclusive;
            try {
                channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                exclusive = true;
            } catch (FileSystemException notWritable) {
                try {
                    channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                    exclusive = false;
                } catch (NoSuchFileException absent) {
                    if (notWritable instanceof AccessDeniedException) {
                        throw lockError(file, notWritable);
                    }
                    return NONE;
                } catch (IOException e) {
                    throw lockError(file, notWritable);
                }
            }
            try {
                Object key = fileKey(file);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
                if (lock == null) {
                    onWait.run();
                    try {
                        channel.lock(0, Long.MAX_VALUE, !exclusive);
                    } catch (FileLockInterruptionException e) {
                        throw new InterruptedException("interrupted while waiting for the sysroot lock " + file);
                    }
                }
                if (key != null && key.equals(fileKey(file))) {
                    SysrootLock held = new SysrootLock(file, channel, exclusive);
                    channel = null;
                    return held;
                }
                // The holder removed the file as it let go: what we locked is no longer the lock file.
            } catch (IOException e) {
                throw lockError(file, e);
            } finally {
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    /** Whether a lock is held (false: there was no lock file and none could be created). */
    boolean held() {
        return channel != null;
    }

    /** Releases the lock; the exclusive holder removes the file first, as libostree does. */
    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            if (exclusive) {
                Files.deleteIfExists(file);
            }
        } finally {
            channel.close();
        }
    }

    /** The (device, inode) the path names now, or null if it is gone. */
    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static IOException lockError(Path file, IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new IOException("locking sysroot: " + file + ": " + reason, e);
    }
}
