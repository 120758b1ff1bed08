package dev.bootcj.imports;

import dev.bootcj.ostree.DirMeta;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.Xattrs;
import dev.bootcj.tar.TarReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * The tree of one layer as it is read: directories with their dirmeta, files with their content checksum.
 * Memory grows with the number of entries, not with their size. Written bottom-up as dirtree/dirmeta objects
 * by {@link #write}. Not thread-safe.
 *
 * <p>A directory the layer has no entry for (a parent created for a deeper entry, or the root of a layer
 * without {@code ./}) is <em>implicit</em>: the merge keeps the lower layers' metadata for it, and adds it only
 * where it holds more than whiteouts ({@link #implicitDirs}).
 */
final class LayerTree {
    /** A directory node. */
    static final class Dir {
        DirMeta meta;
        /** Created as a parent, with no entry of its own in the layer (so far). */
        boolean implicit;
        /** Name to checksum: a String, or a Future of one from {@link WriterPool}. */
        final TreeMap<String, Object> files = new TreeMap<>(DirTree.NAME_ORDER);
        final TreeMap<String, Dir> dirs = new TreeMap<>(DirTree.NAME_ORDER);

        Dir(DirMeta meta, boolean implicit) {
            this.meta = meta;
            this.implicit = implicit;
        }
    }

    private static final DirMeta ROOT_DEFAULT = DirMeta.of(0, 0, 0755, Xattrs.EMPTY);

    private final Dir root = new Dir(ROOT_DEFAULT, true);
    private long files;
    private long directories;

    /** Adds or replaces a file (regular or symlink) at {@code path} (normalized, non-empty). */
    void putFile(String path, Object checksum, int uid, int gid) throws InvalidLayerException {
        int slash = path.lastIndexOf('/');
        Dir parent = parentOf(path, slash, uid, gid);
        String name = path.substring(slash + 1);
        parent.dirs.remove(name);
        parent.files.put(name, checksum);
        files++;
    }

    /** Adds a directory at {@code path} or updates its metadata; {@code ""} is the root. */
    void putDir(String path, DirMeta meta) throws InvalidLayerException {
        if (path.isEmpty()) {
            root.meta = meta;
            root.implicit = false;
            return;
        }
        int slash = path.lastIndexOf('/');
        Dir parent = parentOf(path, slash, meta.uid(), meta.gid());
        String name = path.substring(slash + 1);
        parent.files.remove(name);
        Dir d = parent.dirs.get(name);
        if (d == null) {
            parent.dirs.put(name, new Dir(meta, false));
            directories++;
        } else {
            d.meta = meta;
            d.implicit = false;
        }
    }

    /** Adds an implicit directory at {@code path} (normalized, non-empty) unless something is there already. */
    void ensureDir(String path) throws InvalidLayerException {
        int slash = path.lastIndexOf('/');
        Dir parent = parentOf(path, slash, 0, 0);
        String name = path.substring(slash + 1);
        if (!parent.dirs.containsKey(name) && !parent.files.containsKey(name)) {
            parent.dirs.put(name, new Dir(ROOT_DEFAULT, true));
            directories++;
        }
    }

    /**
     * Whether a parent of {@code path} is a file (regular or symlink) in the layer so far: a whiteout there
     * has nothing to hide, since the file already replaces whatever the lower layers hold at that parent.
     */
    boolean belowFile(String path) {
        Dir d = root;
        int i = 0;
        for (int next; (next = path.indexOf('/', i)) >= 0; i = next + 1) {
            String part = path.substring(i, next);
            Dir child = d.dirs.get(part);
            if (child == null) {
                return d.files.containsKey(part);
            }
            d = child;
        }
        return false;
    }

    /** The paths of the implicit directories, {@code ""} for the root, in tree order. */
    List<String> implicitDirs() {
        List<String> out = new ArrayList<>();
        implicitDirs(root, "", out);
        return out;
    }

    private static void implicitDirs(Dir dir, String path, List<String> out) {
        if (dir.implicit) {
            out.add(path);
        }
        for (var e : dir.dirs.entrySet()) {
            implicitDirs(e.getValue(), path.isEmpty() ? e.getKey() : path + "/" + e.getKey(), out);
        }
    }

    /** The checksum (or its future) of the file at {@code path}, or null. */
    Object lookupFile(String path) {
        int slash = path.lastIndexOf('/');
        Dir d = root;
        int i = 0;
        while (slash >= 0 && i <= slash) {
            int next = path.indexOf('/', i);
            d = d.dirs.get(path.substring(i, next));
            if (d == null) {
                return null;
            }
            i = next + 1;
        }
        return d.files.get(path.substring(slash + 1));
    }

    long fileCount() {
        return files;
    }

    long directoryCount() {
        return directories;
    }

    /**
     * The parent directory of {@code path}, creating missing ones (mode 0755, owned like the entry, as
     * libostree's {@code autocreate_parents} does). A parent that is a file (a symlink, say) is refused: tar
     * extraction would write through it.
     */
    private Dir parentOf(String path, int slash, int uid, int gid) throws InvalidLayerException {
        Dir d = root;
        int i = 0;
        while (slash >= 0 && i <= slash) {
            int next = path.indexOf('/', i);
            String part = path.substring(i, next);
            Dir child = d.dirs.get(part);
            if (child == null) {
                if (d.files.containsKey(part)) {
                    throw new InvalidLayerException("layer entry " + TarReader.escapeText(path)
                            + " goes through " + TarReader.escapeText(path.substring(0, next))
                            + ", which is not a directory (a symlink or file earlier in the layer)");
                }
                child = new Dir(DirMeta.of(uid, gid, 0755, Xattrs.EMPTY), true);
                d.dirs.put(part, child);
                directories++;
            }
            d = child;
            i = next + 1;
        }
        return d;
    }

    /**
     * Writes every dirtree and dirmeta; returns the root's checksums. This thread serializes and hashes each
     * object (a parent needs its children's checksums); the pool's threads write them, and every write is
     * waited for and checked against the checksum here before this returns.
     */
    DirTree.Subdir write(WriterPool pool) throws java.io.IOException, dev.bootcj.NativeException {
        List<Written> pending = new ArrayList<>();
        DirTree.Subdir top = write(root, pool, new HashMap<>(), pending);
        for (Written w : pending) {
            String written = WriterPool.resolve(w.result());
            if (!written.equals(w.checksum())) {
                throw new java.io.IOException("metadata object written as " + written + ", expected " + w.checksum());
            }
        }
        return top;
    }

    /** A queued metadata write and the checksum it must produce. */
    private record Written(String checksum, Future<String> result) {
    }

    private static DirTree.Subdir write(Dir dir, WriterPool pool, Map<DirMeta, String> metas, List<Written> pending)
            throws java.io.IOException, dev.bootcj.NativeException {
        TreeMap<String, DirTree.Subdir> subdirs = new TreeMap<>(DirTree.NAME_ORDER);
        for (var e : dir.dirs.entrySet()) {
            subdirs.put(e.getKey(), write(e.getValue(), pool, metas, pending));
        }
        TreeMap<String, String> files = new TreeMap<>(DirTree.NAME_ORDER);
        for (var e : dir.files.entrySet()) {
            files.put(e.getKey(), WriterPool.resolve(e.getValue()));
        }
        DirTree tree = new DirTree(files, subdirs);
        String treeChecksum = tree.checksum();
        pending.add(new Written(treeChecksum, pool.writeDirTree(tree)));
        String meta = metas.get(dir.meta);
        if (meta == null) {
            meta = dir.meta.checksum();
            pending.add(new Written(meta, pool.writeDirMeta(dir.meta)));
            metas.put(dir.meta, meta);
        }
        return new DirTree.Subdir(treeChecksum, meta);
    }
}
