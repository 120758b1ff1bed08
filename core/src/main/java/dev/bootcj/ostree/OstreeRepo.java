package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.bootcj.GLibException;
import dev.bootcj.glib.Cancellation;
import dev.bootcj.glib.GCollections;
import dev.bootcj.glib.GErrors;
import dev.bootcj.glib.GFiles;
import dev.bootcj.glib.GStrings;
import dev.bootcj.glib.Owned;
import dev.bootcj.glib.Variants;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An ostree repository ({@code OstreeRepo}). Open with {@link #open(Path)} or {@link #create(Path, RepoMode)};
 * close to drop the reference. Not thread-safe: confine one instance to one thread.
 * {@snippet :
 * try (OstreeRepo repo = OstreeRepo.open(Path.of("/sysroot/ostree/repo"))) {
 *     Optional<String> commit = repo.resolveRev("ostree/container/image/...", true);
 * }
 * }
 */
public final class OstreeRepo implements AutoCloseable {
    private final Owned repo;
    private final String description;
    private final Path path;

    private OstreeRepo(Owned repo, String description, Path path) {
        this.repo = repo;
        this.description = description;
        this.path = path;
    }

    /** Opens an existing repository. */
    public static OstreeRepo open(Path path) throws GLibException {
        Owned repo;
        try (Owned file = GFiles.forPath(path)) {
            repo = Owned.gobject(LibOstree.ostree_repo_new(file.get()), "OstreeRepo " + path);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_open(repo.get(), MemorySegment.NULL, error), error,
                    "opening ostree repository " + path);
        } catch (GLibException e) {
            repo.close();
            throw e;
        }
        return new OstreeRepo(repo, "repository " + path, path);
    }

    /** Creates (or opens, if it exists with the same mode) a repository. */
    public static OstreeRepo create(Path path, RepoMode mode) throws GLibException {
        Owned repo;
        try (Owned file = GFiles.forPath(path)) {
            repo = Owned.gobject(LibOstree.ostree_repo_new(file.get()), "OstreeRepo " + path);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_create(repo.get(), mode.value(), MemorySegment.NULL, error), error,
                    "creating ostree repository " + path);
        } catch (GLibException e) {
            repo.close();
            throw e;
        }
        return new OstreeRepo(repo, "repository " + path, path);
    }

    /** Wraps a repo the sysroot owns, taking a reference of our own. */
    static OstreeRepo borrowed(MemorySegment pointer, Path path) {
        return new OstreeRepo(Owned.refGObject(pointer, "OstreeRepo"), "repository " + path, path);
    }

    /** The repository's directory. */
    public Path path() {
        return path;
    }

    MemorySegment pointer() {
        return repo.get();
    }

    /** The repository mode. */
    public RepoMode mode() {
        return RepoMode.of(LibOstree.ostree_repo_get_mode(repo.get()));
    }

    /** The {@code sysroot.bootloader} setting ({@code auto} when unset). */
    public String bootloader() {
        return GStrings.peek(LibOstree.ostree_repo_get_bootloader(repo.get()));
    }

    /** Resolves a ref or checksum; empty if it does not exist and {@code allowMissing}. */
    public Optional<String> resolveRev(String refspec, boolean allowMissing) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            GErrors.check(LibOstree.ostree_repo_resolve_rev(repo.get(), arena.allocateFrom(refspec),
                    allowMissing ? 1 : 0, out, error), error, "resolving " + refspec + " in " + description);
            return Optional.ofNullable(GStrings.take(out.get(ADDRESS, 0)));
        }
    }

    /** Local refs (full names) starting with {@code prefix} (null for all), mapped to their checksums. */
    public Map<String, String> listRefs(String prefix) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment p = prefix == null ? MemorySegment.NULL : arena.allocateFrom(prefix);
            GErrors.check(LibOstree.ostree_repo_list_refs_ext(repo.get(), p, out, 2 /* EXCLUDE_REMOTES */,
                    MemorySegment.NULL, error), error, "listing refs of " + description);
            MemorySegment table = out.get(ADDRESS, 0);
            try {
                return GCollections.stringMap(table);
            } finally {
                GCollections.unrefHashTable(table);
            }
        }
    }

    /** Loads a commit object. */
    public Commit loadCommit(String checksum) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment state = arena.allocate(JAVA_INT);
            GErrors.check(LibOstree.ostree_repo_load_commit(repo.get(), arena.allocateFrom(checksum), out, state,
                    error), error, "loading commit " + checksum + " from " + description);
            MemorySegment commit = out.get(ADDRESS, 0);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) Variants.child(commit, 0, Variants::toJava);
                String parent = GStrings.take(LibOstree.ostree_commit_get_parent(commit));
                String subject = Variants.child(commit, 3, v -> (String) Variants.toJava(v));
                String body = Variants.child(commit, 4, v -> (String) Variants.toJava(v));
                long seconds = LibOstree.ostree_commit_get_timestamp(commit);
                return new Commit(checksum, metadata, parent, subject, body, Instant.ofEpochSecond(seconds));
            } finally {
                Variants.unref(commit);
            }
        }
    }

    /** Detached metadata of a commit (empty map if none). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> detachedMetadata(String checksum) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            GErrors.check(LibOstree.ostree_repo_read_commit_detached_metadata(repo.get(),
                    arena.allocateFrom(checksum), out, MemorySegment.NULL, error), error,
                    "reading detached metadata of " + checksum);
            MemorySegment v = out.get(ADDRESS, 0);
            if (v.equals(MemorySegment.NULL)) {
                return Map.of();
            }
            try {
                return (Map<String, Object>) Variants.toJava(v);
            } finally {
                Variants.unref(v);
            }
        }
    }

    /** Sets {@code [group] key=value} in the repo's config file and reloads it. */
    public void setConfig(String group, String key, String value) throws GLibException {
        try (Arena arena = Arena.ofConfined();
                Owned config = Owned.of(LibOstree.ostree_repo_copy_config(repo.get()),
                        dev.bootcj.glib.KeyFiles::unref, "GKeyFile")) {
            dev.bootcj.glib.KeyFiles.setString(config.get(), group, key, value);
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_write_config(repo.get(), config.get(), error), error,
                    "writing the config of " + description);
        }
    }

    /** Sets (or with a null checksum deletes) a local ref outside any transaction. */
    public void setRefImmediate(String ref, String checksum) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_set_ref_immediate(repo.get(), MemorySegment.NULL, arena.allocateFrom(ref),
                    checksum == null ? MemorySegment.NULL : arena.allocateFrom(checksum), MemorySegment.NULL, error),
                    error, (checksum == null ? "deleting ref " : "setting ref ") + ref + " in " + description);
        }
    }

    /** Replaces a commit's detached metadata with {@code metadata} (string values). */
    public void writeDetachedMetadata(String checksum, Map<String, String> metadata) throws GLibException {
        try (Arena arena = Arena.ofConfined(); Owned dict = Variants.own(Variants.vardict(metadata))) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_write_commit_detached_metadata(repo.get(), arena.allocateFrom(checksum),
                    dict.get(), MemorySegment.NULL, error), error, "writing detached metadata of " + checksum);
        }
    }

    /**
     * What a prune removed.
     *
     * @param objectsTotal objects examined
     * @param objectsPruned objects deleted
     * @param bytesPruned their size
     */
    public record PruneResult(int objectsTotal, int objectsPruned, long bytesPruned) {
    }

    /** Deletes objects no ref (and no deployment) reaches ({@code OSTREE_REPO_PRUNE_FLAGS_REFS_ONLY}). */
    public PruneResult pruneUnreferenced() throws GLibException {
        try (Arena arena = Arena.ofConfined(); Cancellation cancel = Cancellation.forCurrentThread()) {
            MemorySegment total = arena.allocate(JAVA_INT);
            MemorySegment pruned = arena.allocate(JAVA_INT);
            MemorySegment size = arena.allocate(java.lang.foreign.ValueLayout.JAVA_LONG);
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_repo_prune(repo.get(), 2 /* REFS_ONLY */, 0, total, pruned, size,
                    cancel.pointer(), error), error, "pruning " + description);
            return new PruneResult(total.get(JAVA_INT, 0), pruned.get(JAVA_INT, 0),
                    size.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0));
        }
    }

    /**
     * Checks out {@code subpath} of {@code commit} into the new directory {@code destination} (user mode: files
     * owned by the caller, no setuid/xattrs). Returns false if the commit has no such path.
     */
    public boolean checkoutSubpath(String commit, String subpath, Path destination) throws GLibException {
        try (Arena arena = Arena.ofConfined(); Cancellation cancel = Cancellation.forCurrentThread()) {
            MemorySegment opts = arena.allocate(Structs.CHECKOUT_AT_OPTIONS);
            opts.set(JAVA_INT, Structs.CHECKOUT_MODE, 1); // OSTREE_REPO_CHECKOUT_MODE_USER
            opts.set(ADDRESS, Structs.CHECKOUT_SUBPATH, arena.allocateFrom(subpath));
            MemorySegment error = GErrors.slot(arena);
            int ok = LibOstree.ostree_repo_checkout_at(repo.get(), opts, -100 /* AT_FDCWD */,
                    arena.allocateFrom(destination.toString()), arena.allocateFrom(commit), cancel.pointer(), error);
            if (ok == 0) {
                GLibException e = GErrors.take(error, "checking out " + subpath + " of " + commit);
                if (e.isNotFound()) {
                    return false;
                }
                throw e;
            }
            return true;
        }
    }

    /** Starts a transaction (see {@link RepoTransaction}); one at a time per repository object. */
    public RepoTransaction beginTransaction() throws GLibException {
        return RepoTransaction.begin(this);
    }

    /** Loads and parses a dirtree object. */
    public DirTree loadDirTree(String checksum) throws GLibException {
        return DirTree.parse(loadVariantBytes(2, checksum, "dirtree"));
    }

    /** Loads and parses a dirmeta object. */
    public DirMeta loadDirMeta(String checksum) throws GLibException {
        return DirMeta.parse(loadVariantBytes(3, checksum, "dirmeta"));
    }

    /** The root dirtree and dirmeta checksums of a commit (children 6 and 7 of the commit variant). */
    public DirTree.Subdir commitRoot(String commitChecksum) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment state = arena.allocate(JAVA_INT);
            GErrors.check(LibOstree.ostree_repo_load_commit(repo.get(), arena.allocateFrom(commitChecksum), out,
                    state, error), error, "loading commit " + commitChecksum + " from " + description);
            MemorySegment commit = out.get(ADDRESS, 0);
            try {
                byte[] tree = Variants.child(commit, 6, Variants::bytes);
                byte[] meta = Variants.child(commit, 7, Variants::bytes);
                return new DirTree.Subdir(Checksums.fromBytes(tree, 0), Checksums.fromBytes(meta, 0));
            } finally {
                Variants.unref(commit);
            }
        }
    }

    /**
     * What a content object is.
     *
     * @param type {@code GFileType}: 1 regular, 3 symbolic link
     * @param size content size in bytes (0 for symlinks)
     */
    public record ContentInfo(int type, long size) {
        /** Whether it is a regular file. */
        public boolean isRegular() {
            return type == 1;
        }
    }

    /** The type and size of a content object ({@code ostree_repo_load_file} without the content stream). */
    public ContentInfo contentInfo(String checksum) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment info = arena.allocate(ADDRESS);
            GErrors.check(LibOstree.ostree_repo_load_file(repo.get(), arena.allocateFrom(checksum),
                    MemorySegment.NULL, info, MemorySegment.NULL, MemorySegment.NULL, error), error,
                    "loading file object " + checksum + " from " + description);
            MemorySegment fi = info.get(ADDRESS, 0);
            try {
                return new ContentInfo(dev.bootcj.glib.GFiles.fileType(fi), dev.bootcj.glib.GFiles.fileSize(fi));
            } finally {
                dev.bootcj.glib.GObjects.unref(fi);
            }
        }
    }

    private byte[] loadVariantBytes(int type, String checksum, String what) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            GErrors.check(LibOstree.ostree_repo_load_variant(repo.get(), type, arena.allocateFrom(checksum), out,
                    error), error, "loading " + what + " " + checksum + " from " + description);
            MemorySegment v = out.get(ADDRESS, 0);
            try {
                return Variants.bytes(v);
            } finally {
                Variants.unref(v);
            }
        }
    }

    @Override
    public void close() {
        repo.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
