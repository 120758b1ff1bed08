package dev.bootcj.deploy;

import dev.bootcj.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What of a root's {@code /var} no systemd tmpfiles.d entry ({@code /usr/lib/tmpfiles.d/*.conf}) would
 * recreate: the {@code d}/{@code L} line each missing directory or symlink would need, and the files tmpfiles.d
 * cannot express at all. Owners are named from the root's own {@code /etc/passwd} and {@code /etc/group}.
 */
final class Tmpfiles {
    static final String TMPFILES_D = "usr/lib/tmpfiles.d";

    /**
     * The result.
     *
     * @param missing the lines that would recreate what has no entry, sorted
     * @param unsupported relative paths ({@code var/...}) of files that are neither directories nor symlinks
     */
    record Missing(SortedSet<String> missing, List<String> unsupported) {
    }

    private Tmpfiles() {
    }

    static Missing find(RootedFs root) throws IOException, ImageException {
        Set<String> existing = existing(root);
        Map<Integer, String> users = ids(root, "etc/passwd");
        Map<Integer, String> groups = ids(root, "etc/group");
        SortedSet<String> missing = new TreeSet<>();
        List<String> unsupported = new ArrayList<>();
        Path var = root.directory("var");
        if (var == null) {
            throw new java.nio.file.NoSuchFileException("var");
        }
        walk(var, "/var", existing, users, groups, missing, unsupported);
        return new Missing(missing, unsupported);
    }

    private static void walk(Path dir, String prefix, Set<String> existing, Map<Integer, String> users,
            Map<Integer, String> groups, SortedSet<String> missing, List<String> unsupported)
            throws IOException, ImageException {
        long dev = RootedFs.device(dir);
        for (Path p : RootedFs.list(dir)) {
            byte[] raw = RootedFs.rawName(p);
            String name = new String(raw, StandardCharsets.UTF_8);
            String abs = prefix + "/" + name;
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!existing.contains(abs)) {
                if (a.isDirectory()) {
                    int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                    int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                    String user = users.get(uid);
                    if (user == null) {
                        throw new ImageException("User not found for id " + Integer.toUnsignedString(uid));
                    }
                    String group = groups.get(gid);
                    if (group == null) {
                        throw new ImageException("Group not found for id " + Integer.toUnsignedString(gid));
                    }
                    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                    missing.add("d " + escape(abs.getBytes(StandardCharsets.UTF_8)) + " "
                            + String.format("%04o", mode) + " " + user + " " + group + " - -");
                } else if (a.isSymbolicLink()) {
                    byte[] target = RootedFs.rawPath(Files.readSymbolicLink(p));
                    missing.add("L " + escape(abs.getBytes(StandardCharsets.UTF_8)) + " - - - - " + escape(target));
                } else {
                    unsupported.add(abs.substring(1));
                    continue;
                }
            }
            if (a.isDirectory() && RootedFs.device(p) == dev) {
                walk(p, abs, existing, users, groups, missing, unsupported);
            }
        }
    }

    /** tmpfiles.d wants {@code /run}, not {@code /var/run}. */
    private static String escape(byte[] path) {
        String s = new String(path, StandardCharsets.ISO_8859_1);
        if (s.equals("/var/run") || s.startsWith("/var/run/")) {
            byte[] rest = new byte[path.length - 4];
            System.arraycopy(path, 4, rest, 0, rest.length);
            return RustText.tmpfilesPath(rest);
        }
        return RustText.tmpfilesPath(path);
    }

    /** The paths the image's tmpfiles.d lines name, normalized. */
    private static Set<String> existing(RootedFs root) throws IOException, ImageException {
        Set<String> out = new HashSet<>();
        Path dir = root.directory(TMPFILES_D);
        if (dir == null) {
            return out;
        }
        for (Path f : RootedFs.list(dir)) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || !name.substring(dot + 1).equals("conf")) {
                continue;
            }
            for (String line : Sysusers.lines(Files.readAllBytes(f))) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                out.add(normalize(entryPath(line)));
            }
        }
        return out;
    }

    /** The path of one tmpfiles.d line (second field, quotes and {@code \x..} escapes undone). */
    static String entryPath(String line) throws ImageException {
        ImageException bad = new ImageException("Malformed tmpfiles.d line " + line);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        int typeStart = i;
        while (i < b.length && !isSpace(b[i])) {
            i++;
        }
        if (i == typeStart) {
            throw bad;
        }
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        boolean quoted = i < b.length && b[i] == '"';
        if (quoted) {
            i++;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (i < b.length && (quoted ? b[i] != '"' : !isSpace(b[i]))) {
            byte c = b[i++];
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= b.length) {
                throw new ImageException("Malformed tmpfiles.d");
            }
            byte e = b[i++];
            switch (e) {
                case '\\' -> out.write('\\');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'x' -> {
                    if (i + 2 > b.length) {
                        throw new ImageException("Malformed tmpfiles.d");
                    }
                    try {
                        out.write(Integer.parseInt(new String(b, i, 2, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException x) {
                        throw new ImageException("Malformed tmpfiles.d");
                    }
                    i += 2;
                }
                default -> throw new ImageException("Malformed tmpfiles.d");
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Redundant and trailing slashes and {@code .} components dropped, as path comparison ignores them. */
    private static String normalize(String p) {
        StringBuilder sb = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            sb.append('/').append(part);
        }
        if (!p.startsWith("/")) {
            return sb.isEmpty() ? p : sb.substring(1);
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    /** id → name from a passwd or group file of the root (third field is the id). */
    private static Map<Integer, String> ids(RootedFs root, String file) throws IOException {
        Map<Integer, String> out = new HashMap<>();
        byte[] content = root.read(file);
        if (content == null) {
            return out;
        }
        for (String line : Sysusers.lines(content)) {
            String[] parts = line.split(":", -1);
            if (parts.length < 3 || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            try {
                out.putIfAbsent(Integer.parseUnsignedInt(parts[2]), parts[0]);
            } catch (NumberFormatException e) {
                // not an entry
            }
        }
        return out;
    }
}
