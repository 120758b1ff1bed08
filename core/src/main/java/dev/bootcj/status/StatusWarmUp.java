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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up work of {@code bootc status} moved onto the second core: the slow class initialisers of the reading and
 * rendering steps run on two daemon threads while the main thread sets up the command and reads the sysroot. One
 * sets up the image configuration reader status will use ({@link ImageConfigLabels}): when the sysroot has large
 * commits, jackson-core's parser, which pulls in {@code BigDecimal}, whose JDK 25 initialiser computes
 * 5<sup>65536</sup> (about 20 ms with the C1 compiler, longer than setting up and reading a sysroot); SnakeYAML's
 * otherwise. The other initialises {@code java.time}'s parser and the renderer of the output format. Class
 * initialisation is thread-safe, so whichever thread comes first does it and the other waits; the result is the
 * same either way.
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
     * @param sysroot the sysroot status will read (a guess is fine)
     */
    public static void start(StatusFormat format, Path sysroot) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        daemon("status-warm-up-json", () -> reader(sysroot));
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

    /**
     * The image configuration reader: jackson-core's if the sysroot has a commit large enough for it (its set-up,
     * {@code BigDecimal}'s initialiser, is the long pole), SnakeYAML's otherwise.
     */
    private static void reader(Path sysroot) {
        // A ConcurrentHashMap that these threads and the main thread update at once falls back to per-thread
        // counters seeded by ThreadLocalRandom; initialised here, it is in the AOT cache when that happens.
        ThreadLocalRandom.current();
        String json = "{\"config\":{\"Labels\":{\"version\":\"1\"}}}";
        try {
            if (OnDiskSysroot.hasCommitOfAtLeast(sysroot, ImageConfigLabels.LARGE)) {
                // BigDecimal first, directly: it is the long pole, and jackson-core's own classes can meanwhile be
                // set up by the main thread if it gets there first.
                BigDecimal.ONE.signum();
                ImageConfigLabels.viaJackson(json);
            } else {
                ImageConfigLabels.viaYaml(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rendering(StatusFormat format) {
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
