package dev.bootcj.tar;

import java.util.Map;

/**
 * One member of a tar archive after PAX and GNU extension headers are applied.
 *
 * @param path the member's path as stored (UTF-8), not normalized: may start with {@code ./} or {@code /}
 * @param type what the member is
 * @param size the number of content bytes (0 for everything but regular files)
 * @param mode permission bits only ({@code 07777}); the file type is {@link #type}
 * @param uid owner
 * @param gid group
 * @param mtime modification time, seconds since the epoch (ostree does not store it)
 * @param linkName symlink target or hardlink target path; empty for other types
 * @param xattrs extended attributes from PAX {@code SCHILY.xattr.*} / {@code LIBARCHIVE.xattr.*}, in archive
 *     order; names are the attribute names, values the raw bytes
 * @param devMajor device major number (character and block devices)
 * @param devMinor device minor number
 */
public record TarEntry(String path, Type type, long size, int mode, int uid, int gid, long mtime, String linkName,
        Map<String, byte[]> xattrs, int devMajor, int devMinor) {

    /** The member types a tar archive can carry. */
    public enum Type {
        REGULAR, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO
    }

    public TarEntry {
        xattrs = Map.copyOf(xattrs);
    }
}
