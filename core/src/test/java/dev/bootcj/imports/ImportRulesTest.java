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

    /** What no Linux filesystem holds is refused: counted in UTF-8 bytes, not characters. */
    @Test
    void refusesNamesPathsAndLinkTargetsBeyondTheKernelsLimits() throws InvalidLayerException {
        String name255 = "n".repeat(255);
        assertEquals(kept("usr/" + name255), PLAIN.normalize("usr/" + name255));
        assertEquals("file name longer than 255 bytes in layer: usr/" + "n".repeat(196) + "... (260 characters)",
                assertThrows(InvalidLayerException.class, () -> PLAIN.normalize("usr/" + name255 + "n")).getMessage());
        // 127 two-byte characters are 254 bytes, 128 are 256.
        assertEquals(kept("usr/" + "\u00e9".repeat(127)), PLAIN.normalize("usr/" + "\u00e9".repeat(127)));
        assertThrows(InvalidLayerException.class, () -> PLAIN.normalize("usr/" + "\u00e9".repeat(128)));

        String path4095 = "usr/" + "d/".repeat(2044) + "end";
        assertEquals(4095, path4095.length());
        assertEquals(kept(path4095), PLAIN.normalize(path4095));
        assertEquals("path longer than 4095 bytes (4096) in layer: usr/d/", assertThrows(InvalidLayerException.class,
                () -> PLAIN.normalize(path4095 + "x")).getMessage().substring(0, 51));
        // 4,002 characters (under 4,095), 6,001 bytes.
        String wide = "usr/" + "\u00e9/".repeat(1999);
        assertThrows(InvalidLayerException.class, () -> PLAIN.normalize(wide));

        ImportRules.checkSymlinkTarget("usr/link", "t".repeat(4095));
        assertEquals("symlink target longer than 4095 bytes (4096) in layer: usr/link", assertThrows(
                InvalidLayerException.class, () -> ImportRules.checkSymlinkTarget("usr/link", "t".repeat(4096)))
                .getMessage());
    }
}
