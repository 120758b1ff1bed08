package dev.bootcj.shell.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void splitsLikeAShell() throws Exception {
        assertEquals(List.of("switch", "--transport", "oci", "/srv/my os:v2"),
                Tokenizer.split("switch  --transport oci '/srv/my os:v2'"));
        assertEquals(List.of("a b", "c\"d", "e\\f", "g h"), Tokenizer.split("\"a b\" \"c\\\"d\" e\\\\f g\\ h"));
        assertEquals(List.of("ab"), Tokenizer.split("a''b"));
        assertEquals(List.of(), Tokenizer.split("   "));
    }

    @Test
    void aBackslashBeforeALineBreakContinuesTheLine() throws Exception {
        assertEquals(List.of("status", "--format", "json"), Tokenizer.split("status \\\n--format\\\njson"));
        assertEquals(List.of("a b"), Tokenizer.split("\"a\\\nb\""));
    }

    @Test
    void scanSaysWhereEachWordIsAndWhetherTheLineIsComplete() {
        Tokenizer.Line l = Tokenizer.scan("switch 'my os' x");
        assertEquals(List.of("switch", "my os", "x"), l.words());
        assertEquals(List.of(0, 7, 15), l.starts());
        assertEquals(List.of(6, 14, 16), l.ends());
        assertEquals(null, l.incomplete());
        Tokenizer.Line open = Tokenizer.scan("switch 'my o");
        assertEquals(List.of("switch", "my o"), open.words());
        assertEquals("unclosed quote (') starting at column 8", open.incomplete());
    }

    @Test
    void reportsUnclosedQuotes() {
        assertEquals("unclosed quote (\") starting at column 8",
                assertThrows(Tokenizer.UnclosedQuoteException.class, () -> Tokenizer.split("status \"x")).getMessage());
        assertThrows(Tokenizer.UnclosedQuoteException.class, () -> Tokenizer.split("x \\"));
    }
}
