package dev.bootcj.imports;

import dev.bootcj.glib.GLibException;
import dev.bootcj.ostree.ObjectWriter;
import dev.bootcj.ostree.RepoTransaction;
import dev.bootcj.ostree.Xattrs;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A second platform thread writing small files while the importing thread parses the tar (libostree allows
 * concurrent writes within a transaction). File content travels in a fixed pool of buffers, so memory stays
 * bounded ({@link #POOL} x {@link ObjectWriter#BUFFER_SIZE}) and a slow disk slows the parser down.
 * Results are futures resolved when the tree is written. Close before the transaction commits or aborts:
 * closing waits for every queued write.
 */
final class WriterThread implements AutoCloseable {
    static final int POOL = 32;

    private final ExecutorService executor;
    private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(POOL);
    private final RepoTransaction tx;
    /** Touched only on the executor's thread. */
    private ObjectWriter writer;

    WriterThread(RepoTransaction tx) {
        this.tx = tx;
        this.executor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("ostree-writer")
                .unstarted(r));
        for (int i = 0; i < POOL; i++) {
            buffers.add(new byte[ObjectWriter.BUFFER_SIZE]);
        }
    }

    /** Reads a small file ({@code size <= BUFFER_SIZE}) from {@code source} and queues its write. */
    Future<String> writeFile(int uid, int gid, int perms, Xattrs xattrs, int size, ObjectWriter.Source source)
            throws IOException {
        byte[] buf;
        try {
            buf = buffers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        }
        try {
            int off = 0;
            while (off < size) {
                int n = source.read(buf, off, size - off);
                if (n < 0) {
                    throw new java.io.EOFException("file content ended after " + off + " of " + size + " bytes");
                }
                off += n;
            }
        } catch (IOException | RuntimeException e) {
            buffers.add(buf);
            throw e;
        }
        return executor.submit(() -> {
            try {
                if (writer == null) {
                    writer = tx.newWriter();
                }
                return writer.writeFile(uid, gid, perms, xattrs, buf, size);
            } finally {
                buffers.add(buf);
            }
        });
    }

    /** The checksum a queued write produced, rethrowing its failure. */
    static String resolve(Object value) throws IOException {
        if (value instanceof String s) {
            return s;
        }
        try {
            return ((Future<?>) value).get().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GLibException g) {
                throw g;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing an object failed", e.getCause());
        }
    }

    /** Waits for every queued write and releases the thread's writer. */
    @Override
    public void close() {
        executor.submit(() -> {
            if (writer != null) {
                writer.close();
            }
        });
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
