package dev.bootcj.ostree;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The subset of GVariant normal-form serialization ostree's dirtree, dirmeta and xattrs objects need (all
 * members alignment 1 or 4; see the reference, section 5.2): framing offsets and arrays of variable-size
 * elements. Package-private.
 */
final class GVariantBytes {
    private GVariantBytes() {
    }

    /** Width of framing offsets for a container of {@code body} bytes holding {@code n} offsets. */
    static int offsetWidth(long body, int n) {
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

    /** Width of framing offsets when reading a container of {@code size} bytes in total. */
    static int offsetSize(long size) {
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

    static long readOffset(byte[] data, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (data[at + i] & 0xff);
        }
        return v;
    }

    static void writeOffset(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** A tuple body followed by its framing offsets (already in the order to write them). */
    static byte[] withOffsets(byte[] body, long[] offsets) {
        int w = offsetWidth(body.length, offsets.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + offsets.length * w);
        out.writeBytes(body);
        for (long o : offsets) {
            writeOffset(out, o, w);
        }
        return out.toByteArray();
    }

    /** Builds an array of variable-size, alignment-1 elements. */
    static final class ArrayBuilder {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<Long> ends = new ArrayList<>();

        void add(byte[] element) {
            body.writeBytes(element);
            ends.add((long) body.size());
        }

        byte[] finish() {
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

    /** Splits an array of variable-size, alignment-1 elements. */
    static List<byte[]> variableArray(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        if (data.length == 0) {
            return out;
        }
        int w = offsetSize(data.length);
        long tableStart = readOffset(data, data.length - w, w);
        if (tableStart > data.length || (data.length - tableStart) % w != 0) {
            throw new IllegalArgumentException("malformed GVariant array framing");
        }
        int n = (int) ((data.length - tableStart) / w);
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) readOffset(data, (int) tableStart + i * w, w);
            if (end < start || end > tableStart) {
                throw new IllegalArgumentException("malformed GVariant array element offset");
            }
            out.add(Arrays.copyOfRange(data, start, end));
            start = end;
        }
        return out;
    }
}
