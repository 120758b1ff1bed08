package dev.bootcj.testing;

import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.testing.registry.OciLayoutBuilder;
import dev.bootcj.testing.registry.TestTar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small bootable images in an OCI layout, written by test code: a kernel and initramfs in
 * {@code usr/lib/modules/$kver/}, os-release, {@code /etc} and {@code /var} content and a kargs.d file;
 * labelled {@code containers.bootc=1}. Derived images add a layer on top, as {@code podman build} would.
 */
public final class BootableImages {
    /** Kernel version of the images. */
    public static final String KVER = "6.1.0-99-amd64";
    /** Bootable labels. */
    public static final Map<String, String> LABELS = Map.of("containers.bootc", "1", "ostree.bootable", "1");

    private final OciLayoutBuilder layout;
    private final List<OciLayoutBuilder.Layer> baseLayers = new ArrayList<>();

    /** A layout in {@code dir} with the base image tagged {@code v1} (version 1.0, kargs {@code img.karg=1}). */
    public BootableImages(Path dir) throws IOException {
        layout = new OciLayoutBuilder(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        put(files, "usr/lib/modules/" + KVER + "/vmlinuz", "kernel " + KVER + "\n");
        put(files, "usr/lib/modules/" + KVER + "/initramfs.img", "initramfs " + KVER + "\n");
        put(files, "usr/lib/os-release", "ID=testos\nPRETTY_NAME=\"TestOS\"\n");
        put(files, "usr/bin/version", "1.0\n");
        put(files, "usr/lib/bootc/kargs.d/00-test.toml", "kargs = [\"console=ttyS0\", \"img.karg=1\"]\n");
        put(files, "etc/hostname", "testhost\n");
        put(files, "etc/app.conf", "setting=1\n");
        put(files, "etc/local.conf", "local=default\n");
        put(files, "var/lib/app/seed", "seeded\n");
        baseLayers.add(layout.addLayer(TestTar.of(files), Compression.GZIP));
        tag(baseLayers, "1.0", "v1", LABELS);
    }

    /** The layout directory ({@code oci:<dir>:<tag>}). */
    public Path dir() {
        return layout.dir();
    }

    /**
     * Derives an image from v1 with one more layer holding {@code files} (path → content), tagged {@code tag}
     * with {@code version} and {@code labels}.
     */
    public Descriptor derive(String tag, String version, Map<String, String> files, Map<String, String> labels)
            throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> put(bytes, k, v));
        List<OciLayoutBuilder.Layer> layers = new ArrayList<>(baseLayers);
        layers.add(layout.addLayer(TestTar.of(bytes), Compression.ZSTD));
        return tag(layers, version, tag, labels);
    }

    /** Derives an image from v1 with one more, uncompressed layer: the tar file {@code layerTar}. */
    public Descriptor deriveWithLayerFile(String tag, String version, Path layerTar) throws IOException {
        List<OciLayoutBuilder.Layer> layers = new ArrayList<>(baseLayers);
        layers.add(layout.addLayerFile(layerTar, Compression.NONE));
        return tag(layers, version, tag, LABELS);
    }

    /** An image for another architecture, tagged {@code tag}. */
    public Descriptor foreign(String tag, String architecture) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>(LABELS);
        labels.put("org.opencontainers.image.version", "9");
        Descriptor d = layout.addImage(baseLayers, architecture, labels);
        layout.tag(d, tag);
        return d;
    }

    private Descriptor tag(List<OciLayoutBuilder.Layer> layers, String version, String tag, Map<String, String> labels)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put("org.opencontainers.image.version", version);
        Descriptor d = layout.addImage(layers, "amd64", all);
        layout.tag(d, tag);
        return d;
    }

    private static void put(Map<String, byte[]> files, String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }
}
