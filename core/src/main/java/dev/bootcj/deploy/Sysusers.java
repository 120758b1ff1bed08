package dev.bootcj.deploy;

import dev.bootcj.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which {@code /etc/passwd} users and {@code /etc/group} groups of a root have no systemd sysusers.d entry in
 * {@code /usr/lib/sysusers.d/*.conf} (a {@code u} entry also declares its group), as bootc's lint reads them.
 */
final class Sysusers {
    static final String SYSUSERS_D = "usr/lib/sysusers.d";

    /**
     * The result.
     *
     * @param missingUsers passwd names without an entry, sorted
     * @param missingGroups group names without an entry, sorted
     */
    record Analysis(SortedSet<String> missingUsers, SortedSet<String> missingGroups) {
        boolean isEmpty() {
            return missingUsers.isEmpty() && missingGroups.isEmpty();
        }
    }

    private Sysusers() {
    }

    static Analysis analyze(RootedFs root) throws IOException, ImageException {
        byte[] passwd = root.read("etc/passwd");
        if (passwd == null) {
            return new Analysis(new TreeSet<>(), new TreeSet<>());
        }
        SortedSet<String> users = new TreeSet<>(names(passwd, 7, "passwd"));
        byte[] group;
        try {
            group = root.read("etc/group");
            if (group == null) {
                throw new java.nio.file.NoSuchFileException("etc/group");
            }
        } catch (IOException e) {
            throw new ImageException("Failed to load etc/group: " + RootedFs.describe(e), e);
        }
        SortedSet<String> groups = new TreeSet<>(names(group, 4, "group"));
        Set<String> declaredUsers = new TreeSet<>();
        Set<String> declaredGroups = new TreeSet<>();
        Path dir = root.directory(SYSUSERS_D);
        if (dir != null) {
            List<Path> files = new ArrayList<>(RootedFs.list(dir));
            files.sort(null);
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0 || !name.substring(dot + 1).equals("conf")) {
                    continue;
                }
                for (String line : lines(Files.readAllBytes(f))) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    declare(line, name, declaredUsers, declaredGroups);
                }
            }
        }
        users.removeAll(declaredUsers);
        groups.removeAll(declaredGroups);
        return new Analysis(users, groups);
    }

    /** The names of a passwd ({@code fields} 7) or group (4) file; NSS compat lines skipped. */
    private static List<String> names(byte[] content, int fields, String what) throws ImageException {
        List<String> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = lines(content);
        } catch (IOException e) {
            throw new ImageException("Failed to load etc/" + what + ": " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] parts = line.split(":", fields);
            boolean ok = parts.length == fields && unsigned(parts[2]);
            if (ok && fields == 7) {
                ok = unsigned(parts[3]);
            }
            if (!ok) {
                throw new ImageException("Failed to load etc/" + what + ": failed to parse " + what
                        + " entry at line " + n + ", content: " + line);
            }
            out.add(parts[0]);
        }
        return out;
    }

    private static boolean unsigned(String s) {
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        try {
            return Long.parseLong(digits) <= 0xffffffffL;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Lines split on newline (a trailing CR dropped); the text must be UTF-8. */
    static List<String> lines(byte[] content) throws IOException {
        if (!RustText.isUtf8(content)) {
            throw new IOException("stream did not contain valid UTF-8");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return out;
    }

    /** Records the user and/or group one sysusers.d line declares ({@code u}, {@code g}; others ignored). */
    private static void declare(String line, String file, Set<String> users, Set<String> groups)
            throws ImageException {
        List<String> tokens = new ArrayList<>();
        String rest = line;
        ImageException bad = new ImageException("Failed to parse sysusers entry from " + file
                + ": Failed to parse sysusers entry: " + line);
        while (true) {
            rest = rest.stripLeading();
            if (rest.isEmpty()) {
                break;
            }
            String token;
            if (rest.startsWith("\"")) {
                int end = rest.indexOf('"', 1);
                if (end < 0) {
                    break;
                }
                token = rest.substring(1, end);
                rest = rest.substring(end + 1);
            } else {
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                token = rest.substring(0, end);
                rest = rest.substring(end);
            }
            if (token.isEmpty()) {
                break;
            }
            tokens.add(token);
        }
        if (tokens.isEmpty()) {
            throw bad;
        }
        switch (tokens.getFirst()) {
            case "u" -> {
                if (tokens.size() < 4) {
                    throw bad;
                }
                String id = tokens.get(2);
                if (!id.equals("-")) {
                    int colon = id.indexOf(':');
                    String uid = colon < 0 ? id : id.substring(0, colon);
                    String gid = colon < 0 ? id : id.substring(colon + 1);
                    if (!uid.equals("-") && !unsigned(uid)) {
                        throw bad;
                    }
                    if (gid.chars().allMatch(c -> c >= '0' && c <= '9') && !unsigned(gid)) {
                        throw bad;
                    }
                }
                users.add(tokens.get(1));
                groups.add(tokens.get(1));
            }
            case "g" -> {
                if (tokens.size() < 3) {
                    throw bad;
                }
                String id = tokens.get(2);
                if (!id.equals("-") && !unsigned(id)) {
                    throw bad;
                }
                groups.add(tokens.get(1));
            }
            case "r" -> {
                if (tokens.size() < 3) {
                    throw bad;
                }
                String range = tokens.get(2);
                int dash = range.indexOf('-');
                if (dash < 0 || !unsigned(range.substring(0, dash)) || !unsigned(range.substring(dash + 1))) {
                    throw bad;
                }
            }
            default -> {
                // other entry types are not about passwd/group names
            }
        }
    }
}
