package dev.bootcj.registry;

import dev.bootcj.tar.TarEntry;
import dev.bootcj.tar.TarFormatException;
import dev.bootcj.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table of contents of an uncompressed tar archive, so archive transports read member files in place without
 * extracting the archive. Headers are read by the {@code tar} package's {@link TarReader} (ustar, GNU long names,
 * PAX), which also says where each member's content starts.
 */
final class TarIndex {
    /**
     * A member.
     *
     * @param name normalised path (no leading {@code ./} or {@code /})
     * @param type what it is
     * @param dataOffset where its data starts in the archive
     * @param size its data size (0 for all but regular files)
     * @param linkName the link target for links, else empty
     */
    record Entry(String name, TarEntry.Type type, long dataOffset, long size, String linkName) {
    }

    private final Path archive;
    private final Map<String, Entry> entries;

    private TarIndex(Path archive, Map<String, Entry> entries) {
        this.archive = archive;
        this.entries = entries;
    }

    static TarIndex read(Path archive) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        // A small buffer: member content beyond it is skipped by seeking, not read.
        try (TarReader tar = new TarReader(Channels.newInputStream(FileChannel.open(archive, StandardOpenOption.READ)),
                8192)) {
            for (TarEntry e; (e = tar.next()) != null; ) {
                String n = normalise(e.path());
                if (!n.isEmpty()) {
                    entries.put(n, new Entry(n, e.type(), tar.position(), e.size(), e.linkName()));
                }
            }
        } catch (TarFormatException e) {
            throw new IOException(archive + " is not a readable tar archive: " + e.getMessage(), e);
        }
        return new TarIndex(archive, entries);
    }

    /** The regular file at {@code path}, following symbolic and hard links. */
    Optional<Entry> find(String path) {
        String p = normalise(path);
        for (int hops = 0; hops < 16; hops++) {
            Entry e = entries.get(p);
            if (e == null) {
                return Optional.empty();
            }
            switch (e.type()) {
                case REGULAR -> {
                    return Optional.of(e);
                }
                case HARDLINK -> p = normalise(e.linkName());
                case SYMLINK -> {
                    String link = e.linkName();
                    int slash = p.lastIndexOf('/');
                    String dir = slash < 0 ? "" : p.substring(0, slash + 1);
                    p = link.startsWith("/") ? normalise(link) : resolveDots(dir + link);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The data of {@code e} from {@code offset}. */
    InputStream open(Entry e, long offset) throws IOException {
        FileChannel ch = FileChannel.open(archive, StandardOpenOption.READ);
        ch.position(e.dataOffset() + Math.min(offset, e.size()));
        long remaining = e.size() - Math.min(offset, e.size());
        InputStream raw = Channels.newInputStream(ch);
        return new java.io.FilterInputStream(raw) {
            private long left = remaining;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = super.skip(Math.min(n, left));
                left -= s;
                return s;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, left);
            }
        };
    }

    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }

    private static String resolveDots(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }
}
