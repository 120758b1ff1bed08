package dev.bootcj.glib;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code GCancellable} for one long native call (a checkout, a deployment, a prune, a commit), tied to the
 * calling thread: {@link #cancel(Thread)} from another thread (the shell's Ctrl-C handler) cancels it, and a
 * thread that is already interrupted starts the call cancelled. The call then fails with a GError
 * {@code G_IO_ERROR_CANCELLED} ({@link dev.bootcj.GLibException#isCancelled()}).
 * {@snippet :
 * try (Arena arena = Arena.ofConfined(); Cancellation cancel = Cancellation.forCurrentThread()) {
 *     MemorySegment error = GErrors.slot(arena);
 *     GErrors.check(LibOstree.ostree_repo_prune(repo, flags, 0, total, pruned, size, cancel.pointer(), error),
 *             error, "pruning " + repo);
 * }
 * }
 */
public final class Cancellation implements AutoCloseable {
    /** The cancellable of each thread inside a long call; guarded by itself. */
    private static final Map<Thread, MemorySegment> RUNNING = new HashMap<>();

    private final Thread thread;
    private final MemorySegment cancellable;
    private boolean closed;

    private Cancellation(Thread thread, MemorySegment cancellable) {
        this.thread = thread;
        this.cancellable = cancellable;
    }

    /** A new cancellable for a call on this thread; cancelled at once if the thread is interrupted. */
    public static Cancellation forCurrentThread() {
        Thread self = Thread.currentThread();
        MemorySegment c = Gio.g_cancellable_new();
        synchronized (RUNNING) {
            RUNNING.put(self, c);
        }
        // After the registration: an interrupt either happened already (seen here) or finds the entry.
        if (self.isInterrupted()) {
            Gio.g_cancellable_cancel(c);
        }
        return new Cancellation(self, c);
    }

    /** Cancels the call {@code thread} is in, if any ({@code g_cancellable_cancel} is thread-safe). */
    public static void cancel(Thread thread) {
        synchronized (RUNNING) {
            MemorySegment c = RUNNING.get(thread);
            if (c != null) {
                Gio.g_cancellable_cancel(c);
            }
        }
    }

    /** The {@code GCancellable *} to pass to the call. */
    public MemorySegment pointer() {
        if (closed) {
            throw new IllegalStateException("cancellation already closed");
        }
        return cancellable;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (RUNNING) {
            RUNNING.remove(thread, cancellable);
        }
        GObjects.unref(cancellable);
    }
}
