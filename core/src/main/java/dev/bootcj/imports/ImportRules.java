package dev.bootcj.imports;

import dev.bootcj.tar.TarReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How layer paths are normalized (ostree-ext {@code normalize_validate_path}, reference section 1.5):
 * {@code etc} becomes {@code usr/etc}; {@code var} becomes {@code usr/share/factory/var} when
 * {@link #remapFactoryVar} (libostree before 2024.3, so on 2022.7); the children of {@code run}, {@code tmp},
 * {@code proc}, {@code sys} and {@code dev} are dropped (the directories themselves are kept); other
 * top-level entries are kept when {@link #allowNonUsr} and dropped otherwise; {@code ..} components and
 * absolute paths are refused.
 *
 * @param allowNonUsr keep top-level entries other than {@code usr}, {@code etc}, {@code var} (true for
 *     images without an ostree base, whose root is transient)
 * @param remapFactoryVar move {@code var} to {@code usr/share/factory/var}
 */
public record ImportRules(boolean allowNonUsr, boolean remapFactoryVar) {
    /** The rules for a non-ostree (plain) image on libostree 2022.7. */
    public static final ImportRules PLAIN_IMAGE = new ImportRules(true, true);

    private static final java.util.Set<String> EXCLUDED = java.util.Set.of("run", "tmp", "proc", "sys", "dev");

    /**
     * A normalized path: {@code kept} is the repository path without leading {@code ./} ({@code ""} for the
     * root), or {@code filteredAs} names the counter a dropped path is counted under.
     *
     * @param kept the path to import, or null when dropped
     * @param filteredAs the counter name when dropped, else null
     */
    public record Normalized(String kept, String filteredAs) {
        /** Whether the path is dropped. */
        public boolean filtered() {
            return kept == null;
        }
    }

    /** The longest file name a Linux filesystem holds, in bytes ({@code NAME_MAX}). */
    public static final int NAME_MAX = 255;
    /** The longest path (and symlink target) the kernel takes in one argument, in bytes ({@code PATH_MAX - 1}). */
    public static final int PATH_MAX = 4095;

    /**
     * Normalizes a tar member path.
     *
     * @throws InvalidLayerException for {@code ..} components, absolute paths, a name longer than {@link #NAME_MAX}
     *     bytes and a path longer than {@link #PATH_MAX} bytes (what no filesystem can hold is refused before
     *     anything is written)
     */
    public Normalized normalize(String path) throws InvalidLayerException {
        long bytes = utf8Length(path, PATH_MAX);
        if (bytes > PATH_MAX) {
            throw new InvalidLayerException("path longer than " + PATH_MAX + " bytes (" + bytes + ") in layer: "
                    + abbreviated(path));
        }
        if (path.startsWith("/")) {
            throw new InvalidLayerException("absolute path in layer: " + TarReader.escapeText(path));
        }
        StringBuilder out = new StringBuilder(path.length() + 24);
        boolean first = true;
        boolean excluded = false;
        int i = 0;
        int n = path.length();
        while (i < n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            String part = path.substring(i, end);
            i = end + 1;
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new InvalidLayerException("path escapes the root: " + TarReader.escapeText(path));
            }
            if (utf8Length(part, NAME_MAX) > NAME_MAX) {
                throw new InvalidLayerException("file name longer than " + NAME_MAX + " bytes in layer: "
                        + abbreviated(path));
            }
            if (excluded) {
                return new Normalized(null, part);
            }
            if (first) {
                first = false;
                switch (part) {
                    case "usr" -> out.append("usr");
                    case "etc" -> out.append("usr/etc");
                    case "var" -> out.append(remapFactoryVar ? "usr/share/factory/var" : "var");
                    default -> {
                        if (EXCLUDED.contains(part)) {
                            excluded = true;
                            out.append(part);
                        } else if (allowNonUsr) {
                            out.append(part);
                        } else {
                            return new Normalized(null, part);
                        }
                    }
                }
            } else {
                out.append('/').append(part);
            }
        }
        return new Normalized(out.toString(), null);
    }

    /** The normalized path of a hardlink target, or empty if the target itself is dropped. */
    public Optional<String> linkTarget(String target) throws InvalidLayerException {
        Normalized t = normalize(target);
        return Optional.ofNullable(t.kept());
    }

    /** Refuses a symlink target longer than {@link #PATH_MAX} bytes (the kernel's limit) of the entry {@code path}. */
    public static void checkSymlinkTarget(String path, String target) throws InvalidLayerException {
        long bytes = utf8Length(target, PATH_MAX);
        if (bytes > PATH_MAX) {
            throw new InvalidLayerException("symlink target longer than " + PATH_MAX + " bytes (" + bytes
                    + ") in layer: " + abbreviated(path));
        }
    }

    /**
     * The length of {@code s} in UTF-8, or a number no larger than {@code limit} when it cannot exceed it (a char
     * takes at most three bytes): every tar member is checked, and almost none needs encoding to know.
     */
    private static long utf8Length(String s, int limit) {
        return s.length() <= limit / 3 ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A path for a one-line message: escaped, and only its start when it is long. */
    private static String abbreviated(String path) {
        return path.length() <= 200 ? TarReader.escapeText(path)
                : TarReader.escapeText(path.substring(0, 200)) + "... (" + path.length() + " characters)";
    }
}
