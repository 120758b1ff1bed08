package dev.bootcj.imports;

import dev.bootcj.ImageException;
import java.io.IOException;

/**
 * The caller's confirmation that the compressed blob was what its descriptor promised. Called once, after the
 * layer's tar stream has been read to its end and before the layer's ref is set; throwing aborts the
 * transaction, so no ref points at content from an unverified blob.
 */
@FunctionalInterface
public interface BlobVerification {
    /** Throws if the blob's sha256 or size did not match (or could not be checked). */
    void verify() throws IOException, ImageException;
}
