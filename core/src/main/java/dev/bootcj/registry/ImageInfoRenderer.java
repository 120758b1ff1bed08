package dev.bootcj.registry;

import dev.bootcj.Bytes;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link ImageInfo}: a human summary with right-aligned labels, or JSON / YAML of the record (camelCase).
 * Pure: the same info always gives the same text.
 * {@snippet :
 * ImageInfoRenderer.render(info, InspectFormat.HUMAN, writer);
 * //    Image: docker://quay.io/x/os:latest
 * //   Digest: sha256:...
 * // Platform: linux/amd64
 * // ...
 * }
 */
public final class ImageInfoRenderer {
    private ImageInfoRenderer() {
    }

    /** Writes {@code info} in {@code format}, ending with a newline. */
    public static void render(ImageInfo info, InspectFormat format, Writer out) throws IOException {
        switch (format) {
            case JSON -> {
                out.write(SpecMapper.ociJson().writerWithDefaultPrettyPrinter().writeValueAsString(info));
                out.write('\n');
            }
            case YAML -> out.write(SpecMapper.ociYaml().writeValueAsString(info));
            case HUMAN -> human(info, out);
        }
        out.flush();
    }

    /** The rendering as a string. */
    public static String render(ImageInfo info, InspectFormat format) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            render(info, format, w);
        } catch (IOException e) {
            throw new AssertionError("StringWriter cannot fail", e);
        }
        return w.toString();
    }

    private static void human(ImageInfo info, Writer out) throws IOException {
        line(out, "Image", info.image());
        line(out, "Digest", info.digest().toString());
        if (info.indexDigest() != null) {
            line(out, "Index", info.indexDigest().toString());
        }
        line(out, "Platform", info.platform());
        line(out, "Version", info.version() == null ? "-" : info.version());
        line(out, "Created", info.created() == null ? "-" : info.created());
        line(out, "Bootable", info.bootable() ? "yes" : "no (" + info.notBootableReason() + ")");
        if (info.labels().isEmpty()) {
            line(out, "Labels", "-");
        } else {
            boolean first = true;
            for (Map.Entry<String, String> e : info.labels().entrySet()) {
                line(out, first ? "Labels" : "", e.getKey() + "=" + e.getValue());
                first = false;
            }
        }
        line(out, "Layers", String.valueOf(info.layers().size()));
        for (ImageInfo.Layer l : info.layers()) {
            out.write(String.format(Locale.ROOT, "%10s  %s  %9s  %-7s %s%n", "", l.digest(), Bytes.human(l.size()),
                    l.compression(), l.mediaType()));
        }
    }

    private static void line(Writer out, String label, String value) throws IOException {
        out.write(String.format(Locale.ROOT, "%9s%s %s%n", label, label.isEmpty() ? " " : ":", value));
    }
}
