package dev.bootcj.oci;

/**
 * A parsed manifest document: an image manifest (OCI or Docker schema 2) or an index (OCI index or Docker
 * manifest list). Parse one with {@link RawManifest#parse()}.
 */
public sealed interface Manifest permits ImageManifest, ImageIndex {
    /** {@code schemaVersion}, always 2 for what we accept. */
    int schemaVersion();

    /** The {@code mediaType} field as written, may be null (OCI makes it optional). */
    String mediaType();
}
