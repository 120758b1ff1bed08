package dev.bootcj;

/** Waiting for threads that must finish before resources they use are released. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits until {@code t} has ended, even when interrupted meanwhile (the interrupt is kept for the caller);
     * returns whether the wait was interrupted.
     */
    public static boolean joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }
}
