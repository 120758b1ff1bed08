package dev.bootcj.shell.repl;

import dev.bootcj.shell.batch.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of a line, split into words by the same {@link Tokenizer} as scripts. An incomplete line (an
 * unclosed quote, a trailing backslash) asks for another line when Enter is pressed; for completion it is split
 * as far as it goes.
 */
final class ShellParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        Tokenizer.Line scanned = Tokenizer.scan(line);
        if (scanned.incomplete() != null && context == ParseContext.ACCEPT_LINE) {
            throw new EOFError(-1, cursor, scanned.incomplete());
        }
        List<String> words = new ArrayList<>(scanned.words());
        int index = 0;
        while (index < words.size() && scanned.ends().get(index) < cursor) {
            index++;
        }
        int start;
        int end;
        if (index < words.size() && scanned.starts().get(index) <= cursor) {
            start = scanned.starts().get(index);
            end = scanned.ends().get(index);
        } else {
            // between words or after the last: an empty word at the cursor
            words.add(index, "");
            start = cursor;
            end = cursor;
        }
        String typed = line.substring(start, cursor);
        int wordCursor = typed.isEmpty() ? 0 : String.join("", Tokenizer.scan(typed).words()).length();
        return new Words(line, cursor, List.copyOf(words), index, wordCursor, cursor - start, end - start);
    }

    /** A parsed line; a completed word is written back with its spaces and quotes escaped. */
    private record Words(String line, int cursor, List<String> words, int wordIndex, int wordCursor, int rawWordCursor,
            int rawWordLength) implements CompletingParsedLine {

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < candidate.length(); i++) {
                char c = candidate.charAt(i);
                if (Character.isWhitespace(c) || c == '\\' || c == '\'' || c == '"') {
                    b.append('\\');
                }
                b.append(c);
            }
            return b;
        }
    }
}
