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
    void reportsUnclosedQuotes() {
        assertEquals("unclosed quote (\") starting at column 8",
                assertThrows(Tokenizer.UnclosedQuoteException.class, () -> Tokenizer.split("status \"x")).getMessage());
        assertThrows(Tokenizer.UnclosedQuoteException.class, () -> Tokenizer.split("x \\"));
    }
}
