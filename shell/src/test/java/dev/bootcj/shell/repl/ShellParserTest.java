package dev.bootcj.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** The shell's JLine parser splits words as scripts do, and tells completion where the cursor is. */
class ShellParserTest {
    final ShellParser parser = new ShellParser();

    @Test
    void wordsAreTheTokenizers() {
        ParsedLine l = parser.parse("switch --transport oci '/srv/my os:v2'", 38, ParseContext.ACCEPT_LINE);
        assertEquals(List.of("switch", "--transport", "oci", "/srv/my os:v2"), l.words());
    }

    @Test
    void anIncompleteLineAsksForMore() {
        assertThrows(EOFError.class, () -> parser.parse("status --sysroot '/x", 20, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("status \\", 8, ParseContext.ACCEPT_LINE));
        assertEquals(List.of("status", "--format", "json"),
                parser.parse("status \\\n--format json", 22, ParseContext.ACCEPT_LINE).words());
    }

    @Test
    void theWordUnderTheCursor() {
        CompletingParsedLine l = (CompletingParsedLine) parser.parse("status --form", 13, ParseContext.COMPLETE);
        assertEquals(1, l.wordIndex());
        assertEquals("--form", l.word());
        assertEquals(6, l.wordCursor());
        CompletingParsedLine next = (CompletingParsedLine) parser.parse("status ", 7, ParseContext.COMPLETE);
        assertEquals(List.of("status", ""), next.words());
        assertEquals(1, next.wordIndex());
        CompletingParsedLine quoted = (CompletingParsedLine) parser.parse("switch 'my o", 12, ParseContext.COMPLETE);
        assertEquals("my o", quoted.word());
        assertEquals(4, quoted.wordCursor());
        assertEquals(5, quoted.rawWordLength());
        assertEquals("my\\ os", quoted.escape("my os", true).toString());
    }
}
