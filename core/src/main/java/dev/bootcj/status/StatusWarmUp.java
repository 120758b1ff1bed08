package dev.bootcj.status;

import dev.bootcj.spec.BootEntry;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostSpec;
import dev.bootcj.spec.HostStatus;
import dev.bootcj.spec.HostType;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.spec.ImageStatus;
import dev.bootcj.spec.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up work of {@code bootc status} moved onto the second core: a daemon thread initialises {@code java.time}'s
 * parser and the renderer of the output format (their class initialisers are the slow part) while the main thread
 * sets up the command and reads the sysroot. Class initialisation is thread-safe, so whichever thread comes first
 * does it and the other waits; the result is the same either way. The start-up design as a whole:
 * {@code docs/startup.md}.
 */
public final class StatusWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private StatusWarmUp() {
    }

    /**
     * Starts the warm-up, once per JVM (class initialisation happens once); returns at once. Call it as early as
     * possible.
     *
     * @param format the output format
     */
    public static void start(StatusFormat format) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        daemon("status-warm-up-render", () -> rendering(format));
    }

    /** Runs {@code task} on a daemon thread; a failure there is dropped (a warm-up has no result to report). */
    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The command itself does the same work and reports what goes wrong.
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void rendering(StatusFormat format) {
        // A ConcurrentHashMap that this thread and the main thread update at once falls back to per-thread counters
        // seeded by ThreadLocalRandom; initialised here, it is in the AOT cache when that happens.
        ThreadLocalRandom.current();
        OffsetDateTime.parse("2000-01-01T00:00:00Z");
        ImageStatus image = new ImageStatus(ImageReference.registry("localhost/warm-up"), "1.0", Instant.EPOCH,
                "sha256:" + "0".repeat(64));
        // A checksum that starts with a digit but is no number: the YAML writer then consults SnakeYAML's
        // resolver, whose initialiser compiles a dozen patterns (7 ms), as it will for about 10 checksums in 16.
        BootEntry entry = new BootEntry(image, null, false, false, Store.OSTREE_CONTAINER,
                new BootEntryOstree("0a" + "0".repeat(62), 0));
        Host host = Host.of(new HostSpec(image.image(), BootOrder.DEFAULT),
                new HostStatus(null, entry, null, false, HostType.BOOTC_HOST));
        try {
            StatusRenderer.render(host, format, Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
