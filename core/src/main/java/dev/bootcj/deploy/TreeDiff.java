package dev.bootcj.deploy;

import dev.bootcj.GLibException;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.OstreeRepo;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files added, removed and changed between two trees: two directories on disk (deployment checkouts, where
 * a shared inode means the same ostree object), or two commits of one repository (where a shared checksum means
 * the same content and metadata, so identical subtrees are skipped without being read). Only non-directory
 * entries are listed; a directory's appearance shows as the files under it.
 * {@snippet :
 * for (TreeDiff.Change c : TreeDiff.directories(Path.of("/usr/etc"), Path.of("/etc"))) {
 *     System.out.println(c.kind() + " " + c.path());
 * }
 * }
 */
public final class TreeDiff {
    private TreeDiff() {
    }

    /** How a path differs. */
    public enum Kind {
        /** Only in the second tree. */
        ADDED,
        /** Only in the first tree. */
        REMOVED,
        /** In both, with different content, type, mode or owner. */
        CHANGED
    }

    /**
     * One difference.
     *
     * @param path the path relative to the tree roots, with a leading {@code /}
     * @param kind added, removed or changed
     * @param oldSize the size in the first tree (0 when added; symlinks and specials count 0)
     * @param newSize the size in the second tree (0 when removed)
     */
    public record Change(String path, Kind kind, long oldSize, long newSize) {
        /** Sorted by path. */
        public static final Comparator<Change> BY_PATH = Comparator.comparing(Change::path);
    }

    /** Differences between the directories {@code a} and {@code b} (a missing directory counts as empty). */
    public static List<Change> directories(Path a, Path b) throws IOException {
        Map<String, Entry> left = scan(a);
        Map<String, Entry> right = scan(b);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<Change> out = new ArrayList<>();
        for (String p : paths) {
            Entry x = left.get(p);
            Entry y = right.get(p);
            if (x == null) {
                out.add(new Change(p, Kind.ADDED, 0, y.size()));
            } else if (y == null) {
                out.add(new Change(p, Kind.REMOVED, x.size(), 0));
            } else if (!same(x, y)) {
                out.add(new Change(p, Kind.CHANGED, x.size(), y.size()));
            }
        }
        return out;
    }

    /** Differences between commits {@code a} and {@code b} of {@code repo}. */
    static List<Change> commits(OstreeRepo repo, String a, String b) throws GLibException {
        List<Change> out = new ArrayList<>();
        DirTree.Subdir x = repo.commitRoot(a);
        DirTree.Subdir y = repo.commitRoot(b);
        if (!x.tree().equals(y.tree())) {
            compareTrees(repo, "", x.tree(), y.tree(), out);
        }
        out.sort(Change.BY_PATH);
        return out;
    }

    private static void compareTrees(OstreeRepo repo, String prefix, String a, String b, List<Change> out)
            throws GLibException {
        DirTree left = repo.loadDirTree(a);
        DirTree right = repo.loadDirTree(b);
        for (var e : left.files().entrySet()) {
            String path = prefix + "/" + e.getKey();
            String other = right.files().get(e.getKey());
            if (other == null) {
                out.add(new Change(path, Kind.REMOVED, size(repo, e.getValue()), 0));
                if (right.dirs().containsKey(e.getKey())) {
                    listTree(repo, path, right.dirs().get(e.getKey()).tree(), Kind.ADDED, out);
                }
            } else if (!other.equals(e.getValue())) {
                out.add(new Change(path, Kind.CHANGED, size(repo, e.getValue()), size(repo, other)));
            }
        }
        for (var e : right.files().entrySet()) {
            if (!left.files().containsKey(e.getKey())) {
                String path = prefix + "/" + e.getKey();
                out.add(new Change(path, Kind.ADDED, 0, size(repo, e.getValue())));
                if (left.dirs().containsKey(e.getKey())) {
                    listTree(repo, path, left.dirs().get(e.getKey()).tree(), Kind.REMOVED, out);
                }
            }
        }
        for (var e : left.dirs().entrySet()) {
            String path = prefix + "/" + e.getKey();
            DirTree.Subdir other = right.dirs().get(e.getKey());
            if (other == null) {
                if (!right.files().containsKey(e.getKey())) {
                    listTree(repo, path, e.getValue().tree(), Kind.REMOVED, out);
                }
            } else if (!other.tree().equals(e.getValue().tree())) {
                compareTrees(repo, path, e.getValue().tree(), other.tree(), out);
            }
        }
        for (var e : right.dirs().entrySet()) {
            if (!left.dirs().containsKey(e.getKey()) && !left.files().containsKey(e.getKey())) {
                listTree(repo, prefix + "/" + e.getKey(), e.getValue().tree(), Kind.ADDED, out);
            }
        }
    }

    private static void listTree(OstreeRepo repo, String prefix, String tree, Kind kind, List<Change> out)
            throws GLibException {
        DirTree t = repo.loadDirTree(tree);
        for (var e : t.files().entrySet()) {
            long s = size(repo, e.getValue());
            out.add(new Change(prefix + "/" + e.getKey(), kind, kind == Kind.REMOVED ? s : 0,
                    kind == Kind.ADDED ? s : 0));
        }
        for (var e : t.dirs().entrySet()) {
            listTree(repo, prefix + "/" + e.getKey(), e.getValue().tree(), kind, out);
        }
    }

    private static long size(OstreeRepo repo, String checksum) throws GLibException {
        OstreeRepo.ContentInfo info = repo.contentInfo(checksum);
        return info.isRegular() ? info.size() : 0;
    }

    /**
     * What is compared of one entry on disk.
     *
     * @param file the path
     * @param key the file key (device and inode)
     * @param type 'f' regular, 'l' symlink, 'o' other
     * @param size the size of a regular file, else 0
     * @param mode permission bits
     * @param owner uid:gid
     */
    private record Entry(Path file, Object key, char type, long size, int mode, String owner) {
    }

    private static Map<String, Entry> scan(Path root) throws IOException {
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes basic) throws IOException {
                PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                char type = attrs.isRegularFile() ? 'f' : attrs.isSymbolicLink() ? 'l' : 'o';
                Object uid = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                Object gid = Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                int full = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                out.put("/" + root.relativize(file).toString().replace('\\', '/'), new Entry(file, attrs.fileKey(),
                        type, type == 'f' ? attrs.size() : 0, full & 07777, uid + ":" + gid));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return out;
    }

    private static boolean same(Entry x, Entry y) throws IOException {
        if (x.key() != null && x.key().equals(y.key())) {
            return true;
        }
        if (x.type() != y.type() || x.size() != y.size() || x.mode() != y.mode() || !x.owner().equals(y.owner())) {
            return false;
        }
        return switch (x.type()) {
            case 'f' -> Files.mismatch(x.file(), y.file()) < 0;
            case 'l' -> Objects.equals(Files.readSymbolicLink(x.file()), Files.readSymbolicLink(y.file()));
            default -> true;
        };
    }
}
