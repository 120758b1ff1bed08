package dev.bootcj.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImportRulesTest {
    private static final ImportRules PLAIN = ImportRules.PLAIN_IMAGE;
    private static final ImportRules USR_ONLY = new ImportRules(false, true);

    static ImportRules.Normalized kept(String p) {
        return new ImportRules.Normalized(p, null);
    }

    static ImportRules.Normalized dropped(String as) {
        return new ImportRules.Normalized(null, as);
    }

    @Test
    void normalizes() throws InvalidLayerException {
        assertEquals(kept(""), PLAIN.normalize("./"));
        assertEquals(kept(""), PLAIN.normalize("."));
        assertEquals(kept("usr/bin/sh"), PLAIN.normalize("./usr//bin/./sh"));
        assertEquals(kept("usr/etc"), PLAIN.normalize("etc/"));
        assertEquals(kept("usr/etc/passwd"), PLAIN.normalize("./etc/passwd"));
        assertEquals(kept("usr/share/factory/var/lib/x"), PLAIN.normalize("var/lib/x"));
        assertEquals(kept("var/lib/x"), new ImportRules(true, false).normalize("var/lib/x"));
        assertEquals(kept("opt/app"), PLAIN.normalize("opt/app"));
        assertEquals(dropped("opt"), USR_ONLY.normalize("opt/app"));
    }

    @Test
    void apiFilesystemsKeepTheirDirectoryAndDropChildren() throws InvalidLayerException {
        assertEquals(kept("tmp"), PLAIN.normalize("tmp/"));
        assertEquals(dropped("foo"), PLAIN.normalize("tmp/foo/bar"));
        assertEquals(dropped("null"), PLAIN.normalize("./dev/null"));
        assertEquals(kept("run"), PLAIN.normalize("run"));
    }

    @Test
    void refusesEscapes() {
        assertEquals("path escapes the root: usr/../../etc/shadow", assertThrows(InvalidLayerException.class,
                () -> PLAIN.normalize("usr/../../etc/shadow")).getMessage());
        assertEquals("absolute path in layer: /usr/bin/sh", assertThrows(InvalidLayerException.class,
                () -> PLAIN.normalize("/usr/bin/sh")).getMessage());
    }
}
