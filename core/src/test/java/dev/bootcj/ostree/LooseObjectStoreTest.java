package dev.bootcj.ostree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.testing.OstreeCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our loose-object writer against libostree's own writes (the oracle) and the reference's test vectors. */
class LooseObjectStoreTest {
    @Test
    void contentChecksumsMatchTheReferenceVectors() {
        byte[] h = LooseObjectStore.fileHeader(0, 0, 0100644, "", Xattrs.EMPTY);
        assertEquals("0000000000000000000081a4000000000011", HexFormat.of().formatHex(h));
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b",
                LooseObjectStore.contentChecksum(h, hello, hello.length));
        byte[] link = LooseObjectStore.fileHeader(0, 0, 0120777, "a.txt", Xattrs.EMPTY);
        assertEquals("00000000000000000000a1ff00000000612e7478740016", HexFormat.of().formatHex(link));
        assertEquals("f379a4b359f3e8deb971eef3e40a492fec37696c0169a600789f0bc62c43b535",
                LooseObjectStore.contentChecksum(link, new byte[0], 0));
    }

    /** The same objects written by libostree and by us: same checksums, same files in objects/, fsck clean. */
    @ParameterizedTest
    @EnumSource(value = RepoMode.class, names = {"BARE", "BARE_USER"})
    void writesWhatLibostreeWrites(RepoMode mode, @TempDir Path dir) throws Exception {
        List<String> theirs = writeAll(dir.resolve("libostree"), mode, false);
        List<String> ours = writeAll(dir.resolve("ours"), mode, true);
        assertEquals(theirs, ours);
        Map<String, String> theirFiles = objectFiles(dir.resolve("libostree"));
        Map<String, String> ourFiles = objectFiles(dir.resolve("ours"));
        assertEquals(theirFiles, ourFiles);
        OstreeCli.fsck(dir.resolve("ours"));
    }

    /** More than 128 MiB of new content starts a background syncfs; the objects and the final sync are unaffected. */
    @Test
    void largeImportsFlushInTheBackground(@TempDir Path dir) throws Exception {
        long size = 48L << 20;
        List<String> written = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (OstreeRepo repo = OstreeRepo.create(dir.resolve("repo"), RepoMode.BARE);
                RepoTransaction tx = repo.beginTransaction();
                LooseObjectStore store = LooseObjectStore.open(tx)) {
            try (ObjectSink w = store.newWriter()) {
                for (int seed = 1; seed <= 3; seed++) {
                    written.add(w.writeFile(0, 0, 0644, Xattrs.EMPTY, size, generated(seed, size)::read));
                    byte[] data = generated(seed, size).readAllBytes();
                    expected.add(LooseObjectStore.contentChecksum(
                            LooseObjectStore.fileHeader(0, 0, 0100644, "", Xattrs.EMPTY), data, data.length));
                }
            }
            store.sync();
            assertTrue(store.backgroundFlushes() >= 1, "no background flush after " + 3 * size + " bytes");
        }
        assertEquals(expected, written);
        assertEquals(3, written.stream().distinct().count(), "the three files must differ");
        for (String checksum : written) {
            Path object = dir.resolve("repo/objects/" + checksum.substring(0, 2) + "/" + checksum.substring(2) + ".file");
            assertEquals(size, Files.size(object));
        }
    }

    /** {@code size} deterministic bytes that differ by {@code seed}. */
    private static InputStream generated(int seed, long size) {
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                return pos < size ? (int) ((pos++ * 2654435761L ^ seed * 0x9E3779B97F4A7C15L) >>> 7) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((pos++ * 2654435761L ^ seed * 0x9E3779B97F4A7C15L) >>> 7);
                }
                return n;
            }
        };
    }

    private static List<String> writeAll(Path repoPath, RepoMode mode, boolean loose) throws Exception {
        byte[] big = new byte[ObjectSink.BUFFER_SIZE * 3 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / 7);
        }
        Map<String, byte[]> attrs = new LinkedHashMap<>();
        attrs.put("user.b", "2".getBytes(StandardCharsets.UTF_8));
        attrs.put("user.a", "1".getBytes(StandardCharsets.UTF_8));
        Xattrs xattrs = Xattrs.of(attrs);
        List<String> out = new ArrayList<>();
        try (OstreeRepo repo = OstreeRepo.create(repoPath, mode);
                RepoTransaction tx = repo.beginTransaction();
                LooseObjectStore store = loose ? LooseObjectStore.open(tx) : null) {
            TreeMap<String, String> files = new TreeMap<>(DirTree.NAME_ORDER);
            String meta;
            try (ObjectSink w = loose ? store.newWriter() : tx.newWriter()) {
                byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
                files.put("hello", w.writeFile(0, 0, 0644, Xattrs.EMPTY, hello, hello.length));
                files.put("owned", w.writeFile(1000, 100, 0640, Xattrs.EMPTY, hello, hello.length));
                files.put("setuid", w.writeFile(0, 0, 04755, Xattrs.EMPTY, hello, hello.length));
                files.put("empty", w.writeFile(0, 0, 0600, Xattrs.EMPTY, new byte[0], 0));
                files.put("xattrs", w.writeFile(0, 0, 0644, xattrs, hello, hello.length));
                ByteArrayInputStream in = new ByteArrayInputStream(big);
                files.put("big", w.writeFile(0, 0, 0755, Xattrs.EMPTY, big.length, in::read));
                files.put("link", w.writeSymlink(0, 0, Xattrs.EMPTY, "hello"));
                files.put("owned-link", w.writeSymlink(5, 6, Xattrs.EMPTY, "../some/where"));
                files.put("dup", w.writeFile(0, 0, 0644, Xattrs.EMPTY, hello, hello.length));
                meta = w.writeDirMeta(DirMeta.of(0, 0, 0755, Xattrs.EMPTY));
                String tree = w.writeDirTree(new DirTree(files, new TreeMap<>(DirTree.NAME_ORDER)));
                out.addAll(files.values());
                out.add(meta);
                out.add(tree);
            }
            if (store != null) {
                store.sync();
            }
            String commit = tx.writeCommit(out.get(out.size() - 1), meta, Map.of(), 0);
            tx.setRef("test", commit);
            tx.commit();
        }
        return out;
    }

    /** objects/ file name to a description of the file: type, mode, owner, mtime, xattrs, content digest. */
    private static Map<String, String> objectFiles(Path repo) throws IOException {
        Map<String, String> result = new TreeMap<>();
        Path objects = repo.resolve("objects");
        try (Stream<Path> walk = Files.walk(objects)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = objects.relativize(p).toString();
                if (name.endsWith(".commit")) {
                    continue; // the commit differs only by what libostree alone writes
                }
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime",
                        LinkOption.NOFOLLOW_LINKS);
                StringBuilder d = new StringBuilder();
                d.append(Integer.toOctalString((Integer) a.get("mode"))).append(' ').append(a.get("uid")).append(':')
                        .append(a.get("gid"));
                boolean link = Files.isSymbolicLink(p);
                if (link) {
                    d.append(" -> ").append(Files.readSymbolicLink(p));
                } else {
                    if (name.endsWith(".file")) {
                        // content objects get mtime 0; metadata objects keep their write time
                        d.append(" mtime ").append(a.get("lastModifiedTime"));
                    }
                    d.append(' ').append(Checksums.sha256Hex(Files.readAllBytes(p)));
                    UserDefinedFileAttributeView view = Files.getFileAttributeView(p,
                            UserDefinedFileAttributeView.class);
                    for (String x : view.list().stream().sorted().toList()) {
                        ByteBuffer buf = ByteBuffer.allocate(view.size(x));
                        view.read(x, buf);
                        d.append(" user.").append(x).append('=').append(HexFormat.of().formatHex(buf.array()));
                    }
                }
                result.put(name, d.toString());
            }
        }
        return result;
    }
}
