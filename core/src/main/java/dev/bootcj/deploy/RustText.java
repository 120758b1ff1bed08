package dev.bootcj.deploy;

import java.nio.charset.StandardCharsets;

/**
 * How bootc (Rust) spells byte strings in its messages: {@code Debug} of a file name, the UTF-8 check, and
 * tmpfiles.d path escaping.
 */
final class RustText {
    private RustText() {
    }

    /** Whether {@code b} is well-formed UTF-8. */
    static boolean isUtf8(byte[] b) {
        for (int i = 0; i < b.length;) {
            int n = sequence(b, i);
            if (n < 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /**
     * The length of the well-formed UTF-8 sequence at {@code i}, or minus the length of its maximal ill-formed
     * prefix (Unicode's "maximal subpart", at least one byte).
     */
    private static int sequence(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        int need;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 < 0x80) {
            return 1;
        } else if (b0 >= 0xc2 && b0 <= 0xdf) {
            need = 1;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            need = 2;
            lo = b0 == 0xe0 ? 0xa0 : 0x80;
            hi = b0 == 0xed ? 0x9f : 0xbf;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            need = 3;
            lo = b0 == 0xf0 ? 0x90 : 0x80;
            hi = b0 == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= b.length) {
                return -k;
            }
            int c = b[i + k] & 0xff;
            int l = k == 1 ? lo : 0x80;
            int h = k == 1 ? hi : 0xbf;
            if (c < l || c > h) {
                return -k;
            }
        }
        return need + 1;
    }

    /**
     * Rust's {@code Debug} of an {@code OsStr}: double-quoted, valid text escaped like {@code char::escape_debug}
     * (quotes, backslash; control characters as a braced hex escape), each ill-formed byte as {@code \\xFF}.
     */
    static String debug(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < b.length;) {
            int n = sequence(b, i);
            if (n < 0) {
                for (int k = 0; k < -n; k++) {
                    sb.append(String.format("\\x%02X", b[i + k] & 0xff));
                }
                i += -n;
                continue;
            }
            int cp = new String(b, i, n, StandardCharsets.UTF_8).codePointAt(0);
            i += n;
            switch (cp) {
                case 0 -> sb.append("\\0");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (printable(cp)) {
                        sb.appendCodePoint(cp);
                    } else {
                        sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** An approximation of Rust's printable test: controls, separators, format, unassigned and marks are not. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> true;
        };
    }

    /**
     * A path as tmpfiles.d spells it: as is when only ASCII letters, digits and {@code /}; otherwise printable
     * ASCII kept, backslash doubled, {@code \n \t \r} named and every other byte as {@code \xNN}.
     */
    static String tmpfilesPath(byte[] b) {
        boolean plain = true;
        for (byte c : b) {
            if (!(c == '/' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(b, StandardCharsets.US_ASCII);
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c > 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    /** A path as a POSIX shell would need it: as is when plain, else single-quoted. */
    static String shellQuoted(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> c == '/' || c == '.' || c == '_' || c == '-' || c == '+'
                || c == ':' || c == '@' || c == ',' || Character.isLetterOrDigit(c))) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
