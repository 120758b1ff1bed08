package dev.bootcj.oci;

/** How a layer blob is compressed, as told by its media type. */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** The lowercase name used in output ({@code none}, {@code gzip}, {@code zstd}). */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
