package dev.bootcj.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory tree looked at as a root of its own (an image's rootfs): symbolic links met while resolving a
 * path are followed inside the tree, an absolute target starting again at the tree's top and {@code ..} never
 * leaving it, the way the image will see them once booted. Paths are relative ({@code usr/lib/modules}).
 */
final class RootedFs {
    private static final int MAX_LINKS = 40;

    private final Path root;

    RootedFs(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The host path of {@code rel}, following links in every component but the last unless {@code followLast};
     * null when a component does not exist.
     *
     * @throws NotDirectoryException when a non-final component is not a directory
     */
    Path resolve(String rel, boolean followLast) throws IOException {
        Deque<Path> todo = new ArrayDeque<>();
        for (Path p : Path.of(rel)) {
            todo.add(p);
        }
        List<Path> stack = new ArrayList<>();
        stack.add(root);
        int links = 0;
        while (!todo.isEmpty()) {
            Path name = todo.removeFirst();
            String s = name.toString();
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (stack.size() > 1) {
                    stack.removeLast();
                }
                continue;
            }
            Path current = stack.getLast().resolve(name);
            boolean last = todo.isEmpty();
            BasicFileAttributes a = lstat(current);
            if (a == null) {
                return null;
            }
            if (a.isSymbolicLink() && (!last || followLast)) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(rel, null, "Too many levels of symbolic links");
                }
                Path target = Files.readSymbolicLink(current);
                List<Path> parts = new ArrayList<>();
                for (Path p : target) {
                    parts.add(p);
                }
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                if (target.isAbsolute()) {
                    stack.subList(1, stack.size()).clear();
                }
                continue;
            }
            if (!last && !a.isDirectory()) {
                throw new NotDirectoryException(rel);
            }
            stack.add(current);
        }
        return stack.getLast();
    }

    /** The attributes of {@code rel} itself (not following a final link), or null if it does not exist. */
    BasicFileAttributes lstat(String rel) throws IOException {
        Path p = resolve(rel, false);
        return p == null ? null : lstat(p);
    }

    /** The directory {@code rel} (links followed), or null if it does not exist; an error if it is not one. */
    Path directory(String rel) throws IOException {
        Path p = resolve(rel, true);
        if (p == null) {
            return null;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(rel);
        }
        return p;
    }

    /** The contents of the regular file {@code rel} (links followed), or null if it does not exist. */
    byte[] read(String rel) throws IOException {
        Path p = resolve(rel, true);
        return p == null ? null : Files.readAllBytes(p);
    }

    /** Attributes without following a link; null if {@code p} does not exist. */
    static BasicFileAttributes lstat(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The entries of a directory, in the order the file system returns them. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** The device a file is on (to stay on one file system while walking). */
    static long device(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    /** A directory that does not exist: URIs of paths under it are built without looking at any real file. */
    private static final Path NOWHERE = Path.of("/nonexistent", "bootcj-raw-names-" + java.util.UUID.randomUUID());

    /**
     * The bytes of {@code p}'s last name exactly as stored on disk, undecodable ones included. (The JDK keeps a
     * path's bytes; its {@code file:} URI percent-encodes them one by one.)
     */
    static byte[] rawName(Path p) {
        Path name = p.getFileName();
        return name == null ? new byte[0] : rawElement(name);
    }

    /** The bytes of a path (a link target), names joined by single slashes. */
    static byte[] rawPath(Path p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (p.isAbsolute()) {
            out.write('/');
        }
        boolean first = true;
        for (Path e : p) {
            if (!first) {
                out.write('/');
            }
            out.writeBytes(rawElement(e));
            first = false;
        }
        return out.toByteArray();
    }

    private static byte[] rawElement(Path name) {
        String s = NOWHERE.resolve(name).toUri().getRawPath();
        int from = NOWHERE.toUri().getRawPath().length();
        if (s.charAt(from) == '/') {
            from++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** One line for an I/O failure, naming the path and the reason. */
    static String describe(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException x -> "No such file or directory";
            case NotDirectoryException x -> "Not a directory";
            case AccessDeniedException x -> "Permission denied";
            case FileSystemException x -> x.getReason();
            default -> null;
        };
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (reason != null ? reason : "I/O error");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
