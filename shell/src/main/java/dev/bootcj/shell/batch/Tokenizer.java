package dev.bootcj.shell.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one command line into words the way a POSIX shell would for plain words: whitespace separates,
 * {@code '...'} is literal, {@code "..."} allows {@code \"} and {@code \\}, a backslash outside quotes escapes
 * the next character. No expansion of any kind.
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

    /** The words of {@code line}. */
    public static List<String> split(String line) throws UnclosedQuoteException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new UnclosedQuoteException("unclosed quote (') starting at column " + (i + 1));
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < line.length()) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        word.append(line.charAt(j + 1));
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
                    throw new UnclosedQuoteException("unclosed quote (\") starting at column " + (i + 1));
                }
                inWord = true;
                i = j + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new UnclosedQuoteException("trailing backslash");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
