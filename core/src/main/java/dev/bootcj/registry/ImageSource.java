package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.blob.BlobDownloader;
import dev.bootcj.blob.VerifyingInputStream;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.ImageIndex;
import dev.bootcj.oci.ImageManifest;
import dev.bootcj.oci.Manifest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.RawManifest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * An image in one transport ({@code registry}, {@code oci}, {@code oci-archive}, {@code docker-archive},
 * {@code dir}): its manifest as referenced, child manifests by descriptor, and blob streams. Open one with
 * {@link ImageSources#open}.
 * {@snippet :
 * try (ImageSource src = ImageSources.open(Transport.OCI, "/srv/images/os:latest", RegistryOptions.defaults())) {
 *     ResolvedImage img = src.resolve(Platform.host());
 *     try (InputStream layer = src.openVerifiedBlob(img.manifest().layers().getFirst())) { ... }
 * }
 * }
 */
public interface ImageSource extends Closeable {
    /** The image in containers/image form ({@code docker://quay.io/x:y}, {@code oci:/dir:tag}), for messages. */
    String name();

    /** The manifest or index the reference names, exactly as stored. */
    RawManifest manifest() throws IOException, BootcException;

    /** A child manifest of an index, checked against its descriptor's digest. */
    RawManifest manifest(Descriptor child) throws IOException, BootcException;

    /** The raw bytes of a blob from {@code offset}, unverified (for resumable downloads). */
    InputStream openBlob(Descriptor blob, long offset) throws IOException, BootcException;

    /**
     * A small blob (the config) read into memory and verified; a transport that can fail mid-stream resumes it
     * as it resumes layers.
     *
     * @throws ImageException digest mismatch, wrong size
     */
    default byte[] readBlob(Descriptor blob) throws IOException, BootcException {
        return new BlobDownloader(name(), 0, attempt -> Duration.ZERO).readAll(blob, offset -> openBlob(blob, offset));
    }

    /** The digest of {@link #manifest()}, as cheaply as the transport allows (a HEAD for registries). */
    default Digest topDigest() throws IOException, BootcException {
        return manifest().digest();
    }

    /** A blob stream whose digest and size are verified as it is read to the end. */
    default InputStream openVerifiedBlob(Descriptor blob) throws IOException, BootcException {
        return new VerifyingInputStream(openBlob(blob, 0), blob);
    }

    /**
     * Resolves the image for {@code platform}: selects from an index, reads the per-platform manifest and the
     * config.
     *
     * @throws ImageException schema 1, wrong media types, no manifest for the platform, digest mismatch
     */
    default ResolvedImage resolve(Platform platform) throws IOException, BootcException {
        RawManifest top = manifest();
        Manifest parsed = top.parse(name());
        RawManifest index = null;
        Platform selected = null;
        if (parsed instanceof ImageIndex idx) {
            Descriptor d = idx.select(platform, name());
            index = top;
            selected = d.platform();
            top = manifest(d);
            parsed = top.parse(name());
        }
        ImageManifest m = switch (parsed) {
            case ImageManifest im -> im;
            case ImageIndex nested -> throw new ImageException("Image " + name() + ": the manifest for " + platform
                    + " is itself an index (" + top.digest() + "), which is not supported");
        };
        Descriptor cd = m.config();
        if (!MediaType.isConfig(cd.mediaType())) {
            throw new ImageException("Image " + name() + ": config " + cd.digest() + " has media type '"
                    + cd.mediaType() + "', not an image config (is this an artifact rather than an image?)");
        }
        if (cd.size() > ResolvedImage.MAX_CONFIG_BYTES) {
            throw new ImageException("Image " + name() + ": config of " + cd.size() + " bytes is too large");
        }
        byte[] configBytes = readBlob(cd);
        ImageConfig config = ImageConfig.parse(configBytes, name());
        return new ResolvedImage(name(), Optional.ofNullable(index), top, m, configBytes, config,
                selected != null ? selected : config.platform());
    }
}
