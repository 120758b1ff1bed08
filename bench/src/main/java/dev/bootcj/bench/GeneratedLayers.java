package dev.bootcj.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Generated layer tars for the benchmarks: many small files, or a few large ones (ustar, root-owned). */
final class GeneratedLayers {
    private GeneratedLayers() {
    }

    /** {@code files} regular files of {@code size} bytes spread over {@code files / 100 + 1} directories. */
    static byte[] layer(int files, int size, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random r = new Random(seed);
        byte[] content = new byte[size];
        entry(out, "usr/", '5', 0755, new byte[0]);
        for (int d = 0; d <= files / 100; d++) {
            entry(out, "usr/d" + d + "/", '5', 0755, new byte[0]);
        }
        for (int i = 0; i < files; i++) {
            r.nextBytes(content);
            entry(out, "usr/d" + (i / 100) + "/f" + i, '0', 0644, content);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, String name, char type, int mode, byte[] content) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, content.length);
        octal(h, 136, 12, 0);
        h[156] = (byte) type;
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        out.writeBytes(h);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = String.format("%0" + (len - 1) + "o", v);
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, off, len - 1);
    }
}
