package dev.bootcj.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.testing.Processes;
import dev.bootcj.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarReaderTest {

    record Read(TarEntry entry, byte[] content) {
    }

    static List<Read> readAll(byte[] tar) throws IOException {
        return readAll(new ByteArrayInputStream(tar));
    }

    static List<Read> readAll(InputStream in) throws IOException {
        List<Read> out = new ArrayList<>();
        try (TarReader r = new TarReader(in, 512)) {
            for (TarEntry e; (e = r.next()) != null; ) {
                out.add(new Read(e, r.content().readAllBytes()));
            }
        }
        return out;
    }

    @Test
    void readsUstarTypesOwnersAndModes() throws IOException {
        byte[] tar = new TarBuilder().owner(0, 0).dir("usr/", 0755)
                .owner(1000, 100).file("usr/a.txt", 0640, "hello\n")
                .symlink("usr/link", "a.txt")
                .hardlink("usr/hard", "usr/a.txt")
                .charDevice("dev/null", 1, 3)
                .fifo("usr/fifo")
                .finish();
        List<Read> all = readAll(tar);
        assertEquals(6, all.size());
        assertEquals(TarEntry.Type.DIRECTORY, all.get(0).entry().type());
        TarEntry a = all.get(1).entry();
        assertEquals("usr/a.txt", a.path());
        assertEquals(TarEntry.Type.REGULAR, a.type());
        assertEquals(0640, a.mode());
        assertEquals(1000, a.uid());
        assertEquals(100, a.gid());
        assertEquals(6, a.size());
        assertEquals("hello\n", new String(all.get(1).content(), StandardCharsets.UTF_8));
        assertEquals(TarEntry.Type.SYMLINK, all.get(2).entry().type());
        assertEquals("a.txt", all.get(2).entry().linkName());
        assertEquals(TarEntry.Type.HARDLINK, all.get(3).entry().type());
        assertEquals("usr/a.txt", all.get(3).entry().linkName());
        assertEquals(TarEntry.Type.CHAR_DEVICE, all.get(4).entry().type());
        assertEquals(1, all.get(4).entry().devMajor());
        assertEquals(3, all.get(4).entry().devMinor());
        assertEquals(TarEntry.Type.FIFO, all.get(5).entry().type());
    }

    @Test
    void paxLongNamesLinksAndXattrs() throws IOException {
        String longDir = "usr/" + "d".repeat(120) + "/";
        String longName = longDir + "f".repeat(150);
        String longTarget = "../" + "t".repeat(200);
        byte[] tar = new TarBuilder()
                .fileWithXattrs(longName, 0600, "x", Map.of("user.one", "1", "user.two", "zwei"))
                .symlink("usr/s", longTarget)
                .finish();
        List<Read> all = readAll(tar);
        assertEquals(2, all.size());
        assertEquals(longName, all.get(0).entry().path());
        assertArrayEquals("zwei".getBytes(StandardCharsets.UTF_8), all.get(0).entry().xattrs().get("user.two"));
        assertEquals(2, all.get(0).entry().xattrs().size());
        assertEquals(longTarget, all.get(1).entry().linkName());
    }

    @Test
    void gnuLongNamesAndLinks() throws IOException {
        String longName = "usr/" + "n".repeat(300);
        String longTarget = "usr/" + "m".repeat(250);
        byte[] tar = new TarBuilder().gnuLongNames().file(longTarget, 0644, "t").hardlink(longName, longTarget)
                .finish();
        List<Read> all = readAll(tar);
        assertEquals(longTarget, all.get(0).entry().path());
        assertEquals(longName, all.get(1).entry().path());
        assertEquals(longTarget, all.get(1).entry().linkName());
    }

    @Test
    void paxSizeOverridesHeader() throws IOException {
        byte[] content = "0123456789".getBytes(StandardCharsets.UTF_8);
        // Header says 10 bytes; PAX says 10 too but the record must be honoured and parsed as a number.
        byte[] tar = new TarBuilder().entry("usr/sized".getBytes(StandardCharsets.UTF_8), '0', 0644, content, null,
                Map.of("size", "10".getBytes(StandardCharsets.UTF_8), "mtime", "1.5".getBytes(StandardCharsets.UTF_8)))
                .finish();
        Read r = readAll(tar).get(0);
        assertEquals(10, r.entry().size());
        assertEquals(1, r.entry().mtime());
        assertArrayEquals(content, r.content());
    }

    @Test
    void nonUtf8NameIsRefusedWithTheEscapedPath() {
        byte[] name = {'u', 's', 'r', '/', (byte) 0xff, 'x', (byte) 0xc3};
        byte[] tar = new TarBuilder().rawNameFile(name, "x").finish();
        TarFormatException e = assertThrows(TarFormatException.class, () -> readAll(tar));
        assertEquals("non-UTF-8 path in tar archive: \"usr/\\xffx\\xc3\"", e.getMessage());
    }

    @Test
    void truncatedContentIsDetected() {
        byte[] full = new TarBuilder().file("usr/big", 0644, new byte[5000]).finish();
        byte[] cut = Arrays.copyOf(full, 512 + 3000);
        TarFormatException e = assertThrows(TarFormatException.class, () -> readAll(cut));
        assertTrue(e.getMessage().contains("truncated tar archive: usr/big ends 2000 bytes short"), e.getMessage());
    }

    @Test
    void truncationInsideSkippedContentNamesTheMember() {
        byte[] full = new TarBuilder().file("usr/a", 0644, "a").file("usr/big", 0644, new byte[5000]).finish();
        byte[] cut = Arrays.copyOf(full, 3 * 512 + 3000);
        TarFormatException e = assertThrows(TarFormatException.class, () -> {
            try (TarReader r = new TarReader(new ByteArrayInputStream(cut), 512)) {
                while (r.next() != null) {
                    // content left unread: next() skips it
                }
            }
        });
        assertEquals("truncated tar archive inside the content of usr/big", e.getMessage());
    }

    @Test
    void nonUtf8LinkTargetIsRefusedNamingTheLink() {
        byte[] target = {'t', (byte) 0xe9};
        byte[] tar = new TarBuilder().entry("usr/sym".getBytes(StandardCharsets.UTF_8), '2', 0777, new byte[0], target,
                Map.of()).finish();
        TarFormatException e = assertThrows(TarFormatException.class, () -> readAll(tar));
        assertEquals("non-UTF-8 link target of usr/sym in tar archive: \"t\\xe9\"", e.getMessage());
    }

    @Test
    void ustarPrefixIsJoinedToTheName(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        String deep = "usr/" + "d".repeat(90) + "/" + "e".repeat(40);
        Files.createDirectories(root.resolve(deep));
        Files.writeString(root.resolve(deep + "/file"), "x");
        Path tarFile = dir.resolve("ustar.tar");
        Processes.run("tar", "--format=ustar", "-C", root.toString(), "-cf", tarFile.toString(), "usr");
        List<Read> all = readAll(Files.newInputStream(tarFile));
        assertTrue(all.stream().anyMatch(r -> r.entry().path().equals(deep + "/file")
                && new String(r.content(), StandardCharsets.UTF_8).equals("x")), all.toString());
    }

    @Test
    void missingEndMarkerAndPartialHeaderAreDetected() {
        byte[] unfinished = new TarBuilder().file("usr/a", 0644, "a").unfinished();
        TarFormatException e = assertThrows(TarFormatException.class, () -> readAll(unfinished));
        assertEquals("truncated tar archive: no end-of-archive marker (after usr/a)", e.getMessage());
        byte[] partial = Arrays.copyOf(unfinished, unfinished.length + 100);
        partial[unfinished.length] = 'x';
        e = assertThrows(TarFormatException.class, () -> readAll(partial));
        assertTrue(e.getMessage().startsWith("truncated tar archive: partial header block"), e.getMessage());
        e = assertThrows(TarFormatException.class, () -> readAll(new byte[0]));
        assertEquals("truncated tar archive: no end-of-archive marker (empty input)", e.getMessage());
    }

    @Test
    void corruptHeaderChecksumIsRefused() {
        byte[] tar = new TarBuilder().file("usr/a", 0644, "a").finish();
        tar[10] ^= 0x01;
        TarFormatException e = assertThrows(TarFormatException.class, () -> readAll(tar));
        assertEquals("corrupt tar header (checksum mismatch)", e.getMessage());
    }

    @Test
    void emptyArchiveHasNoEntries() throws IOException {
        assertEquals(List.of(), readAll(new byte[1024]));
        assertEquals(List.of(), readAll(new byte[10240]));
    }

    @Test
    void unreadContentIsSkipped() throws IOException {
        byte[] tar = new TarBuilder().file("usr/a", 0644, new byte[70000]).file("usr/b", 0644, "b").finish();
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar))) {
            assertEquals("usr/a", r.next().path());
            assertEquals("usr/b", r.next().path());
            byte[] b = new byte[1];
            r.readFully(b, 0, 1);
            assertEquals('b', b[0]);
            assertNull(r.next());
            assertNull(r.next());
        }
    }

    @Test
    void readsWhatGnuTarWrites(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path sub = Files.createDirectories(root.resolve("usr/" + "long".repeat(40)));
        Path f = Files.writeString(sub.resolve("file-" + "x".repeat(120)), "content");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(root.resolve("usr/sym"), Path.of("target/" + "y".repeat(150)));
        Files.createLink(root.resolve("usr/hard"), f);
        Files.getFileAttributeView(f, java.nio.file.attribute.UserDefinedFileAttributeView.class)
                .write("test", java.nio.ByteBuffer.wrap("value".getBytes(StandardCharsets.UTF_8)));
        for (String format : List.of("pax", "gnu")) {
            Path tarFile = dir.resolve(format + ".tar");
            Processes.run("tar", "--format=" + format, "--xattrs", "--xattrs-include=user.*", "-C", root.toString(),
                    "-cf", tarFile.toString(), "usr");
            List<Read> all = readAll(Files.newInputStream(tarFile));
            Read file = all.stream().filter(r -> r.entry().path().endsWith("x".repeat(120))).findFirst().orElseThrow();
            assertEquals("content", new String(file.content(), StandardCharsets.UTF_8), format);
            assertEquals(0750, file.entry().mode(), format);
            if (format.equals("pax")) {
                assertArrayEquals("value".getBytes(StandardCharsets.UTF_8), file.entry().xattrs().get("user.test"));
            }
            Read sym = all.stream().filter(r -> r.entry().path().equals("usr/sym")).findFirst().orElseThrow();
            assertEquals("target/" + "y".repeat(150), sym.entry().linkName(), format);
            Read hard = all.stream().filter(r -> r.entry().type() == TarEntry.Type.HARDLINK).findFirst().orElseThrow();
            assertTrue(file.entry().path().equals(hard.entry().linkName())
                    || hard.entry().path().equals(file.entry().path()), format);
        }
    }

    @Test
    void escapeShowsBytes() {
        assertEquals("a\\\\b\\x0a\\x22", TarReader.escape("a\\b\n\"".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream unused = new ByteArrayOutputStream();
        assertEquals(0, unused.size());
    }

    @Test
    void positionIsWhereEachMembersContentStartsInTheArchive() throws IOException {
        byte[] big = new byte[20_000];
        Arrays.fill(big, (byte) 'b');
        byte[] tar = new TarBuilder().gnuLongNames().file("small", 0644, "tiny")
                .file("d/" + "long-name-".repeat(20), 0644, big).file("after", 0644, "last").finish();
        // A buffer smaller than the big member: its content is skipped, not read, and still counted.
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar), 4096)) {
            for (String expected : List.of("tiny", "b".repeat(big.length), "last")) {
                TarEntry e = r.next();
                int at = (int) r.position();
                assertEquals(expected, new String(tar, at, (int) e.size(), StandardCharsets.US_ASCII), e.path());
            }
            assertNull(r.next());
        }
    }
}
