package dev.bootcj.blob;

import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob's bytes through while computing its digest and counting its size; reading past the
 * declared size or reaching the end with a wrong size or digest throws {@link BlobVerificationException}.
 * The caller must read to the end for the check to happen.
 * {@snippet :
 * try (InputStream in = new VerifyingInputStream(source.openBlob(layer, 0), layer)) {
 *     in.transferTo(out); // throws BlobVerificationException on mismatch
 * }
 * }
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Descriptor descriptor;
    private final MessageDigest md;
    private long count;
    private boolean verified;
    /** The verdict once the end was reached with a wrong size or digest; every later read repeats it. */
    private BlobVerificationException failure;

    public VerifyingInputStream(InputStream in, Descriptor descriptor) throws ImageException {
        super(in);
        this.descriptor = descriptor;
        this.md = descriptor.digest().newDigester();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            verify();
            return -1;
        }
        md.update(b, off, n);
        count += n;
        if (count > descriptor.size()) {
            throw new BlobVerificationException(BlobVerificationException.Kind.TOO_LONG, "Blob "
                    + descriptor.digest() + " is longer than its declared size " + descriptor.size());
        }
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

    private void verify() throws IOException {
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
        Digest actual = new Digest(descriptor.digest().algorithm(), HexFormat.of().formatHex(md.digest()));
        if (!actual.equals(descriptor.digest())) {
            failure = new BlobVerificationException(BlobVerificationException.Kind.DIGEST_MISMATCH,
                    "Digest mismatch for blob " + descriptor.digest() + ": content has " + actual);
            throw failure;
        }
        verified = true;
    }
}
