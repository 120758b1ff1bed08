package dev.bootcj.imports;

import dev.bootcj.ImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes (SHA-256) and counts a blob while it is read, and checks it against its descriptor at the end:
 * the usual {@link BlobVerification} for {@link LayerImporter}.
 * {@snippet :
 * DigestingInputStream blob = new DigestingInputStream(raw, "sha256:...", size);
 * importer.importLayer(blob.expectedDigest(), Decompressors.decompress(blob, Compression.GZIP), blob::verify);
 * }
 */
public final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest sha256 = dev.bootcj.ostree.Checksums.sha256();
    private final String expectedDigest;
    private final long expectedSize;
    private long count;

    /**
     * @param expectedDigest {@code sha256:<64 hex>}
     * @param expectedSize the descriptor's size, or -1 if unknown
     */
    public DigestingInputStream(InputStream in, String expectedDigest, long expectedSize) {
        super(in);
        if (!expectedDigest.startsWith("sha256:") || !dev.bootcj.ostree.Checksums.isValid(expectedDigest.substring(7))) {
            throw new IllegalArgumentException("not a sha256 digest: " + expectedDigest);
        }
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
    }

    /** The digest the blob must have. */
    public String expectedDigest() {
        return expectedDigest;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 64 * 1024)];
        long done = 0;
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

    /** Reads the rest of the blob and throws {@link ImageException} if its digest or size is not the expected one. */
    public void verify() throws IOException, ImageException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) >= 0) {
            // drain: trailing bytes after the tar's end still count
        }
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expectedDigest) || (expectedSize >= 0 && count != expectedSize)) {
            throw new ImageException("layer " + expectedDigest + " does not match its descriptor: got " + actual
                    + " (" + count + " bytes" + (expectedSize >= 0 ? ", expected " + expectedSize : "") + ")");
        }
    }
}
