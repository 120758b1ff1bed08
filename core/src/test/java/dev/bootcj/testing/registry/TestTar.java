package dev.bootcj.testing.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** Writes small ustar archives for test layers (regular files, mode 0644, owner 0, mtime 0). */
public final class TestTar {
    private TestTar() {
    }

    /** A tar of {@code files} (path to content), in iteration order. */
    public static byte[] of(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            header(out, e.getKey(), e.getValue().length);
            out.write(e.getValue());
            pad(out, e.getValue().length);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    /** Writes a tar holding one file of {@code size} random bytes (seeded) to {@code target}. */
    public static void randomFile(Path target, String name, long size, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            header(out, name, size);
            byte[] buf = new byte[1 << 16];
            long left = size;
            while (left > 0) {
                rnd.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
            pad(out, size);
            out.write(new byte[1024]);
        }
    }

    private static void header(OutputStream out, String name, long size) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, "00000000000");
        h[156] = '0';
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 7, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.write(h);
    }

    private static void pad(OutputStream out, long size) throws IOException {
        int rem = (int) (size % 512);
        if (rem != 0) {
            out.write(new byte[512 - rem]);
        }
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(len, b.length));
    }
}
