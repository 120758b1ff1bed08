package dev.bootcj.blob;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one blob to a file: streamed into a temp file beside the target while its digest and size are
 * computed, resumed from the last byte written when the stream fails, stalls or ends early (after a backoff,
 * a bounded number of times), then fsynced and moved into place atomically. On any failure the temp file is
 * removed and the target is untouched; the message names the image, the blob and the cause.
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

    private final String image;
    private final int maxResumes;
    private final IntFunction<Duration> backoff;

    /**
     * @param image the image the blobs belong to, for messages
     * @param maxResumes how many times a failed or short stream is reopened before giving up
     * @param backoff the wait before resume {@code n} (1-based)
     */
    public BlobDownloader(String image, int maxResumes, IntFunction<Duration> backoff) {
        this.image = image;
        this.maxResumes = maxResumes;
        this.backoff = backoff;
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
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                copy(blob, opener, (buf, n) -> {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }, listener);
                out.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a small blob (a config) into memory, resuming like {@link #download} and verifying it.
     *
     * @throws ImageException on digest mismatch, oversize, or a blob still short after the last resume
     */
    public byte[] readAll(Descriptor blob, BlobOpener opener) throws IOException, BootcException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(blob.size(), BUFFER));
        copy(blob, opener, (buf, n) -> out.write(buf, 0, n), done -> { });
        return out.toByteArray();
    }

    /** Where {@link #copy} puts the bytes. */
    @FunctionalInterface
    private interface Sink {
        void write(byte[] buf, int n) throws IOException;
    }

    /** Streams the whole blob into {@code sink}, reopening from the last byte on a failed or short stream. */
    private void copy(Descriptor blob, BlobOpener opener, Sink sink, Listener listener)
            throws IOException, BootcException {
        MessageDigest md = blob.digest().newDigester();
        long done = 0;
        byte[] buf = new byte[BUFFER];
        for (int resumes = 0; ; ) {
            IOException failure = null;
            try (InputStream in = opener.open(done)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (done + n > blob.size()) {
                        throw new ImageException("Image " + image + ": blob " + blob.digest()
                                + " is longer than its declared size " + blob.size());
                    }
                    md.update(buf, 0, n);
                    sink.write(buf, n);
                    done += n;
                    listener.progress(done);
                }
            } catch (IOException e) {
                if (e instanceof BlobVerificationException || e instanceof InterruptedIOException) {
                    throw e;
                }
                if (Thread.currentThread().isInterrupted()) {
                    // The interrupt closed the connection under a blocked read: it ends the download, no resume.
                    throw new InterruptedIOException("interrupted");
                }
                failure = e;
            }
            if (done == blob.size()) {
                break;
            }
            String why = failure == null ? "stream ended early" : failure.getMessage();
            if (resumes++ >= maxResumes) {
                throw new ImageException("Image " + image + ": blob " + blob.digest() + " incomplete: got " + done
                        + " of " + blob.size() + " bytes in " + resumes + (resumes == 1 ? " attempt" : " attempts")
                        + " (" + why + ")", failure);
            }
            IOException cause = failure != null ? failure
                    : new IOException("stream ended after " + done + " of " + blob.size() + " bytes");
            Duration delay = backoff.apply(resumes);
            log.info("Resuming blob {} of {} at byte {} of {} in {} ms: {}", blob.digest(), image, done, blob.size(),
                    delay.toMillis(), why);
            listener.resumed(done, cause);
            sleep(delay);
        }
        Digest actual = new Digest(blob.digest().algorithm(), HexFormat.of().formatHex(md.digest()));
        if (!actual.equals(blob.digest())) {
            throw new ImageException("Image " + image + ": digest mismatch for blob " + blob.digest()
                    + ": content has " + actual);
        }
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to resume a download");
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
