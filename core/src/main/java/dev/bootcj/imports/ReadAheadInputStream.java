package dev.bootcj.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on a platform thread of its own, a bounded number of chunks ahead, so decompression and
 * blob hashing (inside the source) overlap with the tar parsing of the reader. A failure of the source is
 * rethrown to the reader at the point where the data ran out. Closing stops the thread and closes the source.
 * One reader thread.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 256 * 1024;
    private static final int AHEAD = 8;

    private record Chunk(byte[] data, int length, IOException failure) {
    }

    private static final Chunk END = new Chunk(null, -1, null);

    private final InputStream source;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(AHEAD + 2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
        for (int i = 0; i < AHEAD; i++) {
            free.add(new byte[CHUNK]);
        }
        this.thread = Thread.ofPlatform().daemon().name("layer-read-ahead").start(this::run);
    }

    private void run() {
        try {
            while (!closed) {
                byte[] buf = free.poll(100, TimeUnit.MILLISECONDS);
                if (buf == null) {
                    continue;
                }
                int n = source.readNBytes(buf, 0, buf.length);
                if (n > 0) {
                    full.put(new Chunk(buf, n, null));
                }
                if (n < buf.length) {
                    full.put(END);
                    return;
                }
            }
        } catch (IOException e) {
            full.add(new Chunk(null, -1, e));
        } catch (InterruptedException e) {
            full.add(new Chunk(null, -1, new InterruptedIOException("read-ahead interrupted")));
        } catch (Throwable e) {
            // anything else still reaches the reader, which would otherwise wait forever
            full.add(new Chunk(null, -1, new IOException("reading the layer failed: " + e, e)));
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length()) {
            if (ended) {
                return -1;
            }
            if (current != null) {
                free.add(current.data());
                current = null;
            }
            Chunk next;
            try {
                next = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the layer");
            }
            if (next.failure() != null) {
                ended = true;
                throw next.failure();
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = next;
            pos = 0;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        full.clear();
        boolean interrupted = false;
        while (true) {
            try {
                // the thread notices the flag within one poll or after its current read
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
