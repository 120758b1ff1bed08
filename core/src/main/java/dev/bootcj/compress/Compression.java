package dev.bootcj.compress;

import java.util.Optional;

/**
 * How a layer blob is compressed, as its media type says. Upstream (ostree-ext {@code decompressor}) knows
 * exactly these three; anything else is refused by the caller with "Unhandled layer type".
 */
public enum Compression {
    /** {@code application/vnd.oci.image.layer.v1.tar}, {@code application/vnd.docker.image.rootfs.diff.tar}. */
    NONE,
    /** {@code ...tar+gzip}, {@code application/vnd.docker.image.rootfs.diff.tar.gzip}. */
    GZIP,
    /** {@code ...tar+zstd}. */
    ZSTD;

    /**
     * The compression of a layer media type, or empty if the media type is not a layer type we can read.
     * {@snippet :
     * Compression c = Compression.ofMediaType("application/vnd.oci.image.layer.v1.tar+zstd").orElseThrow(); // ZSTD
     * }
     */
    public static Optional<Compression> ofMediaType(String mediaType) {
        return Optional.ofNullable(switch (mediaType) {
            case "application/vnd.oci.image.layer.v1.tar",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar",
                 "application/vnd.docker.image.rootfs.diff.tar" -> NONE;
            case "application/vnd.oci.image.layer.v1.tar+gzip",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
                 "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" -> GZIP;
            case "application/vnd.oci.image.layer.v1.tar+zstd",
                 "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd" -> ZSTD;
            default -> null;
        });
    }

    /** Guesses from the first bytes of a blob (gzip {@code 1f 8b}, zstd {@code 28 b5 2f fd}), else NONE. */
    public static Compression sniff(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }
}
