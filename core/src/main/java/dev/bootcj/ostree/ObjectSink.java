package dev.bootcj.ostree;

import dev.bootcj.NativeException;
import java.io.IOException;

/**
 * Where an import writes its objects: either libostree ({@link ObjectWriter}) or our own loose-object writer
 * ({@link LooseObjectStore.Writer}). Both produce the same objects with the same checksums. An instance belongs
 * to the thread that made it. A failed write is a {@link NativeException} (a GError or an errno).
 */
public interface ObjectSink extends AutoCloseable {
    /** Files up to this size may be passed whole to {@link #writeFile(int, int, int, Xattrs, byte[], int)}. */
    int BUFFER_SIZE = 128 * 1024;

    /** Reads file content into {@code b}; like {@link java.io.InputStream#read(byte[], int, int)}. */
    @FunctionalInterface
    interface Source {
        int read(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Writes a regular file whose whole content is {@code b[0..len)} ({@code len <= BUFFER_SIZE}).
     *
     * @param perms permission bits ({@code 07777}); {@code S_IFREG} is added
     * @return the content object's checksum
     */
    String writeFile(int uid, int gid, int perms, Xattrs xattrs, byte[] b, int len) throws IOException, NativeException;

    /** Writes a regular file of {@code size} bytes read from {@code source}; memory does not grow with size. */
    String writeFile(int uid, int gid, int perms, Xattrs xattrs, long size, Source source) throws IOException, NativeException;

    /** Writes a symlink object (stored with mode {@code 0777}). */
    String writeSymlink(int uid, int gid, Xattrs xattrs, String target) throws IOException, NativeException;

    /** Writes a dirmeta object and returns its checksum. */
    String writeDirMeta(DirMeta meta) throws IOException, NativeException;

    /** Writes a dirtree object and returns its checksum. */
    String writeDirTree(DirTree tree) throws IOException, NativeException;

    @Override
    void close();
}
