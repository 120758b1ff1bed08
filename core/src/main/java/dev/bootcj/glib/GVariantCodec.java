package dev.bootcj.glib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GVariant's normal-form serialization in plain Java, for the shapes ostree keeps on disk. Framing follows the
 * GVariant specification: a container's framing offsets are little-endian words at its end, as wide as the
 * container's size needs (1 byte up to 255 bytes, then 2, 4, 8); a tuple stores the end of each variable-size
 * member but the last, in reverse order; an array of variable-size elements stores the end of every element, in
 * order.
 *
 * <p>Writing and splitting serve the {@code ostree} package's dirtree, dirmeta and xattrs objects (all members of
 * alignment 1 or 4). Decoding serves {@code bootc status}, which reads the sysroot's files without libostree: the
 * {@code a{sv}} metadata of a commit {@code (a{sv}aya(say)sstayay)}, detached metadata and the staged deployment
 * record (both {@code a{sv}}). Values decode to {@code String} ({@code s}, {@code o}, {@code g}), {@code
 * Map<String, Object>} ({@code a{sv}}), {@code List<String>} ({@code as}); a {@code v} inside a {@code v} is
 * unwrapped; values of any other type are skipped (absent from the map), as status never needs them. Only
 * normal-form data is accepted: anything else is {@link Malformed}, never a guess.
 *
 * <p>Pure Java with no native code: loading it does not load GLib (status keeps starting without the native layer,
 * see {@code StatusClassLoadingTest}). GLib's own API over FFM is {@link Variants}.
 */
public final class GVariantCodec {
    private GVariantCodec() {
    }

    /**
     * Serialized data that is not a normal-form GVariant of the expected type. Unchecked: the {@code ostree}
     * package splits objects libostree already validated; the status reader, which reads files from disk, catches
     * it where it reads them.
     */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The metadata dictionary (first member) of a serialized ostree commit {@code (a{sv}aya(say)sstayay)}. */
    public static Map<String, Object> commitMetadata(byte[] commit) {
        int size = commit.length;
        // Six variable-size members precede the last one; their ends are stored at the end, the first one's last.
        int w = offsetSize(size);
        if (size < 6 * w + 8 + 2) { // two empty strings (NUL each) and the 8-byte timestamp at least
            throw new Malformed("too short for a commit (" + size + " bytes)");
        }
        int metadataEnd = offset(commit, size - w, w);
        if (metadataEnd > size - 6 * w) {
            throw new Malformed("metadata end " + metadataEnd + " beyond the commit's " + size + " bytes");
        }
        return vardict(commit, 0, metadataEnd);
    }

    /** A whole serialized {@code a{sv}} (detached metadata, the staged deployment record). */
    public static Map<String, Object> vardict(byte[] data) {
        return vardict(data, 0, data.length);
    }

