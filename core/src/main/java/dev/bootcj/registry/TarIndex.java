package dev.bootcj.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table of contents of an uncompressed tar archive (ustar, GNU long names, pax {@code path}/{@code linkpath}/
 * {@code size}), so archive transports read member files in place without extracting the archive.
 */
final class TarIndex {
    private static final int BLOCK = 512;

    /**
     * A member.
     *
     * @param name normalised path (no leading {@code ./} or {@code /})
     * @param type the typeflag
     * @param dataOffset where its data starts in the archive
     * @param size its data size
     * @param linkName the link target for links, else empty
     */
    record Entry(String name, char type, long dataOffset, long size, String linkName) {
    }

    private final Path archive;
    private final Map<String, Entry> entries;

    private TarIndex(Path archive, Map<String, Entry> entries) {
        this.archive = archive;
        this.entries = entries;
    }

    static TarIndex read(Path archive) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.READ)) {
            long pos = 0;
            long length = ch.size();
            String longName = null;
            String longLink = null;
            Map<String, String> pax = Map.of();
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (pos + BLOCK <= length) {
                header.clear();
                readFully(ch, header, pos);
                byte[] h = header.array();
                if (isZero(h)) {
                    break;
                }
                if (!checksumOk(h)) {
                    throw new IOException(archive + " is not a tar archive (bad header checksum at byte " + pos + ")");
                }
                char type = (char) h[156];
                long size = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : number(h, 124, 12);
                long data = pos + BLOCK;
                long next = data + (size + BLOCK - 1) / BLOCK * BLOCK;
                switch (type) {
                    case 'L' -> longName = cString(readData(ch, data, size));
                    case 'K' -> longLink = cString(readData(ch, data, size));
                    case 'x' -> pax = parsePax(readData(ch, data, size));
                    case 'g' -> { }
                    default -> {
                        String name = longName != null ? longName : pax.getOrDefault("path", ustarName(h));
                        String link = longLink != null ? longLink : pax.getOrDefault("linkpath", field(h, 157, 100));
                        String n = normalise(name);
                        if (!n.isEmpty()) {
                            entries.put(n, new Entry(n, type == 0 ? '0' : type, data, size, link));
                        }
                        longName = null;
                        longLink = null;
                        pax = Map.of();
                    }
                }
                pos = next;
            }
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
                case '0', '7' -> {
                    return Optional.of(e);
                }
                case '1' -> p = normalise(e.linkName());
                case '2' -> {
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

    private static void readFully(SeekableByteChannel ch, ByteBuffer b, long pos) throws IOException {
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("unexpected end of tar archive");
            }
        }
    }

    private static byte[] readData(FileChannel ch, long pos, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar extended header of " + size + " bytes is too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        readFully(ch, b, pos);
        return b.array();
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumOk(byte[] h) {
        long stored;
        try {
            stored = number(h, 148, 8);
        } catch (IOException e) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        return sum == stored;
    }

    private static long number(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            long v = 0;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = field(h, off, len).strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("invalid octal number '" + s + "' in tar header");
        }
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String ustarName(byte[] h) {
        String name = field(h, 0, 100);
        String magic = field(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parsePax(byte[] data) throws IOException {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("invalid pax header record");
            }
            if (len <= 0 || i + len > data.length) {
                throw new IOException("invalid pax header record length " + len);
            }
            String rec = new String(data, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0) {
                out.put(rec.substring(0, eq), rec.substring(eq + 1));
            }
            i += len;
        }
        return out;
    }
}
