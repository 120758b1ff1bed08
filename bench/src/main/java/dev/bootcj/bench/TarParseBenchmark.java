package dev.bootcj.bench;

import dev.bootcj.tar.TarEntry;
import dev.bootcj.tar.TarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Tar parsing alone: every member read to its end, from memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TarParseBenchmark {
    /** "files x bytes". */
    @Param({"20000x2048", "8x8388608"})
    public String shape;

    private byte[] tar;

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        tar = GeneratedLayers.layer(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 1);
    }

    @Benchmark
    public long parse() throws IOException {
        long total = 0;
        byte[] buf = new byte[128 * 1024];
        try (TarReader r = new TarReader(new ByteArrayInputStream(tar))) {
            for (TarEntry e; (e = r.next()) != null; ) {
                for (int n; (n = r.read(buf, 0, buf.length)) > 0; ) {
                    total += n;
                }
            }
        }
        return total;
    }
}
