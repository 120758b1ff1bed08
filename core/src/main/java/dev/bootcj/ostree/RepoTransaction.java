package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.GLibException;
import dev.bootcj.glib.Cancellation;
import dev.bootcj.glib.GErrors;
import dev.bootcj.glib.GObjects;
import dev.bootcj.glib.GStrings;
import dev.bootcj.glib.Variants;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libostree transaction ({@code ostree_repo_prepare_transaction} ... {@code commit_transaction}): objects
 * are written through {@link ObjectWriter}s, refs set with {@link #setRef} take effect only at {@link #commit()},
 * and closing an uncommitted transaction aborts it (objects already staged are discarded or left for
 * {@code prune}; no ref changes). Begin with {@link OstreeRepo#beginTransaction()}.
 * {@snippet :
 * try (RepoTransaction tx = repo.beginTransaction(); ObjectWriter w = tx.newWriter()) {
 *     String file = w.writeSymlink(0, 0, Xattrs.EMPTY, "target");
 *     // ... dirtree/dirmeta, then:
 *     String commit = tx.writeCommit(rootTree, rootMeta, Map.of("ostree.importer.version", "x"), 0);
 *     tx.setRef("ostree/container/blob/sha256_3A_...", commit);
 *     tx.commit();
 * }
 * }
 * Begin, commit and close on one thread; writers may run on others.
 */
public final class RepoTransaction implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RepoTransaction.class);

    /**
     * What a committed transaction wrote ({@code OstreeRepoTransactionStats}).
     *
     * @param metadataTotal metadata objects seen
     * @param metadataWritten metadata objects newly written
     * @param contentTotal content objects seen
     * @param contentWritten content objects newly written
     * @param contentBytesWritten bytes of content written
     */
    public record Stats(int metadataTotal, int metadataWritten, int contentTotal, int contentWritten,
            long contentBytesWritten) {
        /** The sum of two statistics (objects written by libostree and by {@link LooseObjectStore}). */
        public Stats plus(Stats o) {
            return new Stats(metadataTotal + o.metadataTotal, metadataWritten + o.metadataWritten,
                    contentTotal + o.contentTotal, contentWritten + o.contentWritten,
                    contentBytesWritten + o.contentBytesWritten);
        }
    }

    private final OstreeRepo repo;
    private boolean active;

    private RepoTransaction(OstreeRepo repo) {
        this.repo = repo;
        this.active = true;
    }

    static RepoTransaction begin(OstreeRepo repo) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_prepare_transaction(repo.pointer(), MemorySegment.NULL,
                    MemorySegment.NULL, error), error, "starting a transaction in " + repo);
        }
        return new RepoTransaction(repo);
    }

    /** A writer for objects in this transaction, for the calling thread. */
    public ObjectWriter newWriter() {
        ensureActive();
        return new ObjectWriter(this, repo.pointer());
    }

    /** Sets (or with a null checksum deletes) a local ref when the transaction commits. */
    public void setRef(String ref, String checksum) {
        ensureActive();
        try (Arena arena = Arena.ofConfined()) {
            LibOstree.ostree_repo_transaction_set_ref(repo.pointer(), MemorySegment.NULL, arena.allocateFrom(ref),
                    checksum == null ? MemorySegment.NULL : arena.allocateFrom(checksum));
        }
    }

    /**
     * Writes a commit with no parent, subject or body over a root already written (dirtree + dirmeta), through
     * {@code ostree_repo_write_commit_with_time}.
     *
     * @param metadata commit metadata: String ({@code s}), Boolean ({@code b}), Integer ({@code i}), Long
     *     ({@code t}), byte[] ({@code ay}), a nested {@code Map<String, ?>} ({@code a{sv}}) of the same, or
     *     {@link CountsByName} ({@code a{sa{su}}})
     * @param timestamp seconds since the epoch
     * @return the commit checksum
     */
    public String writeCommit(String rootTree, String rootMeta, Map<String, ?> metadata, long timestamp)
            throws GLibException {
        ensureActive();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment mtree = LibOstree.ostree_mutable_tree_new_from_checksum(repo.pointer(),
                    arena.allocateFrom(rootTree), arena.allocateFrom(rootMeta));
            MemorySegment rootOut = arena.allocate(ADDRESS);
            MemorySegment meta = Variants.sink(Variants.vardict(variantValues(metadata)));
            try {
                GErrors.check(LibOstree.ostree_repo_write_mtree(repo.pointer(), mtree, rootOut, MemorySegment.NULL,
                        error), error, "resolving root " + rootTree);
                MemorySegment root = rootOut.get(ADDRESS, 0);
                try {
                    MemorySegment out = arena.allocate(ADDRESS);
                    GErrors.check(LibOstree.ostree_repo_write_commit_with_time(repo.pointer(), MemorySegment.NULL,
                            MemorySegment.NULL, MemorySegment.NULL, meta, root, timestamp, out, MemorySegment.NULL,
                            error), error, "writing a commit in " + repo);
                    return GStrings.take(out.get(ADDRESS, 0));
                } finally {
                    GObjects.unref(root);
                }
            } finally {
                Variants.unref(meta);
                GObjects.unref(mtree);
            }
        }
    }

    private static int stat(MemorySegment stats, String field) {
        return stats.get(JAVA_INT, Structs.offset(Structs.TRANSACTION_STATS, field));
    }

    /** {@code metadata} with each {@link CountsByName} turned into its (floating) GVariant. */
    private static Map<String, Object> variantValues(Map<String, ?> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(k, v instanceof CountsByName c ? Variants.stringToCounts(c.counts()) : v));
        return out;
    }

    /** Commits: objects become visible and refs are written. */
    public Stats commit() throws GLibException {
        ensureActive();
        active = false;
        try (Arena arena = Arena.ofConfined(); Cancellation cancel = Cancellation.forCurrentThread()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment stats = arena.allocate(Structs.TRANSACTION_STATS);
            GErrors.check(LibOstree.ostree_repo_commit_transaction(repo.pointer(), stats, cancel.pointer(), error),
                    error, "committing the transaction in " + repo);
            return new Stats(stat(stats, "metadata_objects_total"), stat(stats, "metadata_objects_written"),
                    stat(stats, "content_objects_total"), stat(stats, "content_objects_written"),
                    stats.get(JAVA_LONG, Structs.offset(Structs.TRANSACTION_STATS, "content_bytes_written")));
        } catch (GLibException e) {
            abortQuietly();
            throw e;
        }
    }

    OstreeRepo repo() {
        return repo;
    }

    void ensureActive() {
        if (!active) {
            throw new IllegalStateException("transaction in " + repo + " is no longer active");
        }
    }

    /** Aborts if neither committed nor aborted yet. */
    @Override
    public void close() {
        if (active) {
            active = false;
            abortQuietly();
        }
    }

    private void abortQuietly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            if (LibOstree.ostree_repo_abort_transaction(repo.pointer(), MemorySegment.NULL, error) == 0) {
                log.warn("aborting the transaction in {} failed: {}", repo,
                        GErrors.take(error, "abort").getMessage());
            }
        }
    }
}
