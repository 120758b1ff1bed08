package dev.bootcj.registry;

import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.ImageManifest;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.RawManifest;
import java.util.Optional;

/**
 * An image resolved for one platform.
 *
 * @param name the source's name
 * @param index the index it was selected from, if any
 * @param rawManifest the per-platform manifest as stored
 * @param manifest the parsed manifest
 * @param configBytes the config blob as stored (verified)
 * @param config the parsed config
 * @param platform the platform (from the index entry, else the config)
 */
public record ResolvedImage(String name, Optional<RawManifest> index, RawManifest rawManifest, ImageManifest manifest,
        byte[] configBytes, ImageConfig config, Platform platform) {
    static final int MAX_CONFIG_BYTES = 16 * 1024 * 1024;

    /** The per-platform manifest digest (bootc's {@code imageDigest}). */
    public Digest digest() {
        return rawManifest.digest();
    }
}
