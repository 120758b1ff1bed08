package dev.bootcj.shell.progress;

import dev.bootcj.deploy.ProgressEvent;
import dev.bootcj.deploy.ProgressListener;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * bootc's progress protocol (version {@value #VERSION}) as JSON lines, for {@code --progress-fd}: {@code Start},
 * then {@code ProgressBytes} for the layer fetch (task {@code pulling}), {@code ProgressSteps} for
 * {@code importing} and {@code staging} (subtasks {@code merging}, {@code deploying}, {@code bound_images},
 * {@code cleanup}, the last listed twice as upstream does). Byte updates are limited to 5 a second; layer
 * completions and steps are always written. Field names are camelCase, as upstream writes them.
 */
public final class JsonProgress implements ProgressListener, AutoCloseable {
    /** The protocol version written in {@code Start}. */
    public static final String VERSION = "0.1.0";
    private static final long LOSSY_NANOS = 200_000_000L;

    /** {@code {"type":"Start","version":...}}. */
    record Start(String type, String version) {
    }

    /** A byte-level subtask (one layer). */
    record SubTaskBytes(String subtask, String description, String id, long bytesCached, long bytes,
            long bytesTotal) {
    }

    /** A step subtask. */
    record SubTaskStep(String subtask, String description, String id, boolean completed) {
    }

    /** {@code ProgressBytes}. */
    record ProgressBytes(String type, String task, String description, String id, long bytesCached, long bytes,
            long bytesTotal, long stepsCached, long steps, long stepsTotal, List<SubTaskBytes> subtasks) {
    }

    /** {@code ProgressSteps}. */
    record ProgressSteps(String type, String task, String description, String id, long stepsCached, long steps,
            long stepsTotal, List<SubTaskStep> subtasks) {
    }

    private final OutputStream out;
    private long lastLossy;
    private String digest = "";
    private long bytesCached;
    private long bytesToFetch;
    private long layersCached;
    private long layersToFetch;
    private long fetched;
    private long layersDone;
    private final List<SubTaskBytes> doneLayers = new ArrayList<>();
    private final List<SubTaskStep> stagingDone = new ArrayList<>();
    private SubTaskBytes current;

    /** Writes {@code Start} to {@code out} (owned: closed by {@link #close()}). */
    public JsonProgress(OutputStream out) throws IOException {
        this.out = out;
        write(new Start("Start", VERSION));
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        try {
            switch (event) {
                case ProgressEvent.PullStarted p -> {
                    digest = p.manifestDigest();
                    bytesCached = p.bytesTotal() - p.bytesToFetch();
                    bytesToFetch = p.bytesToFetch();
                    layersCached = p.layersTotal() - p.layersToFetch();
                    layersToFetch = p.layersToFetch();
                }
                case ProgressEvent.LayerStarted l -> current = layer(l.digest(), 0, l.size());
                case ProgressEvent.LayerBytes b -> {
                    long now = System.nanoTime();
                    current = layer(b.digest(), b.bytes(), b.size());
                    if (now - lastLossy >= LOSSY_NANOS) {
                        lastLossy = now;
                        List<SubTaskBytes> subtasks = new ArrayList<>(doneLayers);
                        subtasks.add(current);
                        write(bytes(fetched + b.bytes(), subtasks));
                    }
                }
                case ProgressEvent.LayerDone d -> {
                    fetched += d.size();
                    layersDone++;
                    doneLayers.add(layer(d.digest(), d.size(), d.size()));
                    current = null;
                    write(bytes(fetched, List.copyOf(doneLayers)));
                }
                case ProgressEvent.StepStarted s -> {
                    switch (s.step()) {
                        case IMPORTING -> write(importing(s.id(), false));
                        case MERGING -> {
                            stagingDone.clear();
                            write(staging(s.id(), 0, step("merging", "Merging Image", "fetching", false)));
                        }
                        case DEPLOYING -> write(staging(s.id(), 1, step("deploying", "Deploying Image", "deploying",
                                false)));
                        case CLEANUP -> {
                            // No logically bound images here: that step starts and ends at once.
                            write(staging(s.id(), 1, step("bound_images", "Pulling Bound Images", "bound_images",
                                    false)));
                            stagingDone.add(step("bound_images", "Pulling Bound Images", "bound_images", true));
                            write(staging(s.id(), 2, step("cleanup", "Removing old images", "cleanup", false)));
                        }
                    }
                }
                case ProgressEvent.StepDone s -> {
                    switch (s.step()) {
                        case IMPORTING -> write(importing(s.id(), true));
                        case MERGING -> stagingDone.add(step("merging", "Merging Image", "fetching", true));
                        case DEPLOYING -> stagingDone.add(step("deploying", "Deploying Image", "deploying", true));
                        case CLEANUP -> {
                            SubTaskStep done = step("cleanup", "Removing old images", "cleanup", true);
                            stagingDone.add(done);
                            write(staging(s.id(), 3, done));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing progress JSON", e);
        }
    }

    private static SubTaskBytes layer(String digest, long bytes, long total) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        String shortId = hex.substring(0, Math.min(21, hex.length()));
        return new SubTaskBytes("layer", "layer: " + shortId, shortId, 0, bytes, total);
    }

    private ProgressBytes bytes(long done, List<SubTaskBytes> subtasks) {
        return new ProgressBytes("ProgressBytes", "pulling", "Pulling Image: " + digest, digest, bytesCached, done,
                bytesToFetch, layersCached, layersDone, layersToFetch, subtasks);
    }

    private static ProgressSteps importing(String id, boolean done) {
        return new ProgressSteps("ProgressSteps", "importing", "Importing Image", id, 0, done ? 1 : 0, 1,
                List.of(step("importing", "Importing Image", "importing", done)));
    }

    private ProgressSteps staging(String id, int steps, SubTaskStep last) {
        List<SubTaskStep> subtasks = new ArrayList<>(stagingDone);
        subtasks.add(last);
        return new ProgressSteps("ProgressSteps", "staging", "Deploying Image", id, 0, steps, 3, subtasks);
    }

    private static SubTaskStep step(String subtask, String description, String id, boolean completed) {
        return new SubTaskStep(subtask, description, id, completed);
    }

    private void write(Object event) throws IOException {
        byte[] line = SpecMapper.json().writeValueAsBytes(event);
        out.write(line);
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
