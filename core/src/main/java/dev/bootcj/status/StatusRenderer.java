package dev.bootcj.status;

import dev.bootcj.spec.BootEntry;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.ImageStatus;
import dev.bootcj.spec.HostWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders a {@link Host} as bootc does: pure, from the document alone. Human-readable output lists staged,
 * booted and rollback entries separated by blank lines, labels right-aligned to the slot prefix, {@code ●}
 * marking the booted entry.
 */
public final class StatusRenderer {
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private StatusRenderer() {
    }

    /** Writes {@code host} in {@code format} to {@code out}. */
    public static void render(Host host, StatusFormat format, Writer out) throws IOException {
        switch (format) {
            case JSON -> {
                HostWriter.json(host, out);
                out.write('\n');
            }
            case YAML -> HostWriter.yaml(host, out);
            case HUMANREADABLE -> out.write(human(host));
        }
        out.flush();
    }

    /** The human-readable text. */
    public static String human(Host host) {
        if (host.status().booted() == null) {
            return "System is not deployed via bootc.\n";
        }
        StringBuilder out = new StringBuilder();
        entry(out, Slot.STAGED, host.status().staged());
        entry(out, Slot.BOOTED, host.status().booted());
        entry(out, Slot.ROLLBACK, host.status().rollback());
        return out.toString();
    }

    private enum Slot {
        STAGED("  Staged", "staged"), BOOTED("\u25cf Booted", "booted"), ROLLBACK("  Rollback", "rollback");

        final String prefix;
        final String word;

        Slot(String prefix, String word) {
            this.prefix = prefix;
            this.word = word;
        }
    }

    private static void entry(StringBuilder out, Slot slot, BootEntry entry) {
        if (entry == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        if (entry.image() != null) {
            image(out, slot, entry.image());
        } else if (entry.ostree() != null) {
            String prefix = slot.prefix + " ostree";
            out.append(prefix).append('\n');
            // Upstream pads this row by the prefix's UTF-8 byte length (3 bytes for the booted glyph).
            row(out, "Commit", prefix.getBytes(StandardCharsets.UTF_8).length, entry.ostree().checksum());
        } else {
            out.append("Current ").append(slot.word).append(" state is unknown\n");
        }
    }

    private static void image(StringBuilder out, Slot slot, ImageStatus image) {
        String prefix = slot.prefix + " image";
        int width = prefix.codePointCount(0, prefix.length());
        out.append(prefix).append(": ").append(image.image().display()).append('\n');
        row(out, "Digest", width, image.imageDigest());
        String time = image.timestamp() == null ? null : HUMAN_TIME.format(image.timestamp());
        if (image.version() != null) {
            row(out, "Version", width, time == null ? image.version() : image.version() + " (" + time + ")");
        } else if (time != null) {
            row(out, "Timestamp", width, time);
        }
    }

    private static void row(StringBuilder out, String label, int width, String value) {
        out.append(" ".repeat(Math.max(0, width - label.length()))).append(label).append(": ").append(value)
                .append('\n');
    }

    /** For callers that cannot throw. */
    static String renderToString(Host host, StatusFormat format) {
        try (var w = new java.io.StringWriter()) {
            render(host, format, w);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
