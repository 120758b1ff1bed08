package dev.bootcj.deploy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * How bootc (Rust) spells byte strings in its messages: {@code Debug} of a file name, the UTF-8 check, and
 * tmpfiles.d path escaping.
 */
final class RustText {
    private RustText() {
    }

    /** Whether {@code b} is well-formed UTF-8, by the JDK's decoder (it refuses what Rust's {@code str} does). */
    static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Rust's {@code Debug} of an {@code OsStr}: double-quoted, valid text escaped like {@code char::escape_debug}
     * (quotes, backslash; control characters as a braced hex escape), each ill-formed byte as {@code \\xFF}.
     */
    static String debug(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer text = CharBuffer.allocate(b.length);
        while (true) {
            CoderResult r = utf8.decode(in, text, true);
            text.flip();
            text.codePoints().forEach(cp -> escape(cp, sb));
            text.clear();
            if (!r.isError()) {
                break;
            }
            for (int k = 0; k < r.length(); k++) {
                sb.append(String.format("\\x%02X", in.get() & 0xff));
            }
        }
        return sb.append('"').toString();
    }

    private static void escape(int cp, StringBuilder sb) {
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
