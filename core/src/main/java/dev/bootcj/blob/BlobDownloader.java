package dev.bootcj.blob;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one blob to a file: streamed into a temp file beside the target while its digest and size are
 * computed, resumed from the last byte written when the stream fails or ends early, then fsynced and moved
 * into place atomically. On any failure the temp file is removed and the target is untouched.
 */
public final class BlobDownloader {
    private static final Logger log = LoggerFactory.getLogger(BlobDownloader.class);
    private static final int BUFFER = 64 * 1024;

    /** Progress of one download. */
    public interface Listener {
        /** {@code done} bytes of the blob are written. */
        void progress(long done);

        /** The stream failed at {@code offset}; reading resumes from there. */
        default void resumed(long offset, IOException cause) {
        }
    }

    private final int maxResumes;

    /** @param maxResumes how many times a failed or short stream is reopened before giving up */
    public BlobDownloader(int maxResumes) {
        this.maxResumes = maxResumes;
    }

    /**
     * Downloads {@code blob} to {@code target}.
     *
     * @throws ImageException on digest mismatch, oversize, or a blob still short after the last resume
     */
    public void download(Descriptor blob, BlobOpener opener, Path target, Listener listener)
            throws IOException, BootcException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".tmp-" + blob.digest().hex().substring(0, 12) + "-", ".partial");
        try {
            MessageDigest md = blob.digest().newDigester();
            long done = 0;
            int resumes = 0;
            byte[] buf = new byte[BUFFER];
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                while (true) {
                    IOException failure = null;
                    try (InputStream in = opener.open(done)) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            if (done + n > blob.size()) {
                                throw new ImageException("Blob " + blob.digest() + " is longer than its declared size "
                                        + blob.size());
                            }
                            md.update(buf, 0, n);
                            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                            while (bb.hasRemaining()) {
                                out.write(bb);
                            }
                            done += n;
                            listener.progress(done);
                        }
                    } catch (IOException e) {
                        if (e instanceof BlobVerificationException || e instanceof java.io.InterruptedIOException) {
                            throw e;
                        }
                        failure = e;
                    }
                    if (done == blob.size()) {
                        break;
                    }
                    if (resumes++ >= maxResumes) {
                        String why = failure == null ? "stream ended" : failure.toString();
                        throw new ImageException("Truncated blob " + blob.digest() + ": got " + done + " of "
                                + blob.size() + " bytes (" + why + ")", failure);
                    }
                    IOException cause = failure != null ? failure
                            : new IOException("stream ended after " + done + " of " + blob.size() + " bytes");
                    log.info("Resuming blob {} at byte {} of {}: {}", blob.digest(), done, blob.size(),
                            cause.toString());
                    listener.resumed(done, cause);
                }
                Digest actual = new Digest(blob.digest().algorithm(), HexFormat.of().formatHex(md.digest()));
                if (!actual.equals(blob.digest())) {
                    throw new ImageException("Digest mismatch for blob " + blob.digest() + ": content has " + actual);
                }
                out.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Atomically moves a finished temp file to its content-addressed name; an existing target wins. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot move " + temp + " to " + target + " atomically", e);
        }
    }
}
