package dev.bootcj.imports;

import dev.bootcj.NativeException;
import dev.bootcj.Threads;
import dev.bootcj.ostree.DirMeta;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.ObjectSink;
import dev.bootcj.ostree.Xattrs;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Platform threads writing small files while the importing thread parses the tar, and then the dirtree and
 * dirmeta objects while it builds the tree (both libostree and
 * {@link dev.bootcj.ostree.LooseObjectStore} allow concurrent writes). Each thread writes through its own
 * {@link ObjectSink}, made and closed on that thread. File content travels in a fixed pool of buffers, so
 * memory stays bounded ({@link #POOL} x {@link ObjectSink#BUFFER_SIZE}) and a slow disk slows the parser down.
 * Results are futures resolved when the tree is written. Close before the transaction commits or aborts:
 * closing waits for every queued write.
 */
final class WriterPool implements AutoCloseable {
    static final int POOL = 64;

    /**
     * A small file ({@code buf} holds it whole), with {@code chunks} a large one arriving in chunks, or with
     * {@code metadata} a {@link DirTree} or {@link DirMeta} object.
     */
    private record Task(int uid, int gid, int perms, Xattrs xattrs, byte[] buf, long size, Chunks chunks,
            Object metadata, CompletableFuture<String> result) {
    }

    private static final Task STOP = new Task(0, 0, 0, Xattrs.EMPTY, null, 0, null, null, null);
    /** Sent instead of the next chunk when the parsing thread gave up on a large file. */
    private static final byte[] ABANDONED = new byte[0];

    private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(POOL);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code threads} writer threads, each writing through a sink from {@code sinks}. */
    WriterPool(int threads, Supplier<ObjectSink> sinks) {
        for (int i = 0; i < POOL; i++) {
            buffers.add(new byte[ObjectSink.BUFFER_SIZE]);
        }
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofPlatform().daemon().name("ostree-writer-" + i).start(() -> run(sinks)));
        }
    }

    private void run(Supplier<ObjectSink> sinks) {
        ObjectSink sink = null;
        RuntimeException failure = null;
        try {
            sink = sinks.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            while (true) {
                Task t = take(tasks);
                if (t == STOP) {
                    return;
                }
                try {
                    if (sink == null) {
                        throw failure;
                    }
                    t.result().complete(write(sink, t));
                } catch (Throwable e) {
                    t.result().completeExceptionally(e);
                } finally {
                    if (t.chunks() != null) {
                        t.chunks().release();
                    } else if (t.buf() != null) {
                        buffers.add(t.buf());
                    }
                }
            }
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static String write(ObjectSink sink, Task t) throws IOException, NativeException {
        if (t.metadata() instanceof DirTree tree) {
            return sink.writeDirTree(tree);
        }
        if (t.metadata() instanceof DirMeta meta) {
            return sink.writeDirMeta(meta);
        }
        return t.chunks() == null
                ? sink.writeFile(t.uid(), t.gid(), t.perms(), t.xattrs(), t.buf(), (int) t.size())
                : sink.writeFile(t.uid(), t.gid(), t.perms(), t.xattrs(), t.size(), t.chunks());
    }

    private static <T> T take(BlockingQueue<T> queue) {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // writer threads stop only through STOP, so every queued write resolves
            }
        }
    }

    /** Reads a small file ({@code size <= BUFFER_SIZE}) from {@code source} and queues its write. */
    Future<String> writeFile(int uid, int gid, int perms, Xattrs xattrs, int size, ObjectSink.Source source)
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
                    throw new EOFException("file content ended after " + off + " of " + size + " bytes");
                }
                off += n;
            }
        } catch (IOException | RuntimeException e) {
            buffers.add(buf);
            throw e;
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        try {
            tasks.put(new Task(uid, gid, perms, xattrs, buf, size, null, null, result));
        } catch (InterruptedException e) {
            buffers.add(buf);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        }
        return result;
    }

    /**
     * Queues the write of a large file and hands it its content from {@code source} in pool-buffer chunks, so
     * hashing and writing happen on a writer thread while this one goes on parsing.
     */
    Future<String> writeLargeFile(int uid, int gid, int perms, Xattrs xattrs, long size, ObjectSink.Source source)
            throws IOException {
        CompletableFuture<String> result = new CompletableFuture<>();
        Chunks chunks = new Chunks();
        try {
            tasks.put(new Task(uid, gid, perms, xattrs, null, size, chunks, null, result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        }
        boolean complete = false;
        try {
            long left = size;
            while (left > 0) {
                byte[] buf = buffers.take();
                int want = (int) Math.min(buf.length, left);
                int off = 0;
                try {
                    while (off < want) {
                        int n = source.read(buf, off, want - off);
                        if (n < 0) {
                            throw new EOFException("file content ended " + (left - off) + " bytes short of " + size);
                        }
                        off += n;
                    }
                } catch (IOException | RuntimeException e) {
                    buffers.add(buf);
                    throw e;
                }
                chunks.put(buf, off);
                left -= off;
            }
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        } finally {
            if (!complete) {
                chunks.abandon();
            }
        }
        return result;
    }

    /** Queues the write of a dirtree object. */
    Future<String> writeDirTree(DirTree tree) throws IOException {
        return queueMetadata(tree);
    }

    /** Queues the write of a dirmeta object. */
    Future<String> writeDirMeta(DirMeta meta) throws IOException {
        return queueMetadata(meta);
    }

    private Future<String> queueMetadata(Object object) throws IOException {
        CompletableFuture<String> result = new CompletableFuture<>();
        try {
            tasks.put(new Task(0, 0, 0, Xattrs.EMPTY, null, 0, null, object, result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        }
        return result;
    }

    /** The chunks of one large file, read by the writer thread as an {@link ObjectSink.Source}. */
    private final class Chunks implements ObjectSink.Source {
        private record Chunk(byte[] buf, int length) {
        }

        private final BlockingQueue<Chunk> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        /** Set once the writer is done with this file: later chunks go straight back to the pool. */
        private boolean released;
        private Chunk current;
        private int pos;

        synchronized void put(byte[] buf, int len) {
            if (released) {
                buffers.add(buf);
            } else {
                queue.add(new Chunk(buf, len));
            }
        }

        synchronized void abandon() {
            queue.add(new Chunk(ABANDONED, 0));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (current == null || pos == current.length()) {
                if (current != null) {
                    buffers.add(current.buf());
                    current = null;
                }
                Chunk next = take(queue);
                if (next.buf() == ABANDONED) {
                    throw new EOFException("the layer ended inside a file");
                }
                current = next;
                pos = 0;
            }
            int n = Math.min(len, current.length() - pos);
            System.arraycopy(current.buf(), pos, b, off, n);
            pos += n;
            return n;
        }

        /** Returns every buffer still held to the pool (after the write, successful or not). */
        synchronized void release() {
            released = true;
            if (current != null) {
                buffers.add(current.buf());
                current = null;
            }
            for (Chunk c; (c = queue.poll()) != null; ) {
                if (c.buf() != ABANDONED) {
                    buffers.add(c.buf());
                }
            }
        }
    }

    /** The checksum a queued write produced, rethrowing its failure. */
    static String resolve(Object value) throws IOException, NativeException {
        if (value instanceof String s) {
            return s;
        }
        try {
            return ((Future<?>) value).get().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while importing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NativeException n) {
                throw n;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing an object failed", e.getCause());
        }
    }

    /** Waits for every queued write, then stops the threads (each closes its sink). */
    @Override
    public void close() {
        boolean interrupted = false;
        for (int i = 0; i < threads.size(); i++) {
            while (true) {
                try {
                    tasks.put(STOP);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread t : threads) {
            interrupted |= Threads.joinUninterruptibly(t);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