    /** The {@code a{sv}} serialized in {@code data[start, end)}; later duplicates of a key win. */
    private static Map<String, Object> vardict(byte[] data, int start, int end) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int[] element : variableElements(data, start, end, 8)) {
            dictEntry(data, element[0], element[1], out);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void dictEntry(byte[] data, int start, int end, Map<String, Object> out) {
        int size = end - start;
        int w = offsetSize(size);
        if (size < w + 1) {
            throw new Malformed("dictionary entry of " + size + " bytes");
        }
        int keyEnd = start + offset(data, end - w, w);
        int valueStart = align(start, keyEnd, 8);
        if (valueStart > end - w) {
            throw new Malformed("dictionary entry key ends at " + (keyEnd - start) + ", beyond its " + size + " bytes");
        }
        String key = string(data, start, keyEnd);
        Object value = variant(data, valueStart, end - w);
        if (value != null) {
            out.put(key, value);
        }
    }

    /** A {@code v}: the value, a NUL, then the value's type string. Null for types status does not read. */
    private static Object variant(byte[] data, int start, int end) {
        int nul = end - 1;
        while (nul >= start && data[nul] != 0) {
            nul--;
        }
        if (nul < start) {
            throw new Malformed("variant without a type string at offset " + start);
        }
        String type = new String(data, nul + 1, end - nul - 1, StandardCharsets.US_ASCII);
        return switch (type) {
            case "s", "o", "g" -> string(data, start, nul);
            case "v" -> variant(data, start, nul);
            case "a{sv}" -> vardict(data, start, nul);
            case "as" -> strings(data, start, nul);
            default -> {
                if (type.isEmpty()) {
                    throw new Malformed("variant with an empty type string at offset " + start);
                }
                yield null;
            }
        };
    }

    private static List<String> strings(byte[] data, int start, int end) {
        List<String> out = new ArrayList<>();
        for (int[] element : variableElements(data, start, end, 1)) {
            out.add(string(data, element[0], element[1]));
        }
        return Collections.unmodifiableList(out);
    }

    /** A serialized string: UTF-8 bytes and one terminating NUL, none inside. */
    private static String string(byte[] data, int start, int end) {
        if (end <= start || data[end - 1] != 0) {
            throw new Malformed("string without its terminating NUL at offset " + start);
        }
        for (int i = start; i < end - 1; i++) {
            if (data[i] == 0) {
                throw new Malformed("string with an embedded NUL at offset " + i);
            }
        }
        return new String(data, start, end - 1 - start, StandardCharsets.UTF_8);
    }

    /**
     * The {@code [start, end)} ranges of the elements of an array of variable-size elements serialized in
     * {@code data[start, end)}, each element aligned to {@code alignment} from the array's start.
     */
    private static List<int[]> variableElements(byte[] data, int start, int end, int alignment) {
        int size = end - start;
        if (size == 0) {
            return List.of();
        }
        int w = offsetSize(size);
        int tableStart = offset(data, end - w, w);
        if (tableStart > size || (size - tableStart) % w != 0) {
            throw new Malformed("array framing offset " + tableStart + " does not fit its " + size + " bytes");
        }
        int n = (size - tableStart) / w;
        List<int[]> out = new ArrayList<>(n);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int elementStart = align(0, previous, alignment);
            int elementEnd = offset(data, start + tableStart + i * w, w);
            if (elementEnd < elementStart || elementEnd > tableStart) {
                throw new Malformed("array element " + i + " ends at " + elementEnd + ", outside [" + elementStart
                        + ", " + tableStart + "]");
            }
            out.add(new int[] {start + elementStart, start + elementEnd});
            previous = elementEnd;
        }
        return out;
    }

    /** Width of the framing offsets of a container of {@code size} bytes, when reading it. */
    public static int offsetSize(long size) {
        if (size <= 0xffL) {
            return 1;
        }
        if (size <= 0xffffL) {
            return 2;
        }
        if (size <= 0xffffffffL) {
            return 4;
        }
        return 8;
    }

    /**
     * Width of the framing offsets of a container whose {@code body} bytes are followed by {@code n} offsets, when
     * writing it: the smallest width whose range holds the body and the offsets themselves.
     */
    public static int offsetWidth(long body, int n) {
        if (n == 0) {
            return 0;
        }
        if (body + n <= 0xffL) {
            return 1;
        }
        if (body + 2L * n <= 0xffffL) {
            return 2;
        }
        if (body + 4L * n <= 0xffffffffL) {
            return 4;
        }
        return 8;
    }

    /** The little-endian framing offset of {@code width} bytes at {@code at}. */
    public static int offset(byte[] data, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (data[at + i] & 0xff);
        }
        if (v > Integer.MAX_VALUE) {
            throw new Malformed("framing offset " + Long.toUnsignedString(v) + " out of range");
        }
        return (int) v;
    }

    /** A tuple body followed by its framing offsets (already in the order to write them). */
    public static byte[] withOffsets(byte[] body, long[] offsets) {
        int w = offsetWidth(body.length, offsets.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + offsets.length * w);
        out.writeBytes(body);
        for (long o : offsets) {
            writeOffset(out, o, w);
        }
        return out.toByteArray();
    }

    private static void writeOffset(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** Builds an array of variable-size, alignment-1 elements. */
    public static final class ArrayBuilder {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<Long> ends = new ArrayList<>();

        /** Appends one serialized element. */
        public void add(byte[] element) {
            body.writeBytes(element);
            ends.add((long) body.size());
        }

        /** The serialized array. */
        public byte[] finish() {
            if (ends.isEmpty()) {
                return new byte[0];
            }
            int w = offsetWidth(body.size(), ends.size());
            for (long e : ends) {
                writeOffset(body, e, w);
            }
            return body.toByteArray();
        }
    }

    /** Splits an array of variable-size, alignment-1 elements into copies of its elements. */
    public static List<byte[]> variableArray(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        for (int[] element : variableElements(data, 0, data.length, 1)) {
            out.add(Arrays.copyOfRange(data, element[0], element[1]));
        }
        return out;
    }

    /** {@code position} rounded up to {@code alignment} counted from {@code base}. */
    private static int align(int base, int position, int alignment) {
        int relative = position - base;
        return base + ((relative + alignment - 1) & -alignment);
    }
}
