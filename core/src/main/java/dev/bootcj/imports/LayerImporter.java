package dev.bootcj.imports;

import dev.bootcj.ImageException;
import dev.bootcj.NativeException;
import dev.bootcj.ostree.DirMeta;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.LooseObjectStore;
import dev.bootcj.ostree.ObjectSink;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoTransaction;
import dev.bootcj.ostree.Xattrs;
import dev.bootcj.tar.TarEntry;
import dev.bootcj.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one layer: its (decompressed) tar stream becomes one ostree commit, written by libostree in one
 * transaction, with the ref {@code ostree/container/blob/<escaped digest>} set in that same transaction only
 * after the caller's {@link BlobVerification} passes. Any failure (bad tar, refused content, verification,
 * libostree error) aborts the transaction: no ref, nothing partial visible.
 *
 * <p>The layer commit keeps ostree-ext's semantics: the filtered, normalized tree of the layer (see
 * {@link ImportRules}), whiteout files ({@code .wh.*}) stored as the plain files they are, metadata
 * {@code ostree.importer.version} and {@link #IMPLICIT_DIRS}. A whiteout below a file (or symlink) that came
 * earlier in the same layer has nothing to hide and is skipped; any other entry through such a file is refused. In {@code bare} and {@code bare-user} repositories the objects are written by
 * {@link LooseObjectStore} (checksums in Java, {@code O_TMPFILE} + {@code linkat} straight into
 * {@code objects/}, one {@code syncfs} before the commit and ref); in other modes by libostree's per-object
 * calls. Files are hashed and written by {@link WriterPool} threads while this thread parses (large ones handed
 * over in pool-buffer chunks); memory does not grow with file sizes.
 * {@snippet :
 * LayerImporter importer = new LayerImporter(repo, ImportRules.PLAIN_IMAGE);
 * VerifyingInputStream blob = new VerifyingInputStream(raw, layer); // dev.bootcj.blob
 * LayerImporter.Result r = importer.importLayer(layer.digest().toString(),
 *         Decompressors.decompress(blob, Compression.ZSTD), blob::verify);
 * }
 */
public final class LayerImporter {
    /** The value of {@code ostree.importer.version} in commits we write. */
    public static final String IMPORTER_VERSION = "bootcj-0.1.0";

    /**
     * The commit metadata key ({@code as}) listing the layer's implicit directories: parents the layer has no
     * entry for ({@code ""} is the root). The merge keeps the lower layers' metadata for them.
     */
    public static final String IMPLICIT_DIRS = "bootcj.implicit-dirs";

    private static final Logger log = LoggerFactory.getLogger(LayerImporter.class);
    private static final String FACTORY_VAR = "usr/share/factory/var";
    /** Threads writing small files besides the parsing thread (they mostly wait on the kernel). */
    private static final int WRITER_THREADS = 2;

    /**
     * An imported layer.
     *
     * @param digest the layer blob's digest
     * @param commit the layer commit
     * @param filtered dropped paths: counter name to count (ostree-ext's {@code ostree.tar-filtered} entry)
     * @param files regular files and symlinks imported (hardlinks included)
     * @param directories directories in the layer tree
     * @param stats what the transaction wrote
     */
    public record Result(String digest, String commit, Map<String, Integer> filtered, long files, long directories,
            RepoTransaction.Stats stats) {
    }

    private final OstreeRepo repo;
    private final ImportRules rules;

    public LayerImporter(OstreeRepo repo, ImportRules rules) {
        this.repo = repo;
        this.rules = rules;
    }

    /** The commit of an already imported layer, if its ref exists. */
    public Optional<String> existing(String digest) throws IOException, NativeException {
        return repo.resolveRev(RefEscape.layerRef(digest), true);
    }

    /**
     * Imports a layer's tar stream (read to its end, then closed).
     *
     * @param digest the compressed blob's digest ({@code sha256:...}), naming the ref
     * @param tar the decompressed layer
     * @param verification called after the stream's end, before the ref is set
     * @throws InvalidLayerException for refused content
     * @throws dev.bootcj.tar.TarFormatException for a corrupt or truncated archive
     * @throws ImageException when the verification fails
     */
    public Result importLayer(String digest, InputStream tar, BlobVerification verification)
            throws IOException, ImageException, NativeException {
        String ref = RefEscape.layerRef(digest);
        TreeMap<String, Integer> filtered = new TreeMap<>();
        InputStream ahead = new ReadAheadInputStream(tar);
        try (TarReader reader = new TarReader(ahead);
                RepoTransaction tx = repo.beginTransaction();
                LooseObjectStore store = LooseObjectStore.supports(repo.mode()) ? LooseObjectStore.open(tx) : null) {
            Supplier<ObjectSink> sinks = store != null ? store::newWriter : tx::newWriter;
            LayerTree tree = new LayerTree();
            DirTree.Subdir root;
            long start = System.nanoTime();
            long parsed;
            try (ObjectSink writer = sinks.get(); WriterPool background = new WriterPool(WRITER_THREADS, sinks)) {
                DirMeta varMeta = null;
                boolean factoryVar = false;
                for (TarEntry e; (e = reader.next()) != null; ) {
                    ImportRules.Normalized n = rules.normalize(e.path());
                    if (n.filtered()) {
                        filtered.merge(n.filteredAs(), 1, Integer::sum);
                        continue;
                    }
                    String path = n.kept();
                    if (e.type() != TarEntry.Type.DIRECTORY && ImageMerger.isWhiteout(path) && tree.belowFile(path)) {
                        // The file above it in this layer already replaces what the lower layers hold there.
                        log.debug("layer {}: whiteout {} below a file of the layer skipped", digest,
                                TarReader.escapeText(e.path()));
                        continue;
                    }
                    factoryVar |= path.equals(FACTORY_VAR) || path.startsWith(FACTORY_VAR + "/");
                    switch (e.type()) {
                        case DIRECTORY -> {
                            DirMeta meta = DirMeta.of(e.uid(), e.gid(), e.mode(), xattrs(e));
                            tree.putDir(path, meta);
                            if (path.equals(FACTORY_VAR)) {
                                varMeta = meta;
                            }
                        }
                        case REGULAR -> {
                            requireNonRoot(path, e);
                            // Hashing and writing happen on the writer threads; this one parses.
                            Object csum = e.size() <= ObjectSink.BUFFER_SIZE
                                    ? background.writeFile(e.uid(), e.gid(), e.mode(), xattrs(e), (int) e.size(),
                                            reader::read)
                                    : background.writeLargeFile(e.uid(), e.gid(), e.mode(), xattrs(e), e.size(),
                                            reader::read);
                            tree.putFile(path, csum, e.uid(), e.gid());
                        }
                        case SYMLINK -> {
                            requireNonRoot(path, e);
                            ImportRules.checkSymlinkTarget(e.path(), e.linkName());
                            tree.putFile(path, writer.writeSymlink(e.uid(), e.gid(), xattrs(e), e.linkName()),
                                    e.uid(), e.gid());
                        }
                        case HARDLINK -> {
                            requireNonRoot(path, e);
                            tree.putFile(path, hardlinkTarget(tree, e), e.uid(), e.gid());
                        }
                        case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> throw new InvalidLayerException(
                                "unsupported file type (" + typeName(e.type()) + ") in layer: "
                                        + TarReader.escapeText(e.path()));
                    }
                }
                if (factoryVar) {
                    // The image's /var content moves to the factory copy, but a deployment still needs an empty
                    // /var to mount the stateroot's /var on (ostree-prepare-root and var.mount fail without it).
                    if (varMeta != null) {
                        tree.putDir("var", varMeta);
                    } else {
                        tree.ensureDir("var");
                    }
                }
                drain(ahead);
                parsed = System.nanoTime();
                root = tree.write(background);
            }
            long written = System.nanoTime();
            verification.verify();
            if (store != null) {
                // Our objects are durable before libostree writes the commit and the ref points at them.
                store.sync();
            }
            long synced = System.nanoTime();
            Map<String, Object> metadata = new java.util.LinkedHashMap<>();
            metadata.put("ostree.importer.version", IMPORTER_VERSION);
            List<String> implicit = tree.implicitDirs();
            if (!implicit.isEmpty()) {
                metadata.put(IMPLICIT_DIRS, implicit);
            }
            String commit = tx.writeCommit(root.tree(), root.meta(), metadata, Instant.now().getEpochSecond());
            tx.setRef(ref, commit);
            RepoTransaction.Stats stats = tx.commit();
            if (store != null) {
                stats = stats.plus(store.stats());
            }
            long end = System.nanoTime();
            log.debug("layer {}: commit {}, {} files, {} dirs, {} filtered; {}; ms: read+write {}, trees {}, "
                    + "sync {}, commit {}", digest, commit, tree.fileCount(), tree.directoryCount(), filtered, stats,
                    (parsed - start) / 1_000_000, (written - parsed) / 1_000_000, (synced - written) / 1_000_000,
                    (end - synced) / 1_000_000);
            return new Result(digest, commit, Map.copyOf(filtered), tree.fileCount(), tree.directoryCount(), stats);
        }
    }

    private Object hardlinkTarget(LayerTree tree, TarEntry e) throws InvalidLayerException {
        Optional<String> target = rules.linkTarget(e.linkName());
        if (target.isEmpty()) {
            throw new InvalidLayerException("hardlink " + TarReader.escapeText(e.path()) + " points to "
                    + TarReader.escapeText(e.linkName()) + ", which is not imported");
        }
        Object csum = tree.lookupFile(target.get());
        if (csum == null) {
            throw new InvalidLayerException("hardlink " + TarReader.escapeText(e.path()) + " points to "
                    + TarReader.escapeText(e.linkName()) + ", which is not a file earlier in the layer");
        }
        return csum;
    }

    private static void requireNonRoot(String path, TarEntry e) throws InvalidLayerException {
        if (path.isEmpty()) {
            throw new InvalidLayerException("layer entry " + TarReader.escapeText(e.path())
                    + " replaces the root directory with a file");
        }
    }

    private static String typeName(TarEntry.Type t) {
        return switch (t) {
            case CHAR_DEVICE -> "character device";
            case BLOCK_DEVICE -> "block device";
            case FIFO -> "fifo";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * The entry's xattrs without empty values: libostree reads an empty-valued xattr of a bare-repo object
     * back as absent, so keeping one would write an object that {@code ostree fsck} reports as corrupt.
     */
    private static Xattrs xattrs(TarEntry e) {
        if (e.xattrs().isEmpty()) {
            return Xattrs.EMPTY;
        }
        Map<String, byte[]> kept = new java.util.LinkedHashMap<>();
        e.xattrs().forEach((k, v) -> {
            if (v.length > 0) {
                kept.put(k, v);
            }
        });
        return Xattrs.of(kept);
    }

    /** Reads what follows the end-of-archive marker (record padding), so a digesting stream below sees it all. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        while (in.read(buf, 0, buf.length) >= 0) {
            // discard
        }
    }
}
