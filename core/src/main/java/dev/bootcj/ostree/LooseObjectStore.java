package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.bootcj.ErrnoException;
import dev.bootcj.Threads;
import dev.bootcj.glib.GVariantCodec;
import dev.bootcj.sys.FileCalls;
import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes loose objects of a {@code bare} or {@code bare-user} repository ourselves (tier 2 of the reference,
 * section 6.2): checksums computed in Java ({@link #fileHeader}), each file created with {@code O_TMPFILE},
 * given its owner, mode, xattrs and mtime 0 exactly as libostree 2022.7 does
 * ({@code commit_loose_regfile_object}), then linked straight into {@code objects/xx/} (no staging directory,
 * no rename pass, no per-object fsync). Durability comes from one {@link #sync()} ({@code syncfs}) that the
 * caller runs before any ref may point at the objects.
 *
 * <p>Open it inside a {@link RepoTransaction}: libostree's transaction holds the repository's shared lock, so a
 * concurrent prune (exclusive lock) cannot delete objects that are written but not referenced yet. Objects of
 * an import that fails stay in {@code objects/} unreferenced, for {@code prune}; no ref ever points at them.
 *
 * <p>The store is thread-safe; each thread writes through its own {@link Writer}.
 */
public final class LooseObjectStore implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final byte[] OSTREEMETA = "user.ostreemeta".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger TEMP_NAMES = new AtomicInteger();
    /** Files from this size on (most of the bytes of a rootfs) start their writeback as soon as they are written (see {@link #sync()}). */
    private static final int EARLY_WRITEBACK = 1024 * 1024;
    /** Written bytes between background flushes of the repository's filesystem (see {@link #wrote(long)}). */
    private static final long BACKGROUND_FLUSH = 128L << 20;

    private final RepoMode mode;
    private final String description;
    private final int objectsFd;
    private final int tmpFd;
    private final AtomicIntegerArray subdirs = new AtomicIntegerArray(256);
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final AtomicLong contentTotal = new AtomicLong();
    private final AtomicLong contentWritten = new AtomicLong();
    private final AtomicLong contentBytes = new AtomicLong();
    private final AtomicLong metadataTotal = new AtomicLong();
    private final AtomicLong metadataWritten = new AtomicLong();
    private volatile boolean closed;
    /** Bytes written since the last background flush started (see {@link #wrote(long)}). */
    private final AtomicLong unflushed = new AtomicLong();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicInteger flushes = new AtomicInteger();
    private volatile Thread flusher;
    private volatile ErrnoException flushFailure;

    private LooseObjectStore(RepoMode mode, String description, int objectsFd, int tmpFd) {
        this.mode = mode;
        this.description = description;
        this.objectsFd = objectsFd;
        this.tmpFd = tmpFd;
        for (int i = 0; i < 256; i++) {
            subdirs.set(i, -1);
        }
    }

    /** Whether repositories of {@code mode} can be written by this class. */
    public static boolean supports(RepoMode mode) {
        return mode == RepoMode.BARE || mode == RepoMode.BARE_USER;
    }

    /** Opens the store of the transaction's repository (which must be {@code bare} or {@code bare-user}). */
    public static LooseObjectStore open(RepoTransaction tx) throws IOException, ErrnoException {
        tx.ensureActive();
        OstreeRepo repo = tx.repo();
        RepoMode mode = repo.mode();
        if (!supports(mode)) {
            throw new IllegalArgumentException("loose objects of " + mode.configName() + " repositories are "
                    + "written by libostree");
        }
        int repoFd = LibOstree.ostree_repo_get_dfd(repo.pointer());
        try (FileCalls calls = new FileCalls()) {
            int objects = calls.openDirectory(repoFd, "objects");
            try {
                return new LooseObjectStore(mode, repo.toString(), objects, calls.openDirectory(repoFd, "tmp"));
            } catch (ErrnoException e) {
                calls.closeQuietly(objects);
                throw e;
            }
        }
    }

    /** A writer for the calling thread. */
    public Writer newWriter() {
        ensureOpen();
        return new Writer();
    }

    /**
     * Makes every object written so far durable ({@code syncfs} of the repository's filesystem: file data,
     * inodes, xattrs and the new directory entries). Call after the last write, before setting a ref. Writers
     * start the writeback of larger files as they go ({@code sync_file_range}), so the disk works while the
     * layer is still being parsed and this call mostly waits for what is left.
     */
    public void sync() throws IOException, ErrnoException {
        ensureOpen();
        awaitFlush();
        try (FileCalls calls = new FileCalls()) {
            calls.syncfs(objectsFd, description + " objects");
        }
    }

    /**
     * Counts {@code n} written bytes; every {@link #BACKGROUND_FLUSH} bytes, starts a {@code syncfs} on a daemon
     * thread (unless one is running), so that the disk writes small files, inodes and directories while the layer
     * is still being parsed instead of all of it in the final {@link #sync()}. Not a durability point: a failure
     * is kept and thrown by {@link #sync()} (the kernel reports a writeback error to one syncfs caller only).
     */
    private void wrote(long n) {
        if (unflushed.addAndGet(n) < BACKGROUND_FLUSH || !flushing.compareAndSet(false, true)) {
            return;
        }
        unflushed.set(0);
        flushes.incrementAndGet();
        flusher = Thread.ofPlatform().daemon().name("repo-writeback").start(() -> {
            try (FileCalls calls = new FileCalls()) {
                calls.syncfs(objectsFd, description + " objects");
            } catch (ErrnoException e) {
                flushFailure = e;
            } finally {
                flushing.set(false);
            }
        });
    }

    /** How many background flushes were started (for tests). */
    int backgroundFlushes() {
        return flushes.get();
    }

    private void awaitFlush() throws ErrnoException {
        Thread t = flusher;
        if (t != null) {
            Threads.joinUninterruptibly(t);
        }
        if (flushFailure != null) {
            throw flushFailure;
        }
    }

    /** What was written through this store, as transaction statistics. */
    public RepoTransaction.Stats stats() {
        return new RepoTransaction.Stats((int) metadataTotal.get(), (int) metadataWritten.get(),
                (int) contentTotal.get(), (int) contentWritten.get(), contentBytes.get());
    }

    /**
     * The content object header {@code (uuuusa(ayay))} (uid, gid, mode, rdev 0, symlink target, xattrs; the
     * integers big-endian) whose length-prefixed form starts the checksummed stream of a content object.
     */
    public static byte[] fileHeader(int uid, int gid, int mode, String symlinkTarget, Xattrs xattrs) {
        byte[] target = symlinkTarget.getBytes(StandardCharsets.UTF_8);
        byte[] x = xattrs.serialized();
        int body = 16 + target.length + 1 + x.length;
        int w = GVariantCodec.offsetWidth(body, 1);
        byte[] h = new byte[body + w];
        be32(h, 0, uid);
        be32(h, 4, gid);
        be32(h, 8, mode);
        System.arraycopy(target, 0, h, 16, target.length);
        System.arraycopy(x, 0, h, 16 + target.length + 1, x.length);
        long end = 16 + target.length + 1;
        for (int i = 0; i < w; i++) {
            h[body + i] = (byte) (end >>> (8 * i));
        }
        return h;
    }

    /** The checksum of a content object: SHA-256 over {@code BE32(len) 0000 header content}. */
    public static String contentChecksum(byte[] header, byte[] content, int len) {
        MessageDigest sha = Checksums.sha256();
        startContent(sha, header);
        sha.update(content, 0, len);
        return HEX.formatHex(sha.digest());
    }

    private static void startContent(MessageDigest sha, byte[] header) {
        byte[] prefix = new byte[8];
        be32(prefix, 0, header.length);
        sha.update(prefix);
        sha.update(header);
    }

    private static void be32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** {@code (uuua(ayay))} with big-endian integers: bare-user's {@code user.ostreemeta}, and dirmeta. */
    private static byte[] bareUserMeta(int uid, int gid, int mode, Xattrs xattrs) {
        byte[] x = xattrs.serialized();
        byte[] m = new byte[12 + x.length];
        be32(m, 0, uid);
        be32(m, 4, gid);
        be32(m, 8, mode);
        System.arraycopy(x, 0, m, 12, x.length);
        return m;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("loose object store of " + description + " is closed");
        }
    }

    /** The fd of {@code objects/xx} for a checksum, creating the directory on first use. */
    private int subdir(FileCalls calls, String checksum) throws IOException, ErrnoException {
        int index = Integer.parseInt(checksum, 0, 2, 16);
        int fd = subdirs.get(index);
        if (fd >= 0) {
            return fd;
        }
        synchronized (subdirs) {
            fd = subdirs.get(index);
            if (fd < 0) {
                String name = checksum.substring(0, 2);
                calls.mkdir(objectsFd, name, 0777, description + " objects/" + name);
                fd = calls.openDirectory(objectsFd, name);
                subdirs.set(index, fd);
            }
            return fd;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            awaitFlush();
        } catch (ErrnoException e) {
            // reported by sync(), if anyone still calls it; closing must not fail
        }
        try (FileCalls calls = new FileCalls()) {
            for (int i = 0; i < 256; i++) {
                calls.closeQuietly(subdirs.get(i));
            }
            calls.closeQuietly(objectsFd);
            calls.closeQuietly(tmpFd);
        }
    }

    /** Writes objects from one thread. Native buffers are allocated once per writer. */
    public final class Writer implements ObjectSink {
        private final FileCalls calls = new FileCalls();
        private final Arena arena = Arena.ofConfined();
        private final MemorySegment data = arena.allocate(BUFFER_SIZE, 16);
        private final byte[] heap = new byte[BUFFER_SIZE];
        private final MessageDigest sha = Checksums.sha256();
        private boolean writerClosed;

        private Writer() {
        }

        @Override
        public String writeFile(int uid, int gid, int perms, Xattrs xattrs, byte[] b, int len) throws IOException, ErrnoException {
            ensureUsable();
            if (len > BUFFER_SIZE) {
                throw new IllegalArgumentException("inline file larger than the buffer: " + len);
            }
            int fileMode = S_IFREG | (perms & 07777);
            startContent(sha, fileHeader(uid, gid, fileMode, "", xattrs));
            sha.update(b, 0, len);
            String checksum = HEX.formatHex(sha.digest());
            contentTotal.incrementAndGet();
            if (!claim(checksum, ".file")) {
                return checksum;
            }
            int fd = calls.openTmpfile(tmpFd, 0644, what(checksum));
            try {
                MemorySegment.copy(b, 0, data, JAVA_BYTE, 0, len);
                calls.writeFully(fd, data, len, what(checksum));
                if (len >= EARLY_WRITEBACK) {
                    calls.startWriteback(fd, what(checksum));
                }
                finishContent(fd, checksum, uid, gid, fileMode, xattrs);
                link(fd, checksum, ".file");
            } finally {
                calls.closeQuietly(fd);
            }
            contentWritten.incrementAndGet();
            contentBytes.addAndGet(len);
            wrote(len);
            return checksum;
        }

        @Override
        public String writeFile(int uid, int gid, int perms, Xattrs xattrs, long size, Source source)
                throws IOException, ErrnoException {
            ensureUsable();
            if (size <= BUFFER_SIZE) {
                int off = 0;
                while (off < size) {
                    int n = source.read(heap, off, (int) size - off);
                    if (n < 0) {
                        throw new EOFException("file content ended after " + off + " of " + size + " bytes");
                    }
                    off += n;
                }
                return writeFile(uid, gid, perms, xattrs, heap, (int) size);
            }
            int fileMode = S_IFREG | (perms & 07777);
            startContent(sha, fileHeader(uid, gid, fileMode, "", xattrs));
            contentTotal.incrementAndGet();
            String what = "a file of " + size + " bytes";
            int fd = calls.openTmpfile(tmpFd, 0644, what);
            try {
                long left = size;
                while (left > 0) {
                    int n = source.read(heap, 0, (int) Math.min(BUFFER_SIZE, left));
                    if (n < 0) {
                        throw new EOFException("file content ended " + left + " bytes short of " + size);
                    }
                    sha.update(heap, 0, n);
                    MemorySegment.copy(heap, 0, data, JAVA_BYTE, 0, n);
                    calls.writeFully(fd, data, n, what);
                    left -= n;
                }
                String checksum = HEX.formatHex(sha.digest());
                if (claim(checksum, ".file")) {
                    if (size >= EARLY_WRITEBACK) {
                        calls.startWriteback(fd, what(checksum));
                    }
                    finishContent(fd, checksum, uid, gid, fileMode, xattrs);
                    if (link(fd, checksum, ".file")) {
                        contentWritten.incrementAndGet();
                        contentBytes.addAndGet(size);
                        wrote(size);
                    }
                }
                return checksum;
            } finally {
                sha.reset();
                calls.closeQuietly(fd);
            }
        }

        @Override
        public String writeSymlink(int uid, int gid, Xattrs xattrs, String target) throws IOException, ErrnoException {
            ensureUsable();
            int linkMode = S_IFLNK | 0777;
            startContent(sha, fileHeader(uid, gid, linkMode, target, xattrs));
            String checksum = HEX.formatHex(sha.digest());
            contentTotal.incrementAndGet();
            if (!claim(checksum, ".file")) {
                return checksum;
            }
            if (mode == RepoMode.BARE_USER) {
                // bare-user keeps a symlink as a regular file holding the target and its NUL
                byte[] t = target.getBytes(StandardCharsets.UTF_8);
                int fd = calls.openTmpfile(tmpFd, 0644, what(checksum));
                try {
                    MemorySegment content = t.length + 1 <= data.byteSize() ? data : arena.allocate(t.length + 1L);
                    MemorySegment.copy(t, 0, content, JAVA_BYTE, 0, t.length);
                    content.set(JAVA_BYTE, t.length, (byte) 0);
                    calls.writeFully(fd, content, t.length + 1L, what(checksum));
                    calls.fchmod(fd, 0644, what(checksum));
                    finishContent(fd, checksum, uid, gid, linkMode, xattrs);
                    link(fd, checksum, ".file");
                } finally {
                    calls.closeQuietly(fd);
                }
            } else {
                String temp = "bootcj-symlink-" + ProcessHandle.current().pid() + "-"
                        + TEMP_NAMES.incrementAndGet();
                calls.symlink(target, tmpFd, temp, what(checksum));
                boolean placed = false;
                try {
                    calls.lchown(tmpFd, temp, uid, gid, what(checksum));
                    for (Xattrs.Entry e : xattrs.entries()) {
                        calls.lsetxattr(tmpFd, temp, e.name(), e.value(), what(checksum));
                    }
                    int dir = subdir(calls, checksum);
                    calls.rename(tmpFd, temp, dir, checksum.substring(2) + ".file", what(checksum));
                    placed = true;
                } finally {
                    if (!placed) {
                        calls.unlink(tmpFd, temp);
                    }
                }
            }
            contentWritten.incrementAndGet();
            return checksum;
        }

        @Override
        public String writeDirMeta(DirMeta meta) throws IOException, ErrnoException {
            return writeMetadata(meta.serialize(), ".dirmeta");
        }

        @Override
        public String writeDirTree(DirTree tree) throws IOException, ErrnoException {
            return writeMetadata(tree.serialize(), ".dirtree");
        }

        private String writeMetadata(byte[] bytes, String suffix) throws IOException, ErrnoException {
            ensureUsable();
            String checksum = Checksums.sha256Hex(bytes);
            metadataTotal.incrementAndGet();
            if (!claim(checksum, suffix)) {
                return checksum;
            }
            int fd = calls.openTmpfile(tmpFd, 0644, checksum);
            try {
                MemorySegment content = bytes.length <= data.byteSize() ? data : arena.allocate(bytes.length);
                MemorySegment.copy(bytes, 0, content, JAVA_BYTE, 0, bytes.length);
                calls.writeFully(fd, content, bytes.length, checksum);
                calls.fchmod(fd, 0644, checksum);
                link(fd, checksum, suffix);
            } finally {
                calls.closeQuietly(fd);
            }
            metadataWritten.incrementAndGet();
            return checksum;
        }

        /** Owner, mode, xattrs and mtime of a content object, by repository mode (as libostree sets them). */
        private void finishContent(int fd, String checksum, int uid, int gid, int objectMode, Xattrs xattrs)
                throws IOException, ErrnoException {
            if (mode == RepoMode.BARE) {
                calls.fchown(fd, uid, gid, what(checksum));
                calls.fchmod(fd, objectMode, what(checksum));
                for (Xattrs.Entry e : xattrs.entries()) {
                    calls.fsetxattr(fd, e.name(), e.value(), what(checksum));
                }
            } else {
                calls.fsetxattr(fd, OSTREEMETA, bareUserMeta(uid, gid, objectMode, xattrs), what(checksum));
                if ((objectMode & 0170000) == S_IFREG) {
                    calls.fchmod(fd, (objectMode & (S_IFREG | 0775)) | 0400, what(checksum));
                }
            }
            calls.zeroMtime(fd, what(checksum));
        }

        /** Whether this import still has to write the object (not written before, not in the repository). */
        private boolean claim(String checksum, String suffix) throws IOException, ErrnoException {
            if (!known.add(checksum + suffix)) {
                return false;
            }
            return !calls.exists(subdir(calls, checksum), checksum.substring(2) + suffix);
        }

        private boolean link(int fd, String checksum, String suffix) throws IOException, ErrnoException {
            return calls.linkTmpfile(fd, subdir(calls, checksum), checksum.substring(2) + suffix,
                    checksum);
        }

        /** How a failing call names the object: its checksum (the exception says which call and why). */
        private String what(String object) {
            return object;
        }

        private void ensureUsable() {
            if (writerClosed) {
                throw new IllegalStateException("loose object writer is closed");
            }
            ensureOpen();
        }

        @Override
        public void close() {
            if (!writerClosed) {
                writerClosed = true;
                calls.close();
                arena.close();
            }
        }
    }
}
