package dev.bootcj.ostree;

import dev.bootcj.glib.GVariantCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dirtree object {@code (a(say)a(sayay))}: the files of a directory (name to content checksum) and its
 * subdirectories (name to dirtree and dirmeta checksums), each sorted by name bytes as ostree requires.
 * Immutable once built; build with {@link #of}.
 *
 * @param files name to content object checksum
 * @param dirs name to subdirectory
 */
public record DirTree(SortedMap<String, String> files, SortedMap<String, Subdir> dirs) {
    /** strcmp order of the UTF-8 bytes (code point order), which ostree requires for entries. */
    public static final Comparator<String> NAME_ORDER = DirTree::compareNames;

    /** The empty dirtree ({@code 6e340b9c...}). */
    public static final DirTree EMPTY = new DirTree(new TreeMap<>(NAME_ORDER), new TreeMap<>(NAME_ORDER));

    /**
     * A subdirectory entry.
     *
     * @param tree its dirtree checksum
     * @param meta its dirmeta checksum
     */
    public record Subdir(String tree, String meta) {
    }

    /** Compares two names by their UTF-8 bytes. */
    public static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x < 0xd800 && y < 0xd800) {
                    return x - y;
                }
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return a.length() - b.length();
    }

    /** A dirtree from any maps (copied and sorted). */
    public static DirTree of(Map<String, String> files, Map<String, Subdir> dirs) {
        TreeMap<String, String> f = new TreeMap<>(NAME_ORDER);
        f.putAll(files);
        TreeMap<String, Subdir> d = new TreeMap<>(NAME_ORDER);
        d.putAll(dirs);
        return new DirTree(f, d);
    }

    /** The serialized object. */
    public byte[] serialize() {
        GVariantCodec.ArrayBuilder fileArray = new GVariantCodec.ArrayBuilder();
        for (var e : files.entrySet()) {
            ByteArrayOutputStream el = new ByteArrayOutputStream();
            el.writeBytes(e.getKey().getBytes(StandardCharsets.UTF_8));
            el.write(0);
            int nameEnd = el.size();
            el.writeBytes(Checksums.toBytes(e.getValue()));
            fileArray.add(GVariantCodec.withOffsets(el.toByteArray(), new long[] {nameEnd}));
        }
        GVariantCodec.ArrayBuilder dirArray = new GVariantCodec.ArrayBuilder();
        for (var e : dirs.entrySet()) {
            ByteArrayOutputStream el = new ByteArrayOutputStream();
            el.writeBytes(e.getKey().getBytes(StandardCharsets.UTF_8));
            el.write(0);
            int nameEnd = el.size();
            el.writeBytes(Checksums.toBytes(e.getValue().tree()));
            int treeEnd = el.size();
            el.writeBytes(Checksums.toBytes(e.getValue().meta()));
            // Non-last variable members' end offsets, last recorded first.
            dirArray.add(GVariantCodec.withOffsets(el.toByteArray(), new long[] {treeEnd, nameEnd}));
        }
        byte[] first = fileArray.finish();
        byte[] second = dirArray.finish();
        byte[] body = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, body, first.length, second.length);
        return GVariantCodec.withOffsets(body, new long[] {first.length});
    }

    /** The object's checksum. */
    public String checksum() {
        return Checksums.sha256Hex(serialize());
    }

    /** Parses a serialized dirtree. */
    public static DirTree parse(byte[] data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("empty dirtree data");
        }
        int w = GVariantCodec.offsetSize(data.length);
        int firstEnd = GVariantCodec.offset(data, data.length - w, w);
        if (firstEnd > data.length - w) {
            throw new IllegalArgumentException("malformed dirtree framing");
        }
        TreeMap<String, String> files = new TreeMap<>(NAME_ORDER);
        for (byte[] el : GVariantCodec.variableArray(Arrays.copyOfRange(data, 0, firstEnd))) {
            int ew = GVariantCodec.offsetSize(el.length);
            int nameEnd = GVariantCodec.offset(el, el.length - ew, ew);
            files.put(new String(el, 0, nameEnd - 1, StandardCharsets.UTF_8), Checksums.fromBytes(el, nameEnd));
        }
        TreeMap<String, Subdir> dirs = new TreeMap<>(NAME_ORDER);
        for (byte[] el : GVariantCodec.variableArray(Arrays.copyOfRange(data, firstEnd, data.length - w))) {
            int ew = GVariantCodec.offsetSize(el.length);
            int nameEnd = GVariantCodec.offset(el, el.length - ew, ew);
            int treeEnd = GVariantCodec.offset(el, el.length - 2 * ew, ew);
            dirs.put(new String(el, 0, nameEnd - 1, StandardCharsets.UTF_8),
                    new Subdir(Checksums.fromBytes(el, nameEnd), Checksums.fromBytes(el, treeEnd)));
        }
        return new DirTree(files, dirs);
    }
}
