package dev.bootcj.bench;

import dev.bootcj.blob.VerifyingInputStream;
import dev.bootcj.compress.Decompressors;
import dev.bootcj.imports.ImageMerger;
import dev.bootcj.imports.ImportRules;
import dev.bootcj.imports.LayerImporter;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.ostree.OstreeRepo;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The "second image" target of the import: {@code java -cp benchmarks.jar dev.bootcj.bench.SecondImage REPO
 * LAYER.tar.zst}. Imports image 1 (the given layer, then its merge commit), then image 2 = the same layer plus
 * a new top layer that changes one small file ({@code etc/motd}), and prints both wall times and their ratio.
 * The second pull finds the base layer present (as {@code bootc image pull} does) and imports only the new one.
 */
public final class SecondImage {
    private SecondImage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SecondImage REPO LAYER.tar.zst");
            System.exit(2);
        }
        Path layer = Path.of(args[1]);
        String baseDigest = "sha256:" + sha256(layer);
        byte[] top = oneFileTar("etc/motd", "changed by the second image\n");
        String topDigest = "sha256:" + sha256(top);
        try (OstreeRepo repo = OstreeRepo.open(Path.of(args[0]))) {
            long s1 = System.nanoTime();
            String base = pull(repo, baseDigest, () -> new BufferedInputStream(Files.newInputStream(layer), 1 << 20),
                    Files.size(layer), Compression.ZSTD);
            new ImageMerger(repo).merge(image("first", baseDigest), List.of(base));
            long t1 = System.nanoTime() - s1;

            long s2 = System.nanoTime();
            String again = pull(repo, baseDigest, () -> new BufferedInputStream(Files.newInputStream(layer), 1 << 20),
                    Files.size(layer), Compression.ZSTD);
            String added = pull(repo, topDigest, () -> new ByteArrayInputStream(top), top.length, Compression.NONE);
            new ImageMerger(repo).merge(image("second", topDigest), List.of(again, added));
            long t2 = System.nanoTime() - s2;
            System.out.printf("first image %.3f s, second image %.3f s, second/first %.4f%n", t1 / 1e9, t2 / 1e9,
                    (double) t2 / t1);
        }
    }

    private interface Opener {
        InputStream open() throws java.io.IOException;
    }

    /** A layer's commit: the existing one if its ref is there, else imported (as the pull code does). */
    private static String pull(OstreeRepo repo, String digest, Opener opener, long size, Compression c)
            throws Exception {
        LayerImporter importer = new LayerImporter(repo, ImportRules.PLAIN_IMAGE);
        var existing = importer.existing(digest);
        if (existing.isPresent()) {
            return existing.get();
        }
        VerifyingInputStream blob = new VerifyingInputStream(opener.open(),
                Descriptor.of(MediaType.OCI_LAYER, Digest.parse(digest), size));
        return importer.importLayer(digest, Decompressors.decompress(blob, c), blob::verify).commit();
    }

    private static ImageMerger.Image image(String name, String digest) {
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"config\":{\"Labels\":{\"containers.bootc\":\"1\"}}}";
        return new ImageMerger.Image("docker://localhost/bench:" + name, "sha256:" + sha256(
                (name + digest).getBytes(StandardCharsets.UTF_8)), "{}", config, Map.of());
    }

    /** A ustar archive with one regular file (0644, root) and the end-of-archive blocks. */
    private static byte[] oneFileTar(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512 + 1024]);
        return out.toByteArray();
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static String sha256(Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
