package dev.bootcj.oci;

import java.util.Optional;

/**
 * Media types of the OCI image spec and Docker's image manifest v2 (schema 2), and what each one means.
 * A Docker schema 2 manifest looks like this (an OCI manifest has the same shape):
 * {@snippet lang=json :
 * {"schemaVersion": 2,
 *  "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
 *  "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1470,
 *             "digest": "sha256:..."},
 *  "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 977,
 *              "digest": "sha256:..."}]}
 * }
 */
public final class MediaType {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    public static final String OCI_LAYER_NONDIST = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public static final String OCI_LAYER_NONDIST_GZIP =
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public static final String OCI_LAYER_NONDIST_ZSTD =
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String DOCKER_LAYER_FOREIGN_GZIP =
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** The {@code Accept} value for manifest requests: every manifest and index type we read. */
    public static final String MANIFEST_ACCEPT = String.join(", ",
            OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    private MediaType() {
    }

    /** An image index or a Docker manifest list. */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    /** An OCI image manifest or a Docker schema 2 manifest. */
    public static boolean isImageManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    /** A Docker schema 1 manifest (signed or not), which we refuse. */
    public static boolean isSchema1(String mediaType) {
        return DOCKER_SCHEMA1.equals(mediaType) || DOCKER_SCHEMA1_SIGNED.equals(mediaType);
    }

    /** An image config type. */
    public static boolean isConfig(String mediaType) {
        return OCI_CONFIG.equals(mediaType) || DOCKER_CONFIG.equals(mediaType);
    }

    /** The compression of a layer media type, or empty if it is not a layer type we know. */
    public static Optional<Compression> layerCompression(String mediaType) {
        return Optional.ofNullable(switch (mediaType) {
            case OCI_LAYER, OCI_LAYER_NONDIST, DOCKER_LAYER -> Compression.NONE;
            case OCI_LAYER_GZIP, OCI_LAYER_NONDIST_GZIP, DOCKER_LAYER_GZIP, DOCKER_LAYER_FOREIGN_GZIP ->
                    Compression.GZIP;
            case OCI_LAYER_ZSTD, OCI_LAYER_NONDIST_ZSTD -> Compression.ZSTD;
            default -> null;
        });
    }
}
