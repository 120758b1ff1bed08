package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.compress.Decompressors;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.MediaType;
import dev.bootcj.registry.ImageSource;
import dev.bootcj.registry.ResolvedImage;
import dev.bootcj.tar.TarEntry;
import dev.bootcj.tar.TarReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an installer must know about an image before writing anything to a disk: the kernels it ships and its
 * install configuration. One streaming pass over the layers, applying whiteouts; nothing is stored.
 *
 * @param kernels the {@code $kver} of each {@code usr/lib/modules/$kver/vmlinuz}
 * @param installConfigs drop-in name → text, for {@code usr/lib/bootc/install/*.toml} (and the other
 *     configuration directories)
 * @param uncompressedSize the total size of the layers' files
 */
public record ImageScan(Set<String> kernels, Map<String, String> installConfigs, long uncompressedSize) {

    /** Scans {@code image} from {@code source}. */
    public static ImageScan of(ImageSource source, ResolvedImage image) throws IOException, BootcException {
        Map<String, String> files = new TreeMap<>();
        Set<String> kernels = new TreeSet<>();
        long size = 0;
        for (Descriptor layer : image.manifest().layers()) {
            var compression = MediaType.layerCompression(layer.mediaType())
                    .orElseThrow(() -> new ImageException("Unhandled layer type " + layer.mediaType()));
            try (InputStream blob = new BufferedInputStream(source.openVerifiedBlob(layer), 1 << 20);
                    InputStream tar = Decompressors.decompress(blob, compression);
                    TarReader reader = new TarReader(tar)) {
                for (TarEntry e; (e = reader.next()) != null; ) {
                    String path = e.path().replaceFirst("^(\\./|/)+", "");
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                    if (name.startsWith(".wh.")) {
                        String gone = dir + name.substring(4);
                        files.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
                        kernels.removeIf(k -> ("usr/lib/modules/" + k + "/vmlinuz").startsWith(gone));
                        continue;
                    }
                    size += e.size();
                    if (path.matches("usr/lib/modules/[^/]+/vmlinuz") && e.type() == TarEntry.Type.REGULAR) {
                        kernels.add(path.split("/")[3]);
                    }
                    if (path.matches("(usr/lib|usr/local/lib|etc|usr/etc)/bootc/install/[^/]+\\.toml")
                            && e.type() == TarEntry.Type.REGULAR && e.size() < 1 << 20) {
                        files.put(path, new String(reader.content().readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new ImageScan(kernels, files, size);
    }

    /** The merged install configuration of the image. */
    public InstallConfig installConfig(String arch) throws ImageException {
        Map<String, String> byName = new TreeMap<>();
        for (String dir : new String[] {"usr/lib/", "usr/local/lib/", "usr/etc/", "etc/"}) {
            installConfigs.forEach((path, text) -> {
                if (path.startsWith(dir + "bootc/install/")) {
                    byName.put(path.substring(path.lastIndexOf('/') + 1), text);
                }
            });
        }
        InstallConfig merged = InstallConfig.NONE;
        for (var e : byName.entrySet()) {
            merged = merged.merge(InstallConfig.parse(e.getValue(), e.getKey()), arch);
        }
        return merged;
    }
}
