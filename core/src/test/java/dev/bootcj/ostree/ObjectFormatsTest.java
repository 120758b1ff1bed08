package dev.bootcj.ostree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serializers against the test vectors of the reference (section 5.3), written by ostree 2022.7. */
class ObjectFormatsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void dirmetaVector() {
        DirMeta m = DirMeta.of(0, 0, 0755, Xattrs.EMPTY);
        assertEquals("0000000000000000000041ed", HEX.formatHex(m.serialize()));
        assertEquals("446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488", m.checksum());
        assertEquals(m, DirMeta.parse(m.serialize()));
    }

    @Test
    void emptyDirtreeVector() {
        assertEquals("00", HEX.formatHex(DirTree.EMPTY.serialize()));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", DirTree.EMPTY.checksum());
        assertEquals(DirTree.EMPTY, DirTree.parse(new byte[] {0}));
    }

    @Test
    void oneFileDirtreeVector() {
        String file = "44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b";
        DirTree t = DirTree.of(Map.of("hello.txt", file), Map.of());
        byte[] bytes = t.serialize();
        assertEquals("68656c6c6f2e74787400" + file + "0a2b2c", HEX.formatHex(bytes));
        assertEquals("db0f2f32b9db2da703337227b61d643438b5353a3be8b632e1b64b7c27242251", t.checksum());
        assertEquals(t, DirTree.parse(bytes));
    }

    @Test
    void dirtreeWithFilesAndDirsRoundTrips() {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, DirTree.Subdir> dirs = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put("file-" + i, DirMeta.of(i, 0, 0644, Xattrs.EMPTY).checksum());
            dirs.put("dir-" + i, new DirTree.Subdir(DirTree.EMPTY.checksum(), DirMeta.of(0, i, 0755, Xattrs.EMPTY)
                    .checksum()));
        }
        DirTree t = DirTree.of(files, dirs);
        DirTree back = DirTree.parse(t.serialize());
        assertEquals(t, back);
        assertEquals("dir-0", back.dirs().firstKey());
        assertArrayEquals(t.serialize(), back.serialize());
    }

    @Test
    void namesSortByUtf8Bytes() {
        // U+FF21 (EF BC A1 in UTF-8) sorts before U+1F600 (F0 9F 98 80); UTF-16 order would say otherwise.
        assertEquals(-1, Integer.signum(DirTree.compareNames("\uFF21", "\uD83D\uDE00")));
        assertEquals(-1, Integer.signum(DirTree.compareNames("B", "a")));
        assertEquals(-1, Integer.signum(DirTree.compareNames("a", "ab")));
    }

    @Test
    void xattrsSortAndRoundTrip() {
        Map<String, byte[]> in = new LinkedHashMap<>();
        in.put("user.z", "last".getBytes(StandardCharsets.UTF_8));
        in.put("security.capability", new byte[] {1, 0, 0, 2});
        in.put("user.a", new byte[0]);
        Xattrs x = Xattrs.of(in);
        assertEquals("security.capability", new String(x.entries().get(0).name(), StandardCharsets.UTF_8));
        assertEquals(x, Xattrs.parse(x.serialize()));
        DirMeta m = DirMeta.of(5, 6, 0700, x);
        assertEquals(m, DirMeta.parse(m.serialize()));
    }
}
