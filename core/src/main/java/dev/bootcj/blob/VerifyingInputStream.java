package dev.bootcj.blob;

import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.util.HexFormat;

/**
 * Passes a blob's bytes through while computing its digest (the JDK's {@link DigestInputStream}) and counting its
 * size; reading past the declared size or reaching the end with a wrong size or digest throws
 * {@link BlobVerificationException}. The check happens when the stream reaches its end, or at {@link #verify()},
 * which reads the rest first: the one blob check of every caller, whether it reads the blob to its end itself
 * {@snippet :
 * try (InputStream in = new VerifyingInputStream(source.openBlob(layer, 0), layer)) {
 *     in.transferTo(out); // throws BlobVerificationException on mismatch
 * }
 * }
 * or hands it to a consumer that may stop early, such as a layer import that stops at the tar's end marker:
 * {@snippet :
 * VerifyingInputStream blob = new VerifyingInputStream(raw, layer);
 * importer.importLayer(layer.digest().toString(), Decompressors.decompress(blob, Compression.GZIP), blob::verify);
 * }
 */
public final class VerifyingInputStream extends DigestInputStream {
    private final Descriptor descriptor;
    private long count;
    private boolean verified;
    /** The verdict once the end was reached with a wrong size or digest; every later read repeats it. */
    private BlobVerificationException failure;

    /** Checks what {@code in} yields against {@code descriptor}'s digest and size. */
    public VerifyingInputStream(InputStream in, Descriptor descriptor) throws ImageException {
        super(in, descriptor.digest().newDigester());
        this.descriptor = descriptor;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
            return -1;
        }
        counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            check();
            return -1;
        }
        counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be digested too.
        long done = 0;
        byte[] buf = new byte[8192];
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads the rest of the blob (bytes after the end of what a consumer needed still count) and throws
     * {@link BlobVerificationException} if its size or digest is not the descriptor's. Does nothing the second time.
     */
    public void verify() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        check();
    }

    private void counted(int n) throws BlobVerificationException {
        count += n;
        if (count > descriptor.size()) {
            throw new BlobVerificationException(BlobVerificationException.Kind.TOO_LONG, "Blob "
                    + descriptor.digest() + " is longer than its declared size " + descriptor.size());
        }
    }

    private void check() throws BlobVerificationException {
        if (verified) {
            return;
        }
        if (failure != null) {
            // A reader (a decompressor probing for another member) may have swallowed the first throw; the
            // digester is reset by then, so repeat the verdict rather than hash nothing.
            throw new BlobVerificationException(failure.kind(), failure.getMessage());
        }
        if (count != descriptor.size()) {
            failure = new BlobVerificationException(BlobVerificationException.Kind.TRUNCATED, "Truncated blob "
                    + descriptor.digest() + ": got " + count + " of " + descriptor.size() + " bytes");
            throw failure;
        }
        Digest actual = new Digest(descriptor.digest().algorithm(), HexFormat.of().formatHex(getMessageDigest().digest()));
        if (!actual.equals(descriptor.digest())) {
            failure = new BlobVerificationException(BlobVerificationException.Kind.DIGEST_MISMATCH,
                    "Digest mismatch for blob " + descriptor.digest() + ": content has " + actual);
            throw failure;
        }
        verified = true;
    }
}
