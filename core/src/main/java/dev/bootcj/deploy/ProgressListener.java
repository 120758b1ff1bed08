package dev.bootcj.deploy;

/** Receives {@link ProgressEvent}s on the thread running the verb. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = e -> { };

    /** One event. */
    void onEvent(ProgressEvent event);
}
