package dev.bootcj.status;

import dev.bootcj.oci.ImageConfig;
import java.io.IOException;
import java.util.Map;

/**
 * The strings status takes from an OCI image configuration: {@code
 * config.Labels["org.opencontainers.image.version"]}, {@code config.Labels.version}, {@code
 * config.Labels["org.opencontainers.image.created"]} and the top-level {@code created}, read by the one reader of
 * image configurations, {@link ImageConfig#read} (Gson's streaming reader, chosen for start-up). As in a JSON tree,
 * a repeated key replaces the earlier value, a value that is not a string counts as absent, and anything after the
 * top-level value is ignored; an empty text has none of them.
 *
 * @param ociVersion {@code org.opencontainers.image.version}, or null
 * @param version the {@code version} label, or null
 * @param ociCreated {@code org.opencontainers.image.created}, or null
 * @param created the top-level {@code created}, or null
 */
record ImageConfigLabels(String ociVersion, String version, String ociCreated, String created) {
    /**
     * Parses {@code json}; what is not JSON fails with an {@link IOException} whose message is one line naming the
     * problem and the place ("... at line 1 column 7 path $.config").
     */
    static ImageConfigLabels parse(String json) throws IOException {
        ImageConfig config = ImageConfig.read(json);
        Map<String, String> labels = config.labels();
        return new ImageConfigLabels(labels.get(ImageConfig.LABEL_VERSION), labels.get("version"),
                labels.get("org.opencontainers.image.created"), config.created());
    }
}
