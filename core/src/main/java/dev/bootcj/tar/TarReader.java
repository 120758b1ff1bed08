package dev.bootcj.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streaming tar reader: ustar, PAX ({@code path}, {@code linkpath}, {@code size}, {@code uid}, {@code gid},
 * {@code mtime}, {@code SCHILY.xattr.*}, {@code LIBARCHIVE.xattr.*}) and GNU long names and links ({@code L},
 * {@code K}). Memory is bounded: one read buffer, plus extension headers capped at {@link #MAX_PAX_HEADER} and
 * {@link #MAX_LONG_NAME} bytes; content is streamed through {@link #read(byte[], int, int)}.
 *
 * <p>Refused with {@link TarFormatException}: a bad header checksum, an archive that ends before its
 * end-of-archive marker (also inside a member's content or padding), a name or link target that is not UTF-8
 * (the message shows it with {@code \xNN} escapes), sparse and other unsupported member types.
 * {@snippet :
 * try (TarReader tar = new TarReader(in)) {
 *     for (TarEntry e; (e = tar.next()) != null; ) {
 *         if (e.type() == TarEntry.Type.REGULAR) {
 *             byte[] buf = new byte[8192];
 *             for (int n; (n = tar.read(buf, 0, buf.length)) > 0; ) { }
 *         }
 *     }
 * }
 * }
 * Not thread-safe.
 */
public final class TarReader implements AutoCloseable {
    /** Largest PAX extended header accepted (xattrs live there). */
    public static final int MAX_PAX_HEADER = 8 << 20;
    /** Largest GNU long name or link accepted. */
    public static final int MAX_LONG_NAME = 64 << 10;
    private static final int BLOCK = 512;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Bytes taken from {@link #in} so far (read or skipped). */
    private long consumed;
    private final byte[] header = new byte[BLOCK];

    /** Content bytes of the current entry not yet read, and the padding that follows them. */
    private long remaining;
    private int padding;
    private TarEntry current;
    private boolean finished;
    private long entries;
    private final Map<String, byte[]> globalPax = new LinkedHashMap<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Reads from {@code in}, which this reader owns (closing the reader closes it). */
    public TarReader(InputStream in) {
        this(in, 128 * 1024);
    }

    /** Reads from {@code in} with a read buffer of {@code bufferSize} bytes. */
    public TarReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(bufferSize, BLOCK)];
    }

    /** The next member, or null after the end-of-archive marker. Unread content of the current member is skipped. */
    public TarEntry next() throws IOException {
        if (finished) {
            return null;
        }
        skipRest();
        Map<String, byte[]> pax = null;
        byte[] longName = null;
        byte[] longLink = null;
        while (true) {
            if (!readHeader()) {
                finished = true;
                current = null;
                if (pax != null || longName != null || longLink != null) {
                    throw new TarFormatException("truncated tar archive: extension header without a member"
                            + " at the end" + after());
                }
                return null;
            }
            char typeflag = (char) (header[156] & 0xff);
            long size = number(124, 12, "size");
            switch (typeflag) {
                case 'x' -> {
                    if (pax == null) {
                        pax = new LinkedHashMap<>();
                    }
                    parsePax(readExtension(size, MAX_PAX_HEADER, "PAX header"), pax);
                }
                case 'g' -> parsePax(readExtension(size, MAX_PAX_HEADER, "PAX global header"), globalPax);
                case 'L' -> longName = trimNul(readExtension(size, MAX_LONG_NAME, "GNU long name"));
                case 'K' -> longLink = trimNul(readExtension(size, MAX_LONG_NAME, "GNU long link name"));
                default -> {
                    current = member(typeflag, size, pax, longName, longLink);
                    entries++;
                    return current;
                }
            }
        }
    }

    /** Reads content of the current member; -1 at its end. */
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0 || len == 0) {
            return remaining == 0 ? -1 : 0;
        }
        int want = (int) Math.min(len, remaining);
        if (pos == limit) {
            // Large reads bypass the buffer.
            if (want >= buf.length) {
                int n = in.read(b, off, want);
                if (n < 0) {
                    throw truncatedContent();
                }
                consumed += n;
                remaining -= n;
                return n;
            }
            if (!fillSome()) {
                throw truncatedContent();
            }
        }
        int n = Math.min(want, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        remaining -= n;
        return n;
    }

    /** Reads exactly {@code len} content bytes of the current member into {@code b}. */
    public void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = read(b, off, len);
            if (n < 0) {
                throw new EOFException("read past the end of tar member " + current.path());
            }
            off += n;
            len -= n;
        }
    }

    /** The current member's content as a stream (not closing the archive when closed). */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return TarReader.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return TarReader.this.read(b, off, len);
            }
        };
    }

    /**
     * The offset in the archive of the next byte this reader returns: right after {@link #next()}, where the
     * member's content starts (what an index of the archive records to read a member in place).
     */
    public long position() {
        return consumed - (limit - pos);
    }

    /** Number of members returned so far. */
    public long entryCount() {
        return entries;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private TarEntry member(char typeflag, long size, Map<String, byte[]> pax, byte[] longName, byte[] longLink)
            throws IOException {
        // Most members of an image layer come without extension headers: no map is built for them.
        Map<String, byte[]> attrs = pax == null && globalPax.isEmpty() ? Map.of() : merged(pax);
        byte[] pathAttr = attrs.isEmpty() ? null : attrs.get("path");
        String path;
        if (pathAttr != null) {
            path = text(pathAttr, "path", null);
        } else if (longName != null) {
            path = text(longName, "path", null);
        } else {
            path = text(headerPath(), "path", null);
        }
        TarEntry.Type type = switch (typeflag) {
            case '0', '7' -> TarEntry.Type.REGULAR;
            case '\0' -> path.endsWith("/") ? TarEntry.Type.DIRECTORY : TarEntry.Type.REGULAR;
            case '1' -> TarEntry.Type.HARDLINK;
            case '2' -> TarEntry.Type.SYMLINK;
            case '3' -> TarEntry.Type.CHAR_DEVICE;
            case '4' -> TarEntry.Type.BLOCK_DEVICE;
            case '5' -> TarEntry.Type.DIRECTORY;
            case '6' -> TarEntry.Type.FIFO;
            default -> throw unsupportedType(typeflag, path);
        };
        String link = "";
        if (type == TarEntry.Type.SYMLINK || type == TarEntry.Type.HARDLINK) {
            byte[] linkAttr = attrs.isEmpty() ? null : attrs.get("linkpath");
            link = text(linkAttr != null ? linkAttr : longLink != null ? longLink : field(157, 100), "link target",
                    path);
        }
        int mode = (int) (number(100, 8, "mode") & 07777);
        int uid;
        int gid;
        long mtime;
        Map<String, byte[]> xattrs;
        if (attrs.isEmpty()) {
            uid = (int) number(108, 8, "uid");
            gid = (int) number(116, 8, "gid");
            mtime = number(136, 12, "mtime");
            xattrs = Map.of();
        } else {
            if (attrs.containsKey("size")) {
                size = paxNumber(attrs.get("size"), "size", path);
            }
            uid = attrs.containsKey("uid") ? (int) paxNumber(attrs.get("uid"), "uid", path) : (int) number(108, 8, "uid");
            gid = attrs.containsKey("gid") ? (int) paxNumber(attrs.get("gid"), "gid", path) : (int) number(116, 8, "gid");
            mtime = attrs.containsKey("mtime") ? paxNumber(attrs.get("mtime"), "mtime", path) : number(136, 12, "mtime");
            xattrs = xattrs(attrs, path);
        }
        int major = 0;
        int minor = 0;
        if (type == TarEntry.Type.CHAR_DEVICE || type == TarEntry.Type.BLOCK_DEVICE) {
            major = (int) number(329, 8, "devmajor");
            minor = (int) number(337, 8, "devminor");
        }
        if (size < 0) {
            throw new TarFormatException("negative size for " + escapeText(path));
        }
        remaining = size;
        padding = (int) ((BLOCK - (size % BLOCK)) % BLOCK);
        return new TarEntry(path, type, type == TarEntry.Type.REGULAR ? size : 0, mode, uid, gid, mtime, link, xattrs,
                major, minor);
    }

    /** The global PAX records overridden by the member's own. */
    private Map<String, byte[]> merged(Map<String, byte[]> pax) {
        Map<String, byte[]> attrs = new LinkedHashMap<>(globalPax);
        if (pax != null) {
            attrs.putAll(pax);
        }
        return attrs;
    }

    /** The ustar name, with its prefix when there is one. */
    private byte[] headerPath() {
        byte[] name = field(0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (!ustar || header[345] == 0) {
            return name;
        }
        byte[] prefix = field(345, 155);
        byte[] joined = Arrays.copyOf(prefix, prefix.length + 1 + name.length);
        joined[prefix.length] = '/';
        System.arraycopy(name, 0, joined, prefix.length + 1, name.length);
        return joined;
    }

    /** The extended attributes among PAX records; sparse members are refused here too. */
    private static Map<String, byte[]> xattrs(Map<String, byte[]> attrs, String path) throws TarFormatException {
        Map<String, byte[]> xattrs = new LinkedHashMap<>();
        for (var e : attrs.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("GNU.sparse.")) {
                throw new TarFormatException("sparse tar members are not supported: " + escapeText(path));
            }
            if (key.startsWith("SCHILY.xattr.")) {
                xattrs.put(key.substring("SCHILY.xattr.".length()), e.getValue());
            } else if (key.startsWith("LIBARCHIVE.xattr.")) {
                String name = java.net.URLDecoder.decode(key.substring("LIBARCHIVE.xattr.".length()),
                        StandardCharsets.UTF_8);
                try {
                    xattrs.put(name, Base64.getDecoder().decode(new String(e.getValue(), StandardCharsets.US_ASCII)
                            .replace("=", "")));
                } catch (IllegalArgumentException bad) {
                    throw new TarFormatException("bad base64 in LIBARCHIVE.xattr." + name + " of " + escapeText(path));
                }
            }
        }
        return xattrs;
    }

    private static TarFormatException unsupportedType(char typeflag, String path) {
        return new TarFormatException("unsupported tar member type '" + printable(typeflag) + "' for "
                + escapeText(path));
    }

    /** Reads the next 512-byte header; false at the end-of-archive marker (a zero block). */
    private boolean readHeader() throws IOException {
        int got = readBlock(header);
        if (got == 0) {
            throw new TarFormatException(entries == 0 && current == null
                    ? "truncated tar archive: no end-of-archive marker (empty input)"
                    : "truncated tar archive: no end-of-archive marker" + after());
        }
        if (got < BLOCK) {
            throw new TarFormatException("truncated tar archive: partial header block" + after());
        }
        boolean zero = true;
        for (byte b : header) {
            if (b != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            return false;
        }
        long stored = number(148, 8, "checksum");
        // Sums over the block with the checksum field counted as spaces, as unsigned and as signed bytes.
        long unsigned = 8 * ' ';
        long signed = 8 * ' ';
        for (int i = 0; i < BLOCK; i++) {
            if (i == 148) {
                i = 155;
                continue;
            }
            unsigned += header[i] & 0xff;
            signed += header[i];
        }
        if (stored != unsigned && stored != signed) {
            throw new TarFormatException("corrupt tar header (checksum mismatch)" + after());
        }
        return true;
    }

    private String after() {
        return current == null ? "" : " (after " + escapeText(current.path()) + ")";
    }

    private byte[] readExtension(long size, int max, String what) throws IOException {
        if (size > max) {
            throw new TarFormatException(what + " of " + size + " bytes exceeds the limit of " + max + after());
        }
        byte[] data = new byte[(int) size];
        int off = 0;
        while (off < data.length) {
            if (pos == limit && !fillSome()) {
                throw new TarFormatException("truncated tar archive inside a " + what + after());
            }
            int n = Math.min(data.length - off, limit - pos);
            System.arraycopy(buf, pos, data, off, n);
            pos += n;
            off += n;
        }
        skipBytes((BLOCK - (size % BLOCK)) % BLOCK, what, null);
        return data;
    }

    private void parsePax(byte[] data, Map<String, byte[]> into) throws TarFormatException {
        int i = 0;
        while (i < data.length) {
            int space = i;
            long len = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                len = len * 10 + (data[space] - '0');
                if (len > data.length) {
                    break;
                }
                space++;
            }
            if (space >= data.length || data[space] != ' ' || len <= 0 || i + len > data.length
                    || data[(int) (i + len - 1)] != '\n') {
                if (allZero(data, i)) {
                    return;
                }
                throw new TarFormatException("malformed PAX record" + after());
            }
            int end = (int) (i + len - 1);
            int eq = space + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq == end) {
                throw new TarFormatException("malformed PAX record (no '=')" + after());
            }
            String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
            byte[] value = Arrays.copyOfRange(data, eq + 1, end);
            if (value.length == 0 && !key.startsWith("SCHILY.xattr.") && !key.startsWith("LIBARCHIVE.xattr.")) {
                into.remove(key); // an empty value deletes a (global) keyword
            } else {
                into.put(key, value);
            }
            i = end + 1;
        }
    }

    private static boolean allZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private long paxNumber(byte[] value, String what, String path) throws TarFormatException {
        String s = new String(value, StandardCharsets.US_ASCII);
        int dot = s.indexOf('.');
        if (dot >= 0) {
            s = s.substring(0, dot);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TarFormatException("bad PAX " + what + " '" + escapeText(s) + "' for " + escapeText(path));
        }
    }

    /** An octal (or GNU base-256) numeric header field. */
    private long number(int off, int len, String what) throws TarFormatException {
        if ((header[off] & 0x80) != 0) {
            long v = header[off] & 0x3f;
            if ((header[off] & 0x40) != 0) {
                throw new TarFormatException("negative base-256 " + what + " in tar header" + after());
            }
            for (int i = 1; i < len; i++) {
                if ((v >>> 55) != 0) {
                    throw new TarFormatException("base-256 " + what + " overflows in tar header" + after());
                }
                v = (v << 8) | (header[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end; i++) {
            byte b = header[i];
            if (b == ' ' || b == 0) {
                break;
            }
            if (b < '0' || b > '7') {
                throw new TarFormatException("bad octal " + what + " in tar header" + after());
            }
            v = (v << 3) | (b - '0');
        }
        return v;
    }

    private byte[] field(int off, int len) {
        int end = off;
        while (end < off + len && header[end] != 0) {
            end++;
        }
        return Arrays.copyOfRange(header, off, end);
    }

    private static byte[] trimNul(byte[] b) {
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        int nul = 0;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        return Arrays.copyOf(b, nul);
    }

    /**
     * Decodes a name; {@code what} and, when not null, the member {@code of} name it in the message if it is not
     * UTF-8. Names are nearly always ASCII, which needs no decoder.
     */
    private String text(byte[] bytes, String what, String of) throws TarFormatException {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new TarFormatException("non-UTF-8 " + what + (of == null ? "" : " of " + escapeText(of))
                    + " in tar archive: \"" + escape(bytes) + "\"");
        }
    }

    /** Shows bytes as text: printable ASCII as is, backslash doubled, everything else as {@code \xNN}. */
    public static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f && c != '"') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    /** {@link #escape(byte[])} of a string's UTF-8 bytes, for messages naming paths. */
    public static String escapeText(String s) {
        return escape(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    private void skipRest() throws IOException {
        if (current != null) {
            if (remaining > 0) {
                long skip = remaining;
                remaining = 0;
                skipBytes(skip, "content", current);
            }
            int p = padding;
            padding = 0;
            skipBytes(p, "padding", current);
        }
    }

    /** Skips {@code n} bytes of the {@code what} (of the member {@code of}, when not null). */
    private void skipBytes(long n, String what, TarEntry of) throws IOException {
        while (n > 0) {
            if (pos == limit) {
                if (n > buf.length) {
                    long skipped = in.skip(n - (n % BLOCK));
                    if (skipped > 0) {
                        consumed += skipped;
                        n -= skipped;
                        continue;
                    }
                }
                if (!fillSome()) {
                    throw new TarFormatException("truncated tar archive inside the " + what
                            + (of == null ? "" : " of " + escapeText(of.path())));
                }
            }
            int k = (int) Math.min(n, limit - pos);
            pos += k;
            n -= k;
        }
    }

    /** Reads up to 512 bytes into {@code block}; returns how many (0 at a clean end of input). */
    private int readBlock(byte[] block) throws IOException {
        int off = 0;
        while (off < BLOCK) {
            if (pos == limit && !fillSome()) {
                break;
            }
            int n = Math.min(BLOCK - off, limit - pos);
            System.arraycopy(buf, pos, block, off, n);
            pos += n;
            off += n;
        }
        return off;
    }

    private boolean fillSome() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            pos = limit = 0;
            return false;
        }
        consumed += n;
        pos = 0;
        limit = n;
        return true;
    }

    private TarFormatException truncatedContent() {
        return new TarFormatException("truncated tar archive: " + escapeText(current.path()) + " ends "
                + remaining + " bytes short");
    }
}
