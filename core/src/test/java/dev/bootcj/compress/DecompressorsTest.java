package dev.bootcj.compress;

import dev.bootcj.oci.Compression;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecompressorsTest {

    static byte[] sample(int size) {
        byte[] data = new byte[size];
        Random r = new Random(42);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (r.nextInt(16) + 'a'); // compressible, not trivially
        }
        return data;
    }

    static byte[] zstd(Path dir, byte[] data, String... args) throws Exception {
        Path in = dir.resolve("in");
        Files.write(in, data);
        Path out = dir.resolve("in.zst");
        Files.deleteIfExists(out);
        String[] cmd = new String[args.length + 5];
        cmd[0] = "zstd";
        cmd[1] = "-q";
        System.arraycopy(args, 0, cmd, 2, args.length);
        cmd[args.length + 2] = in.toString();
        cmd[args.length + 3] = "-o";
        cmd[args.length + 4] = out.toString();
        Processes.run(cmd);
        return Files.readAllBytes(out);
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void zstdDecodesWhatTheZstdToolWrites(@TempDir Path dir) throws Exception {
        byte[] data = sample(3_000_000);
        byte[] compressed = zstd(dir, data, "-3");
        assertArrayEquals(data, readAll(Decompressors.decompress(new ByteArrayInputStream(compressed),
                Compression.ZSTD)));
    }

    @Test
    void zstdConcatenatedFramesDecodeAsOneStream(@TempDir Path dir) throws Exception {
        byte[] a = sample(200_000);
        byte[] b = "tail".getBytes();
        byte[] za = zstd(dir, a);
        byte[] zb = zstd(dir, b);
        byte[] both = Arrays.copyOf(za, za.length + zb.length);
        System.arraycopy(zb, 0, both, za.length, zb.length);
        byte[] expected = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        assertArrayEquals(expected, readAll(new ZstdInputStream(new ByteArrayInputStream(both))));
    }

    @Test
    void zstdTruncatedAndCorruptInputFail(@TempDir Path dir) throws Exception {
        byte[] compressed = zstd(dir, sample(500_000));
        byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
        EOFException eof = assertThrows(EOFException.class, () -> readAll(new ZstdInputStream(
                new ByteArrayInputStream(cut))));
        assertEquals("zstd stream truncated: input ended inside a frame", eof.getMessage());
        byte[] garbage = "this is not zstd at all".getBytes();
        IOException e = assertThrows(IOException.class, () -> readAll(new ZstdInputStream(
                new ByteArrayInputStream(garbage))));
        assertTrue(e.getMessage().startsWith("zstd: ZSTD_decompressStream failed: "), e.getMessage());
        assertThrows(EOFException.class, () -> readAll(new ZstdInputStream(new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    void gzipAndNone() throws IOException {
        byte[] data = sample(100_000);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        assertArrayEquals(data, readAll(Decompressors.decompress(new ByteArrayInputStream(bos.toByteArray()),
                Compression.GZIP)));
        assertArrayEquals(data, readAll(Decompressors.decompress(new ByteArrayInputStream(data), Compression.NONE)));
        assertEquals(Compression.GZIP, Compression.sniff(bos.toByteArray(), 2));
    }

    @Test
    void mediaTypes() {
        assertEquals(Optional.of(Compression.ZSTD), dev.bootcj.oci.MediaType.layerCompression("application/vnd.oci.image.layer.v1.tar+zstd"));
        assertEquals(Optional.of(Compression.GZIP),
                dev.bootcj.oci.MediaType.layerCompression("application/vnd.docker.image.rootfs.diff.tar.gzip"));
        assertEquals(Optional.of(Compression.NONE), dev.bootcj.oci.MediaType.layerCompression("application/vnd.oci.image.layer.v1.tar"));
        assertEquals(Optional.empty(), dev.bootcj.oci.MediaType.layerCompression("application/vnd.oci.image.config.v1+json"));
    }

    /** The struct layouts against the C compiler's view of zstd.h. */
    @Test
    void bufferStructLayoutsMatchTheHeader(@TempDir Path dir) throws Exception {
        Path c = Files.writeString(dir.resolve("l.c"), """
                #include <stdio.h>
                #include <stddef.h>
                #include <zstd.h>
                int main(void) {
                  printf("%zu %zu %zu %zu %zu %zu\\n", sizeof(ZSTD_inBuffer), offsetof(ZSTD_inBuffer, size),
                         offsetof(ZSTD_inBuffer, pos), sizeof(ZSTD_outBuffer), offsetof(ZSTD_outBuffer, size),
                         offsetof(ZSTD_outBuffer, pos));
                  return 0;
                }
                """);
        Processes.run("gcc", "-o", dir.resolve("l").toString(), c.toString());
        String expected = ZstdInputStream.IN_BUFFER.byteSize() + " "
                + ZstdInputStream.IN_BUFFER.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("size"))
                + " " + ZstdInputStream.IN_BUFFER.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("pos"))
                + " " + ZstdInputStream.OUT_BUFFER.byteSize() + " "
                + ZstdInputStream.OUT_BUFFER.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("size"))
                + " " + ZstdInputStream.OUT_BUFFER.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("pos"));
        assertEquals(expected, Processes.run(dir.resolve("l").toString()).strip());
    }
}
