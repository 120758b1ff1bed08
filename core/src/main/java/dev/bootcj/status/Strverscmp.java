package dev.bootcj.status;

import java.nio.charset.StandardCharsets;

/**
 * glibc's {@code strverscmp}, which libostree uses to order boot entries by their {@code version}: runs of
 * digits compare as numbers ({@code 9 < 10}), except that a run with leading zeros is a fraction and sorts before
 * plain numbers ({@code 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10}). Bytes compare unsigned, on UTF-8.
 */
final class Strverscmp {
    // The scanner's states while the common prefix is read: in text, in an integer, in a fraction (a run that
    // started with 0 and went on with other digits), or in leading zeros.
    private static final int TEXT = 0;
    private static final int INTEGER = 1;
    private static final int FRACTION = 2;
    private static final int ZEROS = 3;
    // Character classes.
    private static final int OTHER = 0;
    private static final int DIGIT = 1;
    private static final int ZERO = 2;

    /** Next state after a common character of class [OTHER, DIGIT, ZERO]. */
    private static final int[][] NEXT = {
        {TEXT, INTEGER, ZEROS},
        {TEXT, INTEGER, INTEGER},
        {TEXT, FRACTION, FRACTION},
        {TEXT, FRACTION, ZEROS},
    };
    // How the first differing characters decide, by state and (class of a, class of b): the plain byte
    // difference, the longer digit run wins, or a fixed sign.
    private static final int BYTES = 2;
    private static final int LONGER = 3;
    private static final int[][][] DECIDE = {
        {{BYTES, BYTES, BYTES}, {BYTES, LONGER, BYTES}, {BYTES, BYTES, BYTES}},
        {{BYTES, -1, -1}, {1, LONGER, LONGER}, {1, LONGER, LONGER}},
        {{BYTES, BYTES, BYTES}, {BYTES, BYTES, BYTES}, {BYTES, BYTES, BYTES}},
        {{BYTES, 1, 1}, {-1, BYTES, BYTES}, {-1, BYTES, BYTES}},
    };

    private Strverscmp() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    static int compare(String a, String b) {
        byte[] s1 = a.getBytes(StandardCharsets.UTF_8);
        byte[] s2 = b.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        int c1 = at(s1, 0);
        int c2 = at(s2, 0);
        int state = TEXT;
        int cls = classOf(c1);
        while (c1 == c2) {
            if (c1 == 0) {
                return 0;
            }
            state = NEXT[state][cls];
            i++;
            c1 = at(s1, i);
            c2 = at(s2, i);
            cls = classOf(c1);
        }
        int diff = c1 - c2;
        int decision = DECIDE[state][cls][classOf(c2)];
        if (decision == BYTES) {
            return diff;
        }
        if (decision != LONGER) {
            return decision;
        }
        // Both runs of digits go on: the longer one is the larger number; equal lengths keep the first difference.
        int j = i + 1;
        while (isDigit(at(s1, j))) {
            if (!isDigit(at(s2, j))) {
                return 1;
            }
            j++;
        }
        return isDigit(at(s2, j)) ? -1 : diff;
    }

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xff : 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int classOf(int c) {
        return c == '0' ? ZERO : isDigit(c) ? DIGIT : OTHER;
    }
}
