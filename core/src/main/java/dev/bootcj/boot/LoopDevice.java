package dev.bootcj.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A disk image file attached as a loop device with partition scanning ({@code losetup -fP}). Hosts without udev
 * create partition nodes late or never: {@link #partition} polls, asks {@code partx}, then makes the node itself.
 */
public final class LoopDevice implements AutoCloseable {
    private final Path device;
    private boolean attached = true;

    private LoopDevice(Path device) {
        this.device = device;
    }

    /** Attaches {@code file}. */
    public static LoopDevice attach(Path file) throws IOException {
        String dev = ProcessTask.of("losetup", "-fP", "--show", file.toString()).describe("Attaching " + file).run().strip();
        return new LoopDevice(Path.of(dev));
    }

    /** The loop device ({@code /dev/loopN}). */
    public Path device() {
        return device;
    }

    /** Re-reads the partition table after partitioning. */
    public void rescan() throws IOException {
        ProcessTask.of("partx", "-u", device.toString()).runUnchecked();
    }

    /** The node of partition {@code n} ({@code /dev/loopNpM}), waiting for it or creating it. */
    public Path partition(int n) throws IOException {
        return partitionNode(device, n);
    }

    /** The node of partition {@code n} of {@code disk}, waiting for it or creating it from sysfs. */
    public static Path partitionNode(Path disk, int n) throws IOException {
        String name = disk.getFileName().toString();
        String partName = name + (Character.isDigit(name.charAt(name.length() - 1)) ? "p" : "") + n;
        Path node = disk.resolveSibling(partName);
        for (int i = 0; i < 50 && !Files.exists(node); i++) {
            sleep();
        }
        if (!Files.exists(node)) {
            ProcessTask.of("partx", "-u", disk.toString()).runUnchecked();
            ProcessTask.of("partx", "-a", disk.toString()).runUnchecked();
        }
        Path sys = Path.of("/sys/class/block", partName, "dev");
        for (int i = 0; i < 50 && !Files.exists(node); i++) {
            if (Files.isReadable(sys)) {
                String[] mm = Files.readString(sys).strip().split(":");
                ProcessTask.of("mknod", node.toString(), "b", mm[0], mm[1]).describe("Creating " + node).run();
                break;
            }
            sleep();
        }
        if (!Files.exists(node)) {
            throw new IOException("partition " + n + " of " + disk + " did not appear");
        }
        return node;
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a partition", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (attached) {
            attached = false;
            ProcessTask.of("losetup", "-d", device.toString()).describe("Detaching " + device).run();
        }
    }
}
