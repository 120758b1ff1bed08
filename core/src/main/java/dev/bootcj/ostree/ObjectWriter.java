package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.bootcj.GLibException;
import dev.bootcj.glib.GErrors;
import dev.bootcj.glib.GObjects;
import dev.bootcj.glib.GStreams;
import dev.bootcj.glib.GStrings;
import dev.bootcj.glib.Variants;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes objects into an open {@link RepoTransaction}: regular files ({@code ostree_repo_write_regfile_inline},
 * or {@code ostree_repo_write_regfile} and its content writer for large files), symlinks
 * ({@code ostree_repo_write_symlink}) and dirtree/dirmeta objects ({@code ostree_repo_write_metadata}).
 * libostree computes every checksum. Native memory (one data buffer, a string scratch area, the GError slot,
 * the xattrs variants) is allocated once per writer and reused, so a call allocates nothing per file.
 *
 * <p>One writer per thread (its memory is confined to the thread that made it); several writers may write
 * into the same transaction concurrently, which libostree allows. Close it before the transaction commits.
 */
public final class ObjectWriter implements ObjectSink {
    /** {@code S_IFREG}. */
    public static final int S_IFREG = 0100000;

    private static final int OBJECT_DIR_TREE = 2;
    private static final int OBJECT_DIR_META = 3;

    private final RepoTransaction transaction;
    private final MemorySegment repo;
    private final Arena arena;
    private final MemorySegment error;
    private final MemorySegment data;
    private final byte[] heap = new byte[BUFFER_SIZE];
    private MemorySegment scratch;
    private final Map<Xattrs, MemorySegment> xattrVariants = new HashMap<>();
    private final MemorySegment treeType;
    private final MemorySegment metaType;
    private boolean closed;

    ObjectWriter(RepoTransaction transaction, MemorySegment repo) {
        this.transaction = transaction;
        this.repo = repo;
        this.arena = Arena.ofConfined();
        this.error = GErrors.slot(arena);
        this.data = arena.allocate(BUFFER_SIZE, 16);
        this.scratch = arena.allocate(4096);
        this.treeType = arena.allocateFrom("(a(say)a(sayay))");
        this.metaType = arena.allocateFrom("(uuua(ayay))");
    }

    /** A heap buffer of {@link #BUFFER_SIZE} bytes callers may fill and pass to {@link #writeFile}. */
    public byte[] buffer() {
        return heap;
    }

    /**
     * Writes a regular file whose whole content is {@code b[0..len)} ({@code len <= BUFFER_SIZE}).
     *
     * @param perms permission bits ({@code 07777}); {@code S_IFREG} is added
     * @return the content object's checksum
     */
    @Override
    public String writeFile(int uid, int gid, int perms, Xattrs xattrs, byte[] b, int len) throws GLibException {
        ensureOpen();
        if (len > BUFFER_SIZE) {
            throw new IllegalArgumentException("inline file larger than the buffer: " + len);
        }
        MemorySegment.copy(b, 0, data, JAVA_BYTE, 0, len);
        MemorySegment csum = LibOstree.ostree_repo_write_regfile_inline(repo, MemorySegment.NULL, uid, gid,
                S_IFREG | (perms & 07777), xattrVariant(xattrs), data, len, MemorySegment.NULL, error);
        return take(csum, "writing a file object");
    }

