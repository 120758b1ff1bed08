package dev.bootcj.registry;

/** Receives {@link PullEvent}s; called from download threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface PullListener {
    /** Ignores everything. */
    PullListener NONE = e -> { };

    void onEvent(PullEvent event);
}
