package dev.bootcj.deploy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Counts the compressed bytes of a layer as they are read, reports them as {@link ProgressEvent.LayerBytes},
 * and stops the pull when the thread is interrupted (Ctrl-C in the shell): the read throws
 * {@link InterruptedIOException}, the importer's transaction aborts, and no ref is set.
 */
final class ProgressInputStream extends FilterInputStream {
    private final String digest;
    private final long size;
    private final ProgressListener listener;
    private long done;

    ProgressInputStream(InputStream in, String digest, long size, ProgressListener listener) {
        super(in);
        this.digest = digest;
        this.size = size;
        this.listener = listener;
    }

    /** Throws if the current thread was interrupted; the flag stays set for the caller's own checks. */
    static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public int read() throws IOException {
        checkInterrupted();
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkInterrupted();
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkInterrupted();
        long s = super.skip(n);
        if (s > 0) {
            advance(s);
        }
        return s;
    }

    private void advance(long n) {
        done += n;
        listener.onEvent(new ProgressEvent.LayerBytes(digest, done, size));
    }
}
