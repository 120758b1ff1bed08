package dev.bootcj.compress;

import dev.bootcj.oci.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Streaming decompression of layer blobs. The returned stream owns {@code in}: closing it closes {@code in}.
 * {@snippet :
 * try (InputStream tar = Decompressors.decompress(blob, Compression.ZSTD)) {
 *     // read the layer's tar stream
 * }
 * }
 */
public final class Decompressors {
    /** Read size for the gzip inflater; large enough that the JDK's per-call overhead disappears. */
    private static final int GZIP_BUFFER = 64 * 1024;

    private Decompressors() {
    }

    /** Wraps {@code in} in a decompressor for {@code compression} (NONE returns {@code in} itself). */
    public static InputStream decompress(InputStream in, Compression compression) throws IOException {
        return switch (compression) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, GZIP_BUFFER);
            case ZSTD -> new ZstdInputStream(in);
        };
    }
}
