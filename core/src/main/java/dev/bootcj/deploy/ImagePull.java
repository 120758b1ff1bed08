package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.Bytes;
import dev.bootcj.ImageException;
import dev.bootcj.blob.BlobDownloader;
import dev.bootcj.compress.Decompressors;
import dev.bootcj.imports.ImageMerger;
import dev.bootcj.imports.ImportRules;
import dev.bootcj.imports.LayerImporter;
import dev.bootcj.imports.RefEscape;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Platform;
import dev.bootcj.oci.Transport;
import dev.bootcj.ostree.Commit;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.registry.ImageSource;
import dev.bootcj.registry.ImageSources;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.registry.ResolvedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pulls a container image into an ostree repo the way bootc (ostree-ext) stores it: one commit per layer under
 * {@code ostree/container/blob/<digest>}, then the merged image commit under
 * {@code ostree/container/image/<reference>}. Layers already present are not fetched again; a layer's ref is
 * set only once its blob verified, so an interrupted pull resumes from the first missing layer.
 */
public final class ImagePull {
    private ImagePull() {
    }

    /**
     * The result.
     *
     * @param commit the merged image commit
     * @param manifestDigest the per-platform manifest digest
     * @param config the image configuration
     * @param alreadyPresent the same manifest was already stored (nothing was fetched)
     * @param layersFetched how many layers were imported now
     */
    public record Pulled(String commit, String manifestDigest, ImageConfig config, boolean alreadyPresent,
            int layersFetched) {
        /** The {@code org.opencontainers.image.version} (or {@code version}) label, if any. */
        public Optional<String> version() {
            Map<String, String> labels = config.labels();
            return Optional.ofNullable(labels.getOrDefault(ImageConfig.LABEL_VERSION, labels.get("version")));
        }
    }

    /** The ref of an image's merged commit. */
    public static String imageRef(OstreeImageReference ref) {
        return RefEscape.imageRef(ref.transportReference());
    }

    /** The manifest digest of the stored image, if it is stored. */
    static Optional<String> storedDigest(OstreeRepo repo, OstreeImageReference ref) throws IOException, BootcException {
        Optional<String> commit = repo.resolveRev(imageRef(ref), true);
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        return repo.loadCommit(commit.get()).metadataString("ostree.manifest-digest");
    }

    /** Fetches the image's manifest and config only, for {@code upgrade --check}. */
    public static ResolvedImage fetchManifest(OstreeImageReference ref, RegistryOptions options)
            throws IOException, BootcException {
        try (ImageSource source = ImageSources.open(ref, options)) {
            return source.resolve(Platform.host());
        }
    }

    /**
     * Pulls {@code ref} into the existing ostree repository at {@code repoPath} (any mode), or into the repo of
     * the sysroot at {@code repoPath} if it is one, without deploying anything.
     */
    public static Pulled pullInto(Path repoPath, OstreeImageReference ref, RegistryOptions options, Reporter out,
            boolean requireBootable) throws IOException, BootcException {
        return pullInto(repoPath, ref, options, out, requireBootable, ProgressListener.NONE);
    }

    /**
     * {@link #pullInto(Path, OstreeImageReference, RegistryOptions, Reporter, boolean)} reporting progress to
     * {@code progress}. An interrupt of the calling thread stops the pull between blocks with
     * {@link java.io.InterruptedIOException}; the layer being imported leaves no ref.
     */
    public static Pulled pullInto(Path repoPath, OstreeImageReference ref, RegistryOptions options, Reporter out,
            boolean requireBootable, ProgressListener progress) throws IOException, BootcException {
        Path repo = Files.isDirectory(repoPath.resolve("ostree/repo")) ? repoPath.resolve("ostree/repo") : repoPath;
        if (!Files.isRegularFile(repo.resolve("config"))) {
            throw new dev.bootcj.SysrootException(repoPath + " is not an ostree repository or sysroot");
        }
        try (OstreeRepo r = OstreeRepo.open(repo)) {
            return pull(r, ref, options, out, requireBootable, progress);
        }
    }

