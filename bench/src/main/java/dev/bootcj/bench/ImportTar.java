package dev.bootcj.bench;

import dev.bootcj.blob.VerifyingInputStream;
import dev.bootcj.compress.Decompressors;
import dev.bootcj.imports.ImportRules;
import dev.bootcj.imports.LayerImporter;
import dev.bootcj.oci.Compression;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.ostree.OstreeRepo;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Imports one layer file into an existing repository, as {@code bench/import-vs-ostree.sh} drives it:
 * {@code java -cp benchmarks.jar dev.bootcj.bench.ImportTar REPO LAYER [none|gzip|zstd]}. The layer's
 * sha256 is computed first (outside the timed import) so the import verifies the blob as a pull would; the
 * environment variable {@code LAYER_DIGEST} gives it instead. More {@code REPO LAYER COMPRESSION} triples import
 * more layers one after the other in the same JVM (the benchmark's AOT training run); each digest is then
 * computed.
 */
public final class ImportTar {
    private ImportTar() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || (args.length > 3 && args.length % 3 != 0)) {
            System.err.println("usage: ImportTar REPO LAYER [none|gzip|zstd] [REPO LAYER none|gzip|zstd]...");
            System.exit(2);
        }
        if (args.length <= 3) {
            Compression c = args.length > 2 ? compression(args[2]) : Compression.NONE;
            importLayer(Path.of(args[0]), Path.of(args[1]), c, System.getenv("LAYER_DIGEST"));
            return;
        }
        for (int i = 0; i < args.length; i += 3) {
            importLayer(Path.of(args[i]), Path.of(args[i + 1]), compression(args[i + 2]), null);
        }
    }

    private static Compression compression(String name) {
        return Compression.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static void importLayer(Path repoPath, Path layer, Compression c, String digest) throws Exception {
        if (digest == null) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(layer)) {
                byte[] buf = new byte[1 << 20];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            digest = "sha256:" + HexFormat.of().formatHex(md.digest());
        }
        long start = System.nanoTime();
        try (OstreeRepo repo = OstreeRepo.open(repoPath)) {
            VerifyingInputStream blob = new VerifyingInputStream(new BufferedInputStream(Files.newInputStream(layer),
                    1 << 20), Descriptor.of(MediaType.OCI_LAYER, Digest.parse(digest), Files.size(layer)));
            LayerImporter.Result r = new LayerImporter(repo, ImportRules.PLAIN_IMAGE)
                    .importLayer(digest, Decompressors.decompress(blob, c), blob::verify);
            System.out.printf("%s %d files %d dirs %.3f s%n", r.commit(), r.files(), r.directories(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
