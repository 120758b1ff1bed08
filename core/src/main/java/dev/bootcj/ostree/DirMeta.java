package dev.bootcj.ostree;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A dirmeta object {@code (uuua(ayay))}: owner, group, mode ({@code S_IFDIR} | permissions) and xattrs; the
 * integers are stored big-endian.
 *
 * @param uid owner
 * @param gid group
 * @param mode the full mode including {@code S_IFDIR} (040000)
 * @param xattrs extended attributes
 */
public record DirMeta(int uid, int gid, int mode, Xattrs xattrs) {
    /** {@code S_IFDIR}. */
    public static final int S_IFDIR = 040000;

    /** A directory with permission bits {@code perms} (the type bits are added). */
    public static DirMeta of(int uid, int gid, int perms, Xattrs xattrs) {
        return new DirMeta(uid, gid, S_IFDIR | (perms & 07777), xattrs);
    }

    /** The serialized object. */
    public byte[] serialize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        be32(out, uid);
        be32(out, gid);
        be32(out, mode);
        out.writeBytes(xattrs.serialize());
        return out.toByteArray();
    }

    /** Parses a serialized dirmeta. */
    public static DirMeta parse(byte[] data) {
        if (data.length < 12) {
            throw new IllegalArgumentException("dirmeta shorter than 12 bytes");
        }
        return new DirMeta(readBe32(data, 0), readBe32(data, 4), readBe32(data, 8),
                Xattrs.parse(Arrays.copyOfRange(data, 12, data.length)));
    }

    /** The object's checksum (SHA-256 of the serialized bytes). */
    public String checksum() {
        return Checksums.sha256Hex(serialize());
    }

    static void be32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static int readBe32(byte[] d, int at) {
        return ((d[at] & 0xff) << 24) | ((d[at + 1] & 0xff) << 16) | ((d[at + 2] & 0xff) << 8) | (d[at + 3] & 0xff);
    }
}
