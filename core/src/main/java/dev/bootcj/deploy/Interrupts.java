package dev.bootcj.deploy;

import dev.bootcj.glib.Cancellation;

/**
 * Interrupting a thread that runs a verb: the Java side sees {@link Thread#interrupt()}, and the long libostree
 * call it may be in (checkout, deployment, prune, commit) is cancelled through its {@code GCancellable}. The
 * verb then fails with an error naming the operation ("...: Operation was cancelled").
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** Interrupts {@code thread} and cancels its running libostree call, if any. */
    public static void interrupt(Thread thread) {
        thread.interrupt();
        Cancellation.cancel(thread);
    }
}
