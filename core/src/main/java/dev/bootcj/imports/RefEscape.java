package dev.bootcj.imports;

/**
 * ostree-ext's ref escaping ({@code refescape.rs}), so refs we write are the refs upstream reads. Per
 * character: ASCII letters and digits stay; {@code /} stays only after a letter or digit and when not last;
 * {@code -} stays; {@code _} becomes {@code __}; everything else becomes {@code _XX_}, the code point in
 * upper-case hex (at least two digits).
 * {@snippet :
 * RefEscape.layerRef("sha256:2c26...")               // "ostree/container/blob/sha256_3A_2c26..."
 * RefEscape.imageRef("docker://quay.io/coreos/fedora:latest")
 *     // "ostree/container/image/docker_3A__2F__2F_quay_2E_io/coreos/fedora_3A_latest"
 * }
 */
public final class RefEscape {
    /** Refs of layer commits. */
    public static final String LAYER_PREFIX = "ostree/container/blob";
    /** Refs of merged image commits. */
    public static final String IMAGE_PREFIX = "ostree/container/image";

    private RefEscape() {
    }

    /** Escapes {@code s} (non-empty, no NUL) into one ref component sequence. */
    public static String escape(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Invalid empty string for ref");
        }
        StringBuilder r = new StringBuilder(s.length() + 16);
        boolean previousAlnum = false;
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == 0) {
                throw new IllegalArgumentException("Invalid embedded NUL in string for ostree ref");
            }
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (alnum) {
                r.append((char) c);
            } else if (c == '/' && previousAlnum && i + 1 < cps.length) {
                r.append('/');
            } else if (c == '-') {
                r.append('-');
            } else if (c == '_') {
                r.append("__");
            } else {
                r.append('_').append(String.format("%02X", c)).append('_');
            }
            previousAlnum = alnum;
        }
        return r.toString();
    }

    /** Reverses {@link #escape}. */
    public static String unescape(String s) {
        StringBuilder r = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '/') {
                r.append(c);
            } else if (c == '_') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '_') {
                    r.append('_');
                    i++;
                } else {
                    int end = s.indexOf('_', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("Unterminated escape in ref: " + s);
                    }
                    r.appendCodePoint(Integer.parseInt(s.substring(i + 1, end), 16));
                    i = end;
                }
            } else {
                throw new IllegalArgumentException("Invalid character " + c + " in ref: " + s);
            }
        }
        return r.toString();
    }

    /** {@code ostree/container/blob/<escaped digest>}. */
    public static String layerRef(String digest) {
        return LAYER_PREFIX + "/" + escape(digest);
    }

    /** {@code ostree/container/image/<escaped image reference>} ({@code docker://...}, {@code oci:...}). */
    public static String imageRef(String imageReference) {
        return IMAGE_PREFIX + "/" + escape(imageReference);
    }
}
