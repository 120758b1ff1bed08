package dev.bootcj.blob;

import dev.bootcj.BootcException;
import java.io.IOException;
import java.io.InputStream;

/** Opens a blob's raw bytes starting at {@code offset} (for resuming); the stream is not verified. */
@FunctionalInterface
public interface BlobOpener {
    /** The bytes from {@code offset} to the end. */
    InputStream open(long offset) throws IOException, BootcException;
}
