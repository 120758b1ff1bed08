package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link ImageInfo} for {@code bootc inspect image}: resolves the image for a platform and reads its
 * config; no layer is downloaded.
 * {@snippet :
 * try (ImageSource src = ImageSources.open(Transport.REGISTRY, "quay.io/x/os:latest", opts)) {
 *     ImageInfo info = ImageInspector.inspect(src, Platform.host());
 *     ImageInfoRenderer.render(info, InspectFormat.HUMAN, out);
 * }
 * }
 */
public final class ImageInspector {
    private ImageInspector() {
    }

    /** Inspects the image of {@code source} for {@code platform}. */
    public static ImageInfo inspect(ImageSource source, Platform platform) throws IOException, BootcException {
        return describe(source.resolve(platform));
    }

    /** The info of an already resolved image. */
    public static ImageInfo describe(ResolvedImage image) {
        ImageConfig config = image.config();
        Map<String, String> labels = new TreeMap<>(config.labels());
        List<Digest> diffIds = config.diffIds();
        List<ImageInfo.Layer> layers = new ArrayList<>();
        List<Descriptor> ls = image.manifest().layers();
        for (int i = 0; i < ls.size(); i++) {
            Descriptor d = ls.get(i);
            String compression = MediaType.layerCompression(d.mediaType()).map(Compression::displayName)
                    .orElse("unknown");
            layers.add(new ImageInfo.Layer(d.mediaType(), d.digest(), d.size(), compression,
                    i < diffIds.size() ? diffIds.get(i) : null));
        }
        String reason = bootableReason(config);
        Platform p = image.platform();
        return new ImageInfo(image.name(), image.digest(), image.rawManifest().mediaType(),
                image.index().map(r -> r.digest()).orElse(null), p.toString(),
                config.labels().get(ImageConfig.LABEL_VERSION), config.created(), labels, layers, reason == null,
                reason);
    }

    /** Why bootc would refuse the image, or null if it has {@code containers.bootc} or {@code ostree.bootable}. */
    static String bootableReason(ImageConfig config) {
        Map<String, String> labels = config.labels();
        if (labels.containsKey(ImageConfig.LABEL_BOOTC) || labels.containsKey(ImageConfig.LABEL_OSTREE_BOOTABLE)) {
            return null;
        }
        return "no " + ImageConfig.LABEL_BOOTC + " or " + ImageConfig.LABEL_OSTREE_BOOTABLE + " label";
    }
}
