package dev.bootcj.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read access to the files of a local image (an OCI layout, a skopeo {@code dir:}, or the inside of an archive)
 * by slash-separated relative path.
 */
interface LocalFiles extends Closeable {
    /** Whether {@code path} is a regular file. */
    boolean exists(String path);

    /** The size of {@code path}. */
    long size(String path) throws IOException;

    /** The bytes of {@code path} from {@code offset}. */
    InputStream open(String path, long offset) throws IOException;

    /** Reads a small file whole. */
    default byte[] readAll(String path, int limit) throws IOException {
        long size = size(path);
        if (size > limit) {
            throw new IOException(describe(path) + " is larger than " + limit + " bytes");
        }
        try (InputStream in = open(path, 0)) {
            return in.readNBytes((int) size);
        }
    }

    /** How to name {@code path} in a message. */
    String describe(String path);

    /** A plain directory. */
    static LocalFiles directory(Path root) {
        return new LocalFiles() {
            private Path resolve(String path) throws IOException {
                Path p = root.resolve(path).normalize();
                if (!p.startsWith(root.normalize())) {
                    throw new IOException("Path " + path + " escapes " + root);
                }
                return p;
            }

            @Override
            public boolean exists(String path) {
                try {
                    return Files.isRegularFile(resolve(path));
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public long size(String path) throws IOException {
                return Files.size(resolve(path));
            }

            @Override
            public InputStream open(String path, long offset) throws IOException {
                FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.READ);
                ch.position(offset);
                return Channels.newInputStream(ch);
            }

            @Override
            public String describe(String path) {
                return root.resolve(path).toString();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The regular files of a tar archive, read in place. */
    static LocalFiles tar(Path archive) throws IOException {
        TarIndex index = TarIndex.read(archive);
        return new LocalFiles() {
            @Override
            public boolean exists(String path) {
                return index.find(path).isPresent();
            }

            @Override
            public long size(String path) throws IOException {
                return entry(path).size();
            }

            @Override
            public InputStream open(String path, long offset) throws IOException {
                return index.open(entry(path), offset);
            }

            private TarIndex.Entry entry(String path) throws IOException {
                return index.find(path).orElseThrow(() -> new NoSuchFileException(describe(path)));
            }

            @Override
            public String describe(String path) {
                return archive + ":" + path;
            }

            @Override
            public void close() {
            }
        };
    }
}
