package dev.bootcj.imports;

import dev.bootcj.tar.TarReader;
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

    /**
     * Normalizes a tar member path.
     *
     * @throws InvalidLayerException for {@code ..} components and absolute paths
     */
    public Normalized normalize(String path) throws InvalidLayerException {
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
}
