package dev.bootcj.shell.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one command line into words the way a POSIX shell would for plain words: whitespace separates,
 * {@code '...'} is literal, {@code "..."} allows {@code \"} and {@code \\}, a backslash outside quotes escapes
 * the next character, and a backslash before a line break continues the line (standing for a space). No expansion
 * of any kind. Scripts and the interactive shell (through its JLine parser) both split words here.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** An unclosed quote or a trailing backslash. */
    public static final class UnclosedQuoteException extends Exception {
        private static final long serialVersionUID = 1L;

        UnclosedQuoteException(String message) {
            super(message);
        }
    }

    /**
     * The words of a line and where each stands in it.
     *
     * @param words the words, quotes and escapes resolved
     * @param starts the offset of each word's first character in the line
     * @param ends the offset just after each word's last character
     * @param incomplete why the line is not a complete command (an unclosed quote, a trailing backslash), or null;
     *     the last word then runs to the end of the line
     */
    public record Line(List<String> words, List<Integer> starts, List<Integer> ends, String incomplete) {
    }

    /** The words of {@code line}. */
    public static List<String> split(String line) throws UnclosedQuoteException {
        Line l = scan(line);
        if (l.incomplete() != null) {
            throw new UnclosedQuoteException(l.incomplete());
        }
        return l.words();
    }

    /** The words of {@code line}, also when it is incomplete (for editing and completion). */
    public static Line scan(String line) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        String incomplete = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '\n') {
                if (start >= 0) {
                    words.add(word.toString());
                    starts.add(start);
                    ends.add(i);
                    word.setLength(0);
                    start = -1;
                }
                i += c == '\\' ? 2 : 1;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    incomplete = "unclosed quote (') starting at column " + (i + 1);
                    word.append(line, i + 1, line.length());
                    i = line.length();
                } else {
                    word.append(line, i + 1, end);
                    i = end + 1;
                }
            } else if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < line.length()) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(j + 1)) >= 0) {
                        word.append(line.charAt(j + 1) == '\n' ? ' ' : line.charAt(j + 1));
                        j += 2;
                    } else if (d == '"') {
                        closed = true;
                        break;
                    } else {
                        word.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    incomplete = "unclosed quote (\") starting at column " + (i + 1);
                }
                i = Math.min(j + 1, line.length());
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    incomplete = "trailing backslash";
                    i++;
                } else {
                    word.append(line.charAt(i + 1));
                    i += 2;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (start >= 0) {
            words.add(word.toString());
            starts.add(start);
            ends.add(line.length());
        }
        return new Line(List.copyOf(words), List.copyOf(starts), List.copyOf(ends), incomplete);
    }
}
