package dev.bootcj.bench;

import dev.bootcj.GLibException;
import dev.bootcj.imports.ImportRules;
import dev.bootcj.imports.LayerImporter;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole layer (generated, in memory) imported into a fresh repository under {@code /var/tmp} per
 * invocation: tar parsing, libostree object writes, tree building and the transaction commit (its syncfs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LayerImportBenchmark {
    /** "files x bytes". */
    @Param({"20000x2048", "8x8388608"})
    public String shape;

    @Param({"bare", "bare-user"})
    public String mode;

    private byte[] tar;
    private Path dir;
    private OstreeRepo repo;

    @Setup(Level.Trial)
    public void layer() {
        String[] p = shape.split("x");
        tar = GeneratedLayers.layer(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 2);
    }

    @Setup(Level.Invocation)
    public void repo() throws IOException, GLibException {
        dir = Files.createTempDirectory(Path.of("/var/tmp"), "bootcj-bench");
        repo = OstreeRepo.create(dir.resolve("repo"), mode.equals("bare") ? RepoMode.BARE : RepoMode.BARE_USER);
    }

    @TearDown(Level.Invocation)
    public void cleanup() throws IOException {
        repo.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public String importLayer() throws Exception {
        return new LayerImporter(repo, ImportRules.PLAIN_IMAGE)
                .importLayer("sha256:" + "0".repeat(64), new ByteArrayInputStream(tar), () -> { }).commit();
    }
}
