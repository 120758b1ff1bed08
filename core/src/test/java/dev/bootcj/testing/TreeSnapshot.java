package dev.bootcj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A directory tree described file by file for comparison in tests: type, permission bits, owner, group,
 * {@code user.*} xattrs, content digest or symlink target; plus the groups of paths that share an inode.
 * Paths are relative, without leading {@code ./}; the root itself is left out.
 *
 * @param entries path to description
 * @param inodes inode key to the sorted paths sharing it (regular files only)
 */
public record TreeSnapshot(TreeMap<String, String> entries, Map<String, List<String>> inodes) {

    /** Describes everything under {@code root} (not following symlinks). */
    public static TreeSnapshot of(Path root) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        Map<String, List<String>> inodes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                entries.put(rel, describe(p));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    String ino = Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS) + ":"
                            + Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
                    inodes.computeIfAbsent(ino, k -> new ArrayList<>()).add(rel);
                }
            }
        }
        return new TreeSnapshot(entries, inodes);
    }

    /** Paths renamed by {@code rename} (null drops the entry). */
    public TreeSnapshot mapPaths(Function<String, String> rename) {
        TreeMap<String, String> out = new TreeMap<>();
        entries.forEach((k, v) -> {
            String n = rename.apply(k);
            if (n != null) {
                out.put(n, v);
            }
        });
        Map<String, List<String>> ino = new TreeMap<>();
        inodes.forEach((k, v) -> {
            List<String> mapped = new ArrayList<>();
            for (String p : v) {
                String n = rename.apply(p);
                if (n != null) {
                    mapped.add(n);
                }
            }
            if (!mapped.isEmpty()) {
                ino.put(k, mapped);
            }
        });
        return new TreeSnapshot(out, ino);
    }

    /** Sets of paths that are hardlinked together (more than one path per inode). */
    public List<Set<String>> hardlinkGroups() {
        List<Set<String>> out = new ArrayList<>();
        for (List<String> paths : inodes.values()) {
            if (paths.size() > 1) {
                out.add(new java.util.TreeSet<>(paths));
            }
        }
        return out;
    }

    /** Whether all of {@code paths} share one inode here. */
    public boolean sameInode(Set<String> paths) {
        for (List<String> group : inodes.values()) {
            if (group.containsAll(paths)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Path p) throws IOException {
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(p)) {
            return "symlink " + uid + ":" + gid + " -> " + Files.readSymbolicLink(p);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        String head = String.format("%04o %d:%d %s", mode, uid, gid, PosixFilePermissions.toString(perms));
        String xattrs = xattrs(p);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + head + xattrs;
        }
        return "file " + head + " sha256=" + sha256(p) + xattrs;
    }

    private static String xattrs(Path p) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        TreeMap<String, String> values = new TreeMap<>();
        for (String name : view.list()) {
            ByteBuffer b = ByteBuffer.allocate(view.size(name));
            view.read(name, b);
            if (b.capacity() > 0) { // ostree keeps no empty-valued xattrs (the importer drops them)
                values.put(name, HexFormat.of().formatHex(b.array()));
            }
        }
        return values.isEmpty() ? "" : " xattrs=" + values;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
