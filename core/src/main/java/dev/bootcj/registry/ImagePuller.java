package dev.bootcj.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootcj.BootcException;
import dev.bootcj.blob.BlobDownloader;
import dev.bootcj.blob.BlobStore;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Copies a resolved image into an OCI image layout: layers fetched in parallel (bounded), each verified and
 * moved into place atomically, then the config, the manifest, and an {@code index.json} entry for the tag.
 * The manifest is stored byte for byte, so digests stay those of the source.
 * {@snippet :
 * try (ImageSource src = ImageSources.open(Transport.REGISTRY, "quay.io/x/os:latest", opts)) {
 *     ResolvedImage img = src.resolve(Platform.host());
 *     new ImagePuller(opts).pull(src, img, Path.of("/var/tmp/layout"), "latest", event -> ...);
 * }
 * }
 */
public final class ImagePuller {
    private static final long PROGRESS_STEP = 1 << 20;

    private final RegistryOptions options;

    public ImagePuller(RegistryOptions options) {
        this.options = options;
    }

    /**
     * Pulls {@code image} into {@code layoutDir} under {@code tag}. If this call created the layout directory
     * and fails, the directory is removed; in an existing layout only complete, verified blobs are left.
     */
    public void pull(ImageSource source, ResolvedImage image, Path layoutDir, String tag, PullListener listener)
            throws IOException, BootcException {
        boolean created = !Files.exists(layoutDir);
        try {
            pullInto(source, image, layoutDir, tag, listener);
        } catch (IOException | BootcException | RuntimeException e) {
            if (created) {
                deleteTree(layoutDir);
            }
            throw e;
        }
    }

    private void pullInto(ImageSource source, ResolvedImage image, Path layoutDir, String tag, PullListener listener)
            throws IOException, BootcException {
        Files.createDirectories(layoutDir);
        Path layoutFile = layoutDir.resolve("oci-layout");
        if (!Files.exists(layoutFile)) {
            Files.writeString(layoutFile, "{\"imageLayoutVersion\":\"1.0.0\"}");
        }
        BlobStore store = new BlobStore(layoutDir);
        fetchLayers(source, image.manifest().layers(), store, listener);
        store.putBytes(image.manifest().config().digest(), image.configBytes());
        store.putBytes(image.digest(), image.rawManifest().bytes());
        writeIndex(layoutDir, image.rawManifest().descriptor(), tag);
    }

    private void fetchLayers(ImageSource source, List<Descriptor> layers, BlobStore store, PullListener listener)
            throws IOException, BootcException {
        BlobDownloader downloader = new BlobDownloader(source.name(), options.maxResumes(), options::backoff);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(),
                Math.max(1, layers.size())), r -> {
                    Thread t = new Thread(r, "layer-fetch");
                    t.setDaemon(true);
                    return t;
                })) {
            List<Future<Void>> futures = new ArrayList<>();
            for (Descriptor layer : layers.stream().distinct().toList()) {
                futures.add(pool.submit(() -> {
                    fetchOne(source, layer, store, downloader, listener);
                    return null;
                }));
            }
            try {
                for (Future<Void> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case BootcException b -> throw b;
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while pulling " + source.name());
            }
        }
    }

    private static void fetchOne(ImageSource source, Descriptor layer, BlobStore store, BlobDownloader downloader,
            PullListener listener) throws IOException, BootcException {
        boolean present = store.contains(layer);
        listener.onEvent(new PullEvent.Started(layer, present));
        if (!present) {
            store.put(layer, offset -> source.openBlob(layer, offset), downloader, new BlobDownloader.Listener() {
                private long lastReported;

                @Override
                public void progress(long done) {
                    if (done - lastReported >= PROGRESS_STEP || done == layer.size()) {
                        lastReported = done;
                        listener.onEvent(new PullEvent.Progress(layer.digest(), done, layer.size()));
                    }
                }

                @Override
                public void resumed(long offset, IOException cause) {
                    listener.onEvent(new PullEvent.Resumed(layer.digest(), offset, cause.toString()));
                }
            });
        }
        listener.onEvent(new PullEvent.Done(layer.digest(), layer.size()));
    }

    private static void writeIndex(Path layoutDir, Descriptor manifest, String tag) throws IOException {
        Path indexFile = layoutDir.resolve("index.json");
        ObjectNode index;
        if (Files.exists(indexFile)) {
            index = (ObjectNode) SpecMapper.ociJson().readTree(indexFile.toFile());
        } else {
            index = SpecMapper.ociJson().createObjectNode();
            index.put("schemaVersion", 2);
        }
        ArrayNode old = index.has("manifests") ? (ArrayNode) index.get("manifests") : SpecMapper.ociJson().createArrayNode();
        ArrayNode entries = SpecMapper.ociJson().createArrayNode();
        for (var e : old) {
            if (!tag.equals(e.path("annotations").path(Descriptor.REF_NAME).asText(null))) {
                entries.add(e);
            }
        }
        entries.add(SpecMapper.ociJson().valueToTree(manifest.withAnnotations(java.util.Map.of(Descriptor.REF_NAME, tag))));
        index.set("manifests", entries);
        Path temp = Files.createTempFile(layoutDir, ".index-", ".json");
        try {
            Files.write(temp, SpecMapper.ociJson().writeValueAsString(index).getBytes(StandardCharsets.UTF_8));
            dev.bootcj.blob.BlobDownloader.moveIntoPlace(temp, indexFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The stored blob of {@code d} in a layout written by {@link #pull}. */
    public static Path blobPath(Path layoutDir, Digest d) {
        return new BlobStore(layoutDir).path(d);
    }
}
