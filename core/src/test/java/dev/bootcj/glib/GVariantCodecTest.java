package dev.bootcj.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.testing.Tools;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder against bytes GLib serialized: commit objects and detached metadata written by {@code ostree
 * commit}, checked against {@code ostree show}, and {@code a{sv}} built by GLib's own {@code GVariant} API.
 */
class GVariantCodecTest {
    @TempDir
    Path tmp;

    Path repo;

    String ostree(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ostree", "--repo=" + repo));
        cmd.addAll(List.of(args));
        return Tools.exec(null, Map.of(), cmd).check(cmd).stdout();
    }

    /** Commits a one-file tree with {@code metadata} (string values) and {@code extra} flags; returns the checksum. */
    String commit(Map<String, String> strings, String... extra) throws Exception {
        if (repo == null) {
            repo = tmp.resolve("repo");
            Tools.run("ostree", "init", "--repo=" + repo, "--mode=bare-user");
            Files.createDirectories(tmp.resolve("tree"));
            Files.writeString(tmp.resolve("tree/file"), "content\n");
        }
        List<String> args = new ArrayList<>(List.of("commit", "--branch=test", "--no-bindings", "--tree=dir=" + tmp.resolve("tree")));
        strings.forEach((k, v) -> args.add("--add-metadata-string=" + k + "=" + v));
        args.addAll(List.of(extra));
        return ostree(args.toArray(String[]::new)).strip();
    }

    byte[] object(String checksum, String suffix) throws Exception {
        return Files.readAllBytes(repo.resolve("objects/" + checksum.substring(0, 2) + "/" + checksum.substring(2) + "."
                + suffix));
    }

    /** {@code ostree show --print-metadata-key}: the GVariant text of one value. */
    String shown(String checksum, String key) {
        return ostree("show", "--print-metadata-key=" + key, checksum).strip();
    }

    @Test
    void commitMetadataAtEveryOffsetWidth() throws Exception {
        // 1-byte offsets (a small dictionary), 2-byte (over 255 bytes), 4-byte (over 65535 bytes).
        for (int length : new int[] {5, 300, 70_000}) {
            Map<String, String> strings = new LinkedHashMap<>();
            strings.put("ostree.manifest-digest", "sha256:" + "a".repeat(64));
            strings.put("long", "x".repeat(length));
            strings.put("version", "1.0");
            String c = commit(strings);
            Map<String, Object> metadata = GVariantCodec.commitMetadata(object(c, "commit"));
            assertEquals(strings, metadata, "length " + length);
            for (var e : strings.entrySet()) {
                assertEquals("'" + e.getValue() + "'", shown(c, e.getKey()));
            }
        }
    }

    @Test
    void valuesOfOtherTypes() throws Exception {
        String c = commit(Map.of("s", "text"), "--add-metadata=n=uint32 42", "--add-metadata=b=true",
                "--add-metadata=l=['p', 'q']", "--add-metadata=d={'k': <'v'>, 'n': <true>}", "--add-metadata=o=objectpath '/a/b'",
                "--add-metadata=deep=<<'inner'>>", "--add-metadata=bytes=b'raw'");
        Map<String, Object> metadata = GVariantCodec.commitMetadata(object(c, "commit"));
        assertEquals("['p', 'q']", shown(c, "l"));
        assertEquals("{'k': <'v'>, 'n': <true>}", shown(c, "d"));
        assertEquals("<<'inner'>>", shown(c, "deep"));
        assertEquals("objectpath '/a/b'", shown(c, "o"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "text");
        expected.put("l", List.of("p", "q"));
        expected.put("d", Map.of("k", "v")); // 'n' is a boolean: not a type status reads
        expected.put("o", "/a/b");
        expected.put("deep", "inner");
        assertEquals(expected, metadata);
        assertFalse(metadata.containsKey("n") || metadata.containsKey("b") || metadata.containsKey("bytes"));
    }

    @Test
    void detachedMetadata() throws Exception {
        String c = commit(Map.of(), "--add-detached-metadata-string=ostree-ext.cached.manifest-digest=sha256:" + "b".repeat(64),
                "--add-detached-metadata-string=ostree-ext.cached.config=" + "{\"a\":1}".repeat(50));
        Map<String, Object> detached = GVariantCodec.vardict(object(c, "commitmeta"));
        assertEquals(Map.of("ostree-ext.cached.manifest-digest", "sha256:" + "b".repeat(64),
                "ostree-ext.cached.config", "{\"a\":1}".repeat(50)), detached);
        assertEquals("'sha256:" + "b".repeat(64) + "'",
                ostree("show", "--print-detached-metadata-key=ostree-ext.cached.manifest-digest", c).strip());
        assertEquals(Map.of(), GVariantCodec.commitMetadata(object(c, "commit")));
    }

    @Test
    void aStagedDeploymentRecordSerializedByGLib() throws Exception {
        Map<String, Object> target = Map.of("name", "ab12.3", "osname", "default", "bootcsum", "c".repeat(64));
        MemorySegment v = Variants.sink(Variants.vardict(Map.of("target", target, "flag", true, "n", 5)));
        byte[] bytes;
        try {
            bytes = Variants.bytes(v);
        } finally {
            Variants.unref(v);
        }
        assertEquals(Map.of("target", target), GVariantCodec.vardict(bytes));
        assertEquals(Map.of(), GVariantCodec.vardict(new byte[0]));
    }

    @Test
    void damagedBytesAreMalformedNeverAnotherFailure() throws Exception {
        String c = commit(Map.of("ostree.manifest-digest", "sha256:" + "a".repeat(64), "version", "1"));
        byte[] good = object(c, "commit");
        int malformed = 0;
        for (int n = 0; n < good.length; n++) {
            malformed += decodes(java.util.Arrays.copyOf(good, n)) ? 0 : 1;
            for (byte b : new byte[] {0, (byte) 0xff, 0x7f}) {
                byte[] bad = good.clone();
                bad[n] = b;
                malformed += decodes(bad) ? 0 : 1;
            }
        }
        assertFalse(malformed == 0);
        assertThrows(GVariantCodec.Malformed.class, () -> GVariantCodec.commitMetadata(new byte[10]));
    }

    /** True if the bytes decode, false if they are {@link GVariantCodec.Malformed}; anything else fails. */
    static boolean decodes(byte[] data) {
        try {
            GVariantCodec.commitMetadata(data);
            GVariantCodec.vardict(data);
            return true;
        } catch (GVariantCodec.Malformed e) {
            return false;
        }
    }
}
