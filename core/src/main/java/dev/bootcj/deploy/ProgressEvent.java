package dev.bootcj.deploy;

/**
 * What a pull or deployment is doing, for the shell to draw progress bars or write bootc's progress JSON lines.
 * Events arrive in order on the thread running the verb: one {@link PullStarted}, then for each layer to fetch
 * {@link LayerStarted}, any number of {@link LayerBytes}, {@link LayerDone}; then steps as {@link StepStarted} /
 * {@link StepDone} pairs.
 * {@snippet :
 * ProgressListener listener = event -> {
 *     switch (event) {
 *         case ProgressEvent.PullStarted p -> System.out.println("fetching " + p.layersToFetch() + " layers");
 *         case ProgressEvent.LayerStarted l -> { }
 *         case ProgressEvent.LayerBytes b -> System.out.println(b.bytes() + "/" + b.size());
 *         case ProgressEvent.LayerDone d -> { }
 *         case ProgressEvent.StepStarted s -> System.out.println(s.step().description());
 *         case ProgressEvent.StepDone s -> { }
 *     }
 * };
 * }
 */
public sealed interface ProgressEvent {
    /** The steps after the layers are fetched, in upstream's names. */
    enum Step {
        /** Writing the merged image commit. */
        IMPORTING("importing", "Importing Image"),
        /** Reading the merge deployment: kernel arguments, kargs.d. */
        MERGING("merging", "Merging Image"),
        /** Deploying (offline) or staging (booted). */
        DEPLOYING("deploying", "Deploying Image"),
        /** Pruning images and layers nothing uses. */
        CLEANUP("cleanup", "Removing old images");

        private final String id;
        private final String description;

        Step(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** The machine name ({@code importing}, {@code merging}, ...). */
        public String id() {
            return id;
        }

        /** The human description ({@code Importing Image}). */
        public String description() {
            return description;
        }
    }

    /**
     * A pull starts; nothing is fetched when {@code layersToFetch} is 0.
     *
     * @param image the image, in containers/image form
     * @param manifestDigest the per-platform manifest digest
     * @param layersTotal layers of the image
     * @param layersToFetch layers not yet in the repository
     * @param bytesTotal compressed size of all layers
     * @param bytesToFetch compressed size of the layers to fetch
     */
    record PullStarted(String image, String manifestDigest, int layersTotal, int layersToFetch, long bytesTotal,
            long bytesToFetch) implements ProgressEvent {
    }

    /** Fetching and importing the layer {@code digest} ({@code size} compressed bytes) starts. */
    record LayerStarted(String digest, long size) implements ProgressEvent {
    }

    /** {@code bytes} of {@code size} compressed bytes of the layer are read. */
    record LayerBytes(String digest, long bytes, long size) implements ProgressEvent {
    }

    /** The layer is imported and its ref set. */
    record LayerDone(String digest, long size) implements ProgressEvent {
    }

    /** A step starts ({@code id} names what it works on: the manifest digest). */
    record StepStarted(Step step, String id) implements ProgressEvent {
    }

    /** A step is done. */
    record StepDone(Step step, String id) implements ProgressEvent {
    }
}