    /** Pulls {@code ref} into {@code repo}; {@code requireBootable} refuses images without the bootc labels. */
    static Pulled pull(OstreeRepo repo, OstreeImageReference ref, RegistryOptions options, Reporter out,
            boolean requireBootable, ProgressListener progress) throws IOException, BootcException {
        return pull(repo, ref, ref, options, out, requireBootable, progress);
    }

    /** Pulls from {@code from}, storing the image under {@code storeAs}'s ref (install's target image). */
    static Pulled pull(OstreeRepo repo, OstreeImageReference from, OstreeImageReference storeAs,
            RegistryOptions options, Reporter out, boolean requireBootable, ProgressListener progress)
            throws IOException, BootcException {
        try (ImageSource source = ImageSources.open(from, options)) {
            ResolvedImage image = source.resolve(Platform.host());
            if (requireBootable) {
                checkBootable(image);
            }
            String digest = image.digest().toString();
            Optional<String> existing = repo.resolveRev(imageRef(storeAs), true);
            if (existing.isPresent()) {
                Commit c = repo.loadCommit(existing.get());
                if (c.metadataString("ostree.manifest-digest").orElse("").equals(digest)) {
                    return new Pulled(existing.get(), digest, image.config(), true, 0);
                }
            }
            LayerImporter importer = new LayerImporter(repo, ImportRules.PLAIN_IMAGE);
            List<Descriptor> layers = image.manifest().layers();
            List<Digest> diffIds = image.config().diffIds();
            if (diffIds.size() != layers.size()) {
                throw new ImageException("Image " + source.name() + ": its configuration lists " + diffIds.size()
                        + " diff_ids for " + layers.size() + " layers");
            }
            List<String> commits = new ArrayList<>();
            List<Descriptor> needed = new ArrayList<>();
            for (Descriptor layer : layers) {
                if (importer.existing(layer.digest().toString()).isEmpty()) {
                    needed.add(layer);
                }
            }
            long neededBytes = needed.stream().mapToLong(Descriptor::size).sum();
            progress.onEvent(new ProgressEvent.PullStarted(source.name(), digest, layers.size(), needed.size(),
                    layers.stream().mapToLong(Descriptor::size).sum(), neededBytes));
            out.line("layers already present: " + (layers.size() - needed.size()) + "; layers needed: "
                    + needed.size() + " (" + Bytes.human(neededBytes) + ")");
            long start = System.nanoTime();
            Map<String, Map<String, Integer>> filtered = new LinkedHashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                Descriptor layer = layers.get(i);
                String layerDigest = layer.digest().toString();
                Optional<String> have = importer.existing(layerDigest);
                if (have.isPresent()) {
                    commits.add(have.get());
                    continue;
                }
                ProgressInputStream.checkInterrupted();
                progress.onEvent(new ProgressEvent.LayerStarted(layerDigest, layer.size()));
                LayerImporter.Result r;
                try {
                    r = importLayer(repo, importer, source, from.transport(), layer, diffIds.get(i), options, progress);
                } catch (java.io.InterruptedIOException e) {
                    throw e;
                } catch (ImageException e) {
                    String m = named(e.getMessage(), source, layerDigest);
                    throw m == null ? e : new ImageException(m, e);
                } catch (IOException e) {
                    String m = named(e.getMessage(), source, layerDigest);
                    throw m == null ? e : new IOException(m, e);
                }
                progress.onEvent(new ProgressEvent.LayerDone(layerDigest, layer.size()));
                if (!r.filtered().isEmpty()) {
                    filtered.put(layerDigest, r.filtered());
                }
                commits.add(r.commit());
            }
            if (!needed.isEmpty()) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                double seconds = Math.max(took.toMillis(), 1) / 1000.0;
                out.line(String.format("Fetched layers: %s in %.1f s (%s/s)", Bytes.human(neededBytes), seconds,
                        Bytes.human((long) (neededBytes / seconds))));
            }
            ProgressInputStream.checkInterrupted();
            progress.onEvent(new ProgressEvent.StepStarted(ProgressEvent.Step.IMPORTING, digest));
            ImageMerger.Result merged = new ImageMerger(repo).merge(new ImageMerger.Image(storeAs.transportReference(),
                    digest, new String(image.rawManifest().bytes(), StandardCharsets.UTF_8),
                    new String(image.configBytes(), StandardCharsets.UTF_8), filtered), commits);
            progress.onEvent(new ProgressEvent.StepDone(ProgressEvent.Step.IMPORTING, digest));
            return new Pulled(merged.commit(), digest, image.config(), false, needed.size());
        }
    }

    /**
     * Imports one layer; its uncompressed stream is hashed on the way and must equal {@code diffId} before the
     * layer's ref is set.
     */
    private static LayerImporter.Result importLayer(OstreeRepo repo, LayerImporter importer, ImageSource source,
            Transport transport, Descriptor layer, Digest diffId, RegistryOptions options, ProgressListener progress)
            throws IOException, BootcException {
        Compression compression = MediaType.layerCompression(layer.mediaType())
                .orElseThrow(() -> new ImageException("Unhandled layer type " + layer.mediaType()));
        String digest = layer.digest().toString();
        if (transport == Transport.REGISTRY) {
            // Over the network: download (resuming a cut connection) and verify first, then import the file.
            Path tmp = repo.path().resolve("tmp");
            Path blob = Files.createTempFile(tmp, "bootcj-layer-", ".blob");
            try {
                new BlobDownloader(source.name(), options.maxResumes(), options::backoff).download(layer,
                        offset -> new ProgressInputStream(source.openBlob(layer, offset), digest, layer.size(),
                                e -> { }),
                        blob, done -> progress.onEvent(new ProgressEvent.LayerBytes(digest, done, layer.size())));
                try (DigestInputStream in = new DigestInputStream(Decompressors.decompress(new BufferedInputStream(
                        new ProgressInputStream(Files.newInputStream(blob), digest, layer.size(), e -> { }), 1 << 20),
                        compression), diffId.newDigester())) {
                    return importer.importLayer(digest, in, () -> checkDiffId(in, diffId));
                }
            } finally {
                Files.deleteIfExists(blob);
            }
        }
        // Local transports: stream the blob; the rest of it (past the tar's end) is drained and verified before
        // the layer's ref is set.
        InputStream verified = new BufferedInputStream(new ProgressInputStream(source.openVerifiedBlob(layer), digest,
                layer.size(), progress), 1 << 20);
        try (verified; DigestInputStream in = new DigestInputStream(Decompressors.decompress(verified, compression),
                diffId.newDigester())) {
            return importer.importLayer(digest, in, () -> {
                verified.transferTo(OutputStream.nullOutputStream());
                checkDiffId(in, diffId);
            });
        }
    }

    /**
     * Reads what is left of a layer's uncompressed stream (the importer stops at the tar's end) and checks its digest
     * against the configuration's {@code diff_id}.
     */
    private static void checkDiffId(DigestInputStream uncompressed, Digest diffId) throws IOException, ImageException {
        uncompressed.transferTo(OutputStream.nullOutputStream());
        Digest actual = new Digest(diffId.algorithm(),
                HexFormat.of().formatHex(uncompressed.getMessageDigest().digest()));
        if (!actual.equals(diffId)) {
            throw new ImageException("uncompressed layer does not match its diff_id: expected " + diffId + ", got "
                    + actual);
        }
    }

    /**
     * A layer failure's message with the image and the layer in front (decoder, tar, disk errors name neither),
     * or null when it names the layer already.
     */
    private static String named(String message, ImageSource source, String layerDigest) {
        return message != null && message.contains(layerDigest) ? null
                : "Image " + source.name() + ": layer " + layerDigest + ": " + message;
    }

    static void checkBootable(ResolvedImage image) throws ImageException {
        Map<String, String> labels = image.config().labels();
        if (!labels.containsKey(ImageConfig.LABEL_OSTREE_BOOTABLE) && !labels.containsKey(ImageConfig.LABEL_BOOTC)) {
            throw new ImageException("Target image does not have " + ImageConfig.LABEL_OSTREE_BOOTABLE + " label");
        }
        Platform host = Platform.host();
        String arch = image.config().platform().architecture();
        if (!host.architecture().equals(arch)) {
            throw new ImageException("Image has architecture " + arch + "; expected " + host.architecture());
        }
    }
}
