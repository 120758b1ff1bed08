package dev.bootcj.glib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.GLibException;
import dev.bootcj.testing.BindingAssert;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GLib/GObject/GIO bindings against native-headers, and the safe helpers against real GLib. */
class GLibBindingTest {
    @TempDir
    Path tmp;

    @Test
    void descriptorsMatchHeaders() throws Exception {
        BindingAssert.assertMatchesHeader(GLib.class, "glib-bound.h");
        BindingAssert.assertMatchesHeader(GObject.class, "glib-bound.h");
        BindingAssert.assertMatchesHeader(Gio.class, "glib-bound.h");
    }

    @Test
    void structLayoutsMatchC() {
        BindingAssert.assertLayout(GErrors.GERROR, "glib-bound.h", "GError", tmp.resolve("gerror"));
        BindingAssert.assertLayout(GCollections.GPTRARRAY, "glib-bound.h", "GPtrArray", tmp.resolve("ptrarray"));
        BindingAssert.assertLayout(GCollections.GHASHTABLEITER, "glib-bound.h", "GHashTableIter", tmp.resolve("iter"));
    }

    @Test
    void gerrorIsTakenFreedAndTyped() {
        // A real GError from GLib's key-file parser: domain, code and message survive, the slot is cleared.
        GLibException e = assertThrows(GLibException.class, () -> KeyFiles.parse("[origin\nbroken", "test origin"));
        assertEquals("g-key-file-error-quark", e.domain());
        assertTrue(e.getMessage().startsWith("parsing test origin: "), e.getMessage());
        assertFalse(e.glibMessage().isEmpty());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = GErrors.slot(arena);
            GLibException none = GErrors.take(slot, "op");
            assertEquals("precondition", none.domain());
        }
    }

    @Test
    void keyFilesRoundTripThroughGLib() throws Exception {
        Map<String, Map<String, String>> origin = Map.of("origin",
                Map.of("container-image-reference", "ostree-unverified-registry:quay.io/x/y:latest"));
        String text = KeyFiles.format(origin);
        assertEquals("[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/x/y:latest\n", text);
        assertEquals(origin, KeyFiles.parse(text, "origin"));
    }

    @Test
    void variantsCrossIntoJava() {
        MemorySegment dict = Variants.vardict(Map.of("version", "1.0", "n", 7, "flag", true,
                "nested", Map.of("k", "v")));
        try (Owned owned = Variants.own(dict)) {
            Object java = Variants.toJava(owned.get());
            assertEquals(Map.of("version", "1.0", "n", 7, "flag", true, "nested", Map.of("k", "v")), java);
        }
        try (Owned bytes = Variants.own(Variants.byteArray(new byte[] {1, 2, 3}))) {
            assertArrayEquals(new byte[] {1, 2, 3}, Variants.bytes(bytes.get()));
        }
    }

    @Test
    void ownedReleasesOnce() {
        int[] released = {0};
        Owned o = Owned.of(MemorySegment.ofAddress(8), p -> released[0]++, "test");
        o.close();
        o.close();
        assertEquals(1, released[0]);
        assertThrows(IllegalStateException.class, o::get);
    }
}
