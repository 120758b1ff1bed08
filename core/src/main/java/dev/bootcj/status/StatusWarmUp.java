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

/**
 * Start-up work of {@code bootc status} moved onto a second core: the slow class initialisers of the reading and
 * rendering steps run on a daemon thread while the main thread reads the sysroot. jackson-core's parser pulls in
 * {@code BigDecimal}, whose JDK 25 initialiser computes 5<sup>65536</sup> (15-30 ms before the JIT is warm),
 * and the YAML emitter and the date formatter have their own. Class initialisation is thread-safe, so whichever
 * thread comes first does it and the other waits; the result is the same either way.
 */
public final class StatusWarmUp {
    private StatusWarmUp() {
    }

    /**
     * Starts warming up the reading step (the image configuration parser, timestamp parsing); returns at once.
     * Call it as early as possible: the parser's initialisers take longer than reading a small sysroot.
     */
    public static void startReading() {
        Thread.ofPlatform().daemon().name("status-warm-up-read").start(StatusWarmUp::reading);
    }

    /** Starts warming up rendering in {@code format}; returns at once. */
    public static void startRendering(StatusFormat format) {
        Thread.ofPlatform().daemon().name("status-warm-up-render").start(() -> rendering(format));
    }

    private static void reading() {
        try {
            ImageConfigLabels labels = ImageConfigLabels.parse(
                    "{\"created\":\"2000-01-01T00:00:00Z\",\"config\":{\"Labels\":{\"version\":\"1\"}}}");
            OffsetDateTime.parse(labels.created());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rendering(StatusFormat format) {
        ImageStatus image = new ImageStatus(ImageReference.registry("localhost/warm-up"), "1", Instant.EPOCH,
                "sha256:" + "0".repeat(64));
        BootEntry entry = new BootEntry(image, null, false, false, Store.OSTREE_CONTAINER,
                new BootEntryOstree("0".repeat(64), 0));
        Host host = Host.of(new HostSpec(image.image(), BootOrder.DEFAULT),
                new HostStatus(null, entry, null, false, HostType.BOOTC_HOST));
        try {
            StatusRenderer.render(host, format, Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