    /**
     * Writes a regular file of {@code size} bytes read from {@code source} in buffer-sized chunks; memory use
     * does not depend on the size.
     */
    @Override
    public String writeFile(int uid, int gid, int perms, Xattrs xattrs, long size, Source source)
            throws IOException, GLibException {
        ensureOpen();
        if (size <= BUFFER_SIZE) {
            int off = 0;
            while (off < size) {
                int n = source.read(heap, off, (int) size - off);
                if (n < 0) {
                    throw new java.io.EOFException("file content ended after " + off + " of " + size + " bytes");
                }
                off += n;
            }
            return writeFile(uid, gid, perms, xattrs, heap, (int) size);
        }
        MemorySegment writer = LibOstree.ostree_repo_write_regfile(repo, MemorySegment.NULL, uid, gid,
                S_IFREG | (perms & 07777), size, xattrVariant(xattrs), error);
        GErrors.checkPointer(writer, error, "starting a file object of " + size + " bytes");
        try {
            long left = size;
            while (left > 0) {
                int n = source.read(heap, 0, (int) Math.min(BUFFER_SIZE, left));
                if (n < 0) {
                    throw new java.io.EOFException("file content ended " + left + " bytes short of " + size);
                }
                MemorySegment.copy(heap, 0, data, JAVA_BYTE, 0, n);
                GErrors.check(GStreams.writeAll(writer, data, n, error), error, "writing file object content");
                left -= n;
            }
            return take(LibOstree.ostree_content_writer_finish(writer, MemorySegment.NULL, error),
                    "finishing a file object");
        } finally {
            GObjects.unref(writer);
        }
    }

    /** Writes a symlink object (libostree stores mode {@code 0777}). */
    @Override
    public String writeSymlink(int uid, int gid, Xattrs xattrs, String target) throws GLibException {
        ensureOpen();
        MemorySegment t = cString(target);
        return take(LibOstree.ostree_repo_write_symlink(repo, MemorySegment.NULL, uid, gid, xattrVariant(xattrs), t,
                MemorySegment.NULL, error), "writing a symlink object");
    }

    /** Writes a dirmeta object and returns its checksum (libostree verifies it against ours). */
    @Override
    public String writeDirMeta(DirMeta meta) throws GLibException {
        byte[] bytes = meta.serialize();
        return writeMetadata(OBJECT_DIR_META, metaType, bytes, Checksums.sha256Hex(bytes), "dirmeta");
    }

    /** Writes a dirtree object and returns its checksum (libostree verifies it against ours). */
    @Override
    public String writeDirTree(DirTree tree) throws GLibException {
        byte[] bytes = tree.serialize();
        return writeMetadata(OBJECT_DIR_TREE, treeType, bytes, Checksums.sha256Hex(bytes), "dirtree");
    }

    private String writeMetadata(int type, MemorySegment typeString, byte[] bytes, String checksum, String what)
            throws GLibException {
        ensureOpen();
        MemorySegment variant = Variants.fromBytes(typeString, bytes);
        try {
            MemorySegment expected = cString(checksum);
            GErrors.check(LibOstree.ostree_repo_write_metadata(repo, type, expected, variant, MemorySegment.NULL,
                    MemorySegment.NULL, error), error, "writing " + what + " object " + checksum);
        } finally {
            Variants.unref(variant);
        }
        return checksum;
    }

    private MemorySegment xattrVariant(Xattrs xattrs) {
        if (xattrs.isEmpty()) {
            return MemorySegment.NULL;
        }
        MemorySegment v = xattrVariants.get(xattrs);
        if (v == null) {
            try (Arena a = Arena.ofConfined()) {
                v = Variants.fromBytes(a.allocateFrom("a(ayay)"), xattrs.serialize());
            }
            xattrVariants.put(xattrs, v);
        }
        return v;
    }

    private MemorySegment cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (scratch.byteSize() < b.length + 1L) {
            scratch = arena.allocate(Math.max(b.length + 1L, scratch.byteSize() * 2));
        }
        MemorySegment.copy(b, 0, scratch, JAVA_BYTE, 0, b.length);
        scratch.set(JAVA_BYTE, b.length, (byte) 0);
        return scratch;
    }

    private String take(MemorySegment csum, String operation) throws GLibException {
        GErrors.checkPointer(csum, error, operation);
        return GStrings.take(csum);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("object writer is closed");
        }
        transaction.ensureActive();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            xattrVariants.values().forEach(Variants::unref);
            xattrVariants.clear();
            arena.close();
        }
    }
}
