package dev.bootcj.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our declarations compile against the system headers, and the check catches drift. */
class HeaderCheckTest {
    @TempDir
    Path tmp;

    @Test
    void everyHeaderAgreesWithTheSystemHeaders() {
        for (String h : HeaderCheck.HEADERS) {
            HeaderCheck.Compilation c = HeaderCheck.compile("#include \"" + h + "\"\n", tmp.resolve(h));
            assertEquals(0, c.exitCode(), h + ":\n" + c.output());
            assertFalse(HeaderCheck.prototypes(h).isEmpty(), h);
        }
    }

    @Test
    void aDriftedDeclarationFailsTheCheck() {
        // ostree_repo_open takes (self, cancellable, error); drop the cancellable as if the binding had drifted.
        String header = HeaderCheck.headerText("ostree-bound.h").replace(
                "gboolean ostree_repo_open (OstreeRepo *self, GCancellable *cancellable, GError **error);",
                "gboolean ostree_repo_open (OstreeRepo *self, GError **error);");
        assertNotEquals(HeaderCheck.headerText("ostree-bound.h"), header, "the replacement must apply");
        HeaderCheck.Compilation c = HeaderCheck.compile(header, tmp.resolve("drift"));
        assertNotEquals(0, c.exitCode());
        assertTrue(c.output().contains("conflicting types for") && c.output().contains("ostree_repo_open"), c.output());
        // A changed return type is caught too.
        header = HeaderCheck.headerText("glib-bound.h").replace("gsize g_variant_get_size (GVariant *value);",
                "guint g_variant_get_size (GVariant *value);");
        c = HeaderCheck.compile(header, tmp.resolve("drift2"));
        assertNotEquals(0, c.exitCode());
        assertTrue(c.output().contains("g_variant_get_size"), c.output());
    }

    @Test
    void prototypesParseIntoLayouts() {
        HeaderCheck.Prototype open = HeaderCheck.prototypes("ostree-bound.h").stream()
                .filter(p -> p.name().equals("ostree_repo_resolve_rev")).findFirst().orElseThrow();
        assertEquals("LibOstree", open.lib());
        assertEquals(List.of("JAVA_INT", "ADDRESS", "ADDRESS", "JAVA_INT", "ADDRESS", "ADDRESS"), open.layouts());
        HeaderCheck.Prototype openat = HeaderCheck.prototypes("libc-bound.h").stream()
                .filter(p -> p.name().equals("openat")).findFirst().orElseThrow();
        assertTrue(openat.variadic());
        HeaderCheck.Prototype ref = HeaderCheck.prototypes("glib-bound.h").stream()
                .filter(p -> p.name().equals("g_object_ref")).findFirst().orElseThrow();
        assertEquals("GObject", ref.lib());
    }

    @Test
    void measuresStructLayouts() {
        Map<String, Long> gerror = HeaderCheck.layout("glib-bound.h", "GError", List.of("domain", "code", "message"),
                tmp.resolve("gerror"));
        assertEquals(Map.of("sizeof", 16L, "domain", 0L, "code", 4L, "message", 8L), gerror);
    }
}
