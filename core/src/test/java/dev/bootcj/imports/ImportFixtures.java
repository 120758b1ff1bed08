package dev.bootcj.imports;

import dev.bootcj.testing.TarBuilder;
import dev.bootcj.testing.TreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Layers for the import and merge tests, and the normalization applied to an oracle's tree. */
final class ImportFixtures {
    static final String LONG = "usr/share/doc/" + "long-directory-name-".repeat(6) + "/" + "file-".repeat(30) + "end";

    private ImportFixtures() {
    }

    /** A base layer touching every rule: etc, var, tmp children, dev nodes, hardlinks, xattrs, long names. */
    static byte[] base() {
        return new TarBuilder()
                .dir("./", 0755)
                .dir("usr/", 0755).dir("usr/bin/", 0755).dir("usr/lib/", 0755).dir("usr/lib/sub/", 0750)
                .dir("usr/share/", 0755).dir("usr/share/doc/", 0755)
                .dir("usr/share/doc/" + "long-directory-name-".repeat(6) + "/", 0755)
                .file("usr/bin/a", 0755, "#!/bin/sh\necho a\n")
                .fileWithXattrs("usr/bin/x", 0644, "with xattrs", Map.of("user.foo", "bar", "user.empty", ""))
                .file("usr/bin/oldfile", 0644, "old")
                .symlink("usr/bin/sh", "a")
                .hardlink("usr/bin/hl", "usr/bin/a")
                .hardlink("usr/lib/sub/hl-across", "usr/bin/a")
                .file("usr/lib/libx.so", 0644, new byte[200_000])
                .file("usr/lib/sub/f", 0600, "f")
                .file("usr/thing", 0644, "a file that becomes a directory")
                .dir("usr/dir2/", 0700).file("usr/dir2/child", 0644, "child")
                .file(LONG, 0644, "long")
                .dir("etc/", 0755).file("etc/foo", 0644, "foo").file("etc/passwd", 0644, "root:x:0:0::/root:/bin/sh\n")
                .file("etc/hostname", 0644, "").file("etc/resolv.conf", 0644, "")
                .hardlink("etc/passwd-", "etc/passwd")
                .dir("var/", 0755).dir("var/lib/", 0755).file("var/lib/state", 0644, "state")
                .dir("tmp/", 01777).file("tmp/junk", 0644, "junk")
                .dir("dev/", 0755).charDevice("dev/null", 1, 3)
                .owner(1000, 1000).dir("home/", 0755).dir("home/user/", 0700).file("home/user/.profile", 0644, "p")
                .finish();
    }

    /** Whiteouts, an opaque directory, file/directory replacement, deleting /etc/foo. */
    static byte[] second() {
        return new TarBuilder()
                .dir("usr/", 0755).dir("usr/bin/", 0755)
                .file("usr/bin/.wh.oldfile", 0644, "")
                .dir("usr/lib/", 0755).file("usr/lib/.wh..wh..opq", 0644, "").file("usr/lib/new", 0644, "new")
                .dir("usr/thing/", 0755).file("usr/thing/inside", 0644, "now a directory")
                .file("usr/dir2", 0644, "now a file")
                .dir("etc/", 0755).file("etc/.wh.foo", 0644, "")
                .finish();
    }

    /** An empty layer, as docker writes one. */
    static byte[] empty() {
        return new byte[1024];
    }

    /** Puts usr/thing back as a file, changes a directory's mode and owner, adds xattrs and a symlink. */
    static byte[] fourth() {
        return new TarBuilder()
                .dir("usr/", 0755)
                .file("usr/thing", 0600, "a file again")
                .owner(12, 34).dir("usr/bin/", 0711)
                .owner(0, 0).fileWithXattrs("usr/bin/y", 0755, "y", Map.of("user.checksum", "abc"))
                .symlink("usr/bin/abs", "/usr/bin/y")
                .finish();
    }

    /** The ostree-side path of an oracle path (etc, var, API filesystems), or null when the import drops it. */
    static String normalize(String path) {
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        String rest = path.substring(first.length());
        return switch (first) {
            case "etc" -> "usr/etc" + rest;
            case "var" -> "usr/share/factory/var" + rest;
            case "run", "tmp", "proc", "sys", "dev" -> rest.isEmpty() ? first : null;
            default -> path;
        };
    }

    /** {@link #normalize} plus dropping empty usr/etc/hostname and usr/etc/resolv.conf (the merge's cleanup). */
    static TreeSnapshot asImported(TreeSnapshot oracle, boolean cleanup) {
        String emptySha = "e3b0c44298fc1c14";
        TreeSnapshot mapped = oracle.mapPaths(p -> {
            String n = normalize(p);
            if (cleanup && n != null && (n.equals("usr/etc/hostname") || n.equals("usr/etc/resolv.conf"))
                    && oracle.entries().get(p).startsWith("file ") && oracle.entries().get(p).contains(emptySha)) {
                return null;
            }
            return n;
        });
        // Parents the remapping introduces (usr/share/factory) are created 0755 like libostree's autocreate.
        for (String p : java.util.List.copyOf(mapped.entries().keySet())) {
            for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
                mapped.entries().putIfAbsent(p.substring(0, i), "dir 0755 0:0 rwxr-xr-x");
            }
        }
        // /var content moved to the factory copy leaves an empty /var (with the image's /var metadata) to mount on.
        String factoryVar = mapped.entries().get("usr/share/factory/var");
        if (factoryVar != null) {
            mapped.entries().putIfAbsent("var", factoryVar);
        }
        return mapped;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
