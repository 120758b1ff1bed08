package dev.bootcj.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes tar archives for tests, byte by byte as POSIX and GNU tar lay them out: ustar headers, PAX extended
 * headers ({@code path}, {@code linkpath}, {@code SCHILY.xattr.*}, any record), GNU {@code L}/{@code K} long
 * names, device nodes. Names are raw bytes so tests can write non-UTF-8 names.
 * {@snippet :
 * byte[] tar = new TarBuilder().dir("usr/", 0755).file("usr/a", 0644, "hello").finish();
 * }
 */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int uid;
    private int gid;
    private boolean gnuLongNames;

    /** Owner for the following entries. */
    public TarBuilder owner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        return this;
    }

    /** Use GNU {@code L}/{@code K} entries (instead of PAX) for names over 100 bytes. */
    public TarBuilder gnuLongNames() {
        this.gnuLongNames = true;
        return this;
    }

    public TarBuilder dir(String path, int mode) {
        return entry(bytes(path), '5', mode, new byte[0], null, Map.of());
    }

    public TarBuilder file(String path, int mode, String content) {
        return file(path, mode, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarBuilder file(String path, int mode, byte[] content) {
        return entry(bytes(path), '0', mode, content, null, Map.of());
    }

    /** A regular file with PAX xattrs ({@code SCHILY.xattr.<name>}). */
    public TarBuilder fileWithXattrs(String path, int mode, String content, Map<String, String> xattrs) {
        Map<String, byte[]> pax = new LinkedHashMap<>();
        xattrs.forEach((k, v) -> pax.put("SCHILY.xattr." + k, v.getBytes(StandardCharsets.UTF_8)));
        return entry(bytes(path), '0', mode, content.getBytes(StandardCharsets.UTF_8), null, pax);
    }

    public TarBuilder symlink(String path, String target) {
        return entry(bytes(path), '2', 0777, new byte[0], bytes(target), Map.of());
    }

    public TarBuilder hardlink(String path, String target) {
        return entry(bytes(path), '1', 0644, new byte[0], bytes(target), Map.of());
    }

    public TarBuilder charDevice(String path, int major, int minor) {
        byte[] h = header(bytes(path), '3', 0644, 0, null);
        octal(h, 329, 8, major);
        octal(h, 337, 8, minor);
        checksum(h);
        out.writeBytes(h);
        return this;
    }

    public TarBuilder fifo(String path) {
        return entry(bytes(path), '6', 0644, new byte[0], null, Map.of());
    }

    /** A regular file whose name is raw bytes (for non-UTF-8 names). */
    public TarBuilder rawNameFile(byte[] name, String content) {
        return entry(name, '0', 0644, content.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    /** An entry with explicit PAX records (values raw). */
    public TarBuilder entry(byte[] name, char type, int mode, byte[] content, byte[] link, Map<String, byte[]> pax) {
        Map<String, byte[]> records = new LinkedHashMap<>(pax);
        byte[] headerName = name;
        byte[] headerLink = link;
        if (name.length > 100) {
            if (gnuLongNames) {
                gnuLong('L', name);
            } else {
                records.put("path", name);
            }
            headerName = Arrays.copyOf(name, 100);
        }
        if (link != null && link.length > 100) {
            if (gnuLongNames) {
                gnuLong('K', link);
            } else {
                records.put("linkpath", link);
            }
            headerLink = Arrays.copyOf(link, 100);
        }
        if (!records.isEmpty()) {
            byte[] body = paxBody(records);
            byte[] h = header(bytes("PaxHeaders/x"), 'x', 0644, body.length, null);
            checksum(h);
            out.writeBytes(h);
            out.writeBytes(body);
            pad(body.length);
        }
        byte[] h = header(headerName, type, mode, content.length, headerLink);
        checksum(h);
        out.writeBytes(h);
        out.writeBytes(content);
        pad(content.length);
        return this;
    }

    /** Raw bytes appended as they are (for corrupt archives). */
    public TarBuilder raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** The archive with its end-of-archive marker (two zero blocks). */
    public byte[] finish() {
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** The archive without an end-of-archive marker. */
    public byte[] unfinished() {
        return out.toByteArray();
    }

    /** Writes {@link #finish()} to a file. */
    public Path writeTo(Path file) throws IOException {
        Files.write(file, finish());
        return file;
    }

    public void writeTo(OutputStream os) throws IOException {
        os.write(finish());
    }

    private void gnuLong(char type, byte[] name) {
        byte[] body = Arrays.copyOf(name, name.length + 1);
        byte[] h = header(bytes("././@LongLink"), type, 0644, body.length, null);
        System.arraycopy(bytes("ustar  \0"), 0, h, 257, 8);
        checksum(h);
        out.writeBytes(h);
        out.writeBytes(body);
        pad(body.length);
    }

    private byte[] header(byte[] name, char type, int mode, long size, byte[] link) {
        byte[] h = new byte[512];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 1700000000L);
        h[156] = (byte) type;
        if (link != null) {
            System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
        }
        System.arraycopy(bytes("ustar\0"), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        return h;
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        byte[] b = bytes(padded);
        System.arraycopy(b, 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    private static void checksum(byte[] h) {
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String s = String.format("%06o", sum);
        System.arraycopy(bytes(s), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
    }

    private static byte[] paxBody(Map<String, byte[]> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        records.forEach((k, v) -> {
            byte[] key = bytes(k);
            int base = key.length + v.length + 3; // ' ' '=' '\n'
            int len = base + String.valueOf(base).length();
            if (String.valueOf(len).length() != String.valueOf(base).length()) {
                len = base + String.valueOf(len).length();
            }
            body.writeBytes(bytes(len + " "));
            body.writeBytes(key);
            body.write('=');
            body.writeBytes(v);
            body.write('\n');
        });
        return body.toByteArray();
    }

    private void pad(long n) {
        int p = (int) ((512 - (n % 512)) % 512);
        out.writeBytes(new byte[p]);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
