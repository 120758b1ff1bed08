package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.spec.Host;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status read in a fresh JVM ({@code -Xlog:class+load}) loads no class of the native layer ({@code sys},
 * {@code glib}, {@code ostree}; of {@code glib} only its pure-Java {@code GVariantCodec}), no FFM linkage, no
 * Jackson databind and no SLF4J: what makes it start fast.
 */
class StatusClassLoadingTest {
    // The VM itself loads four classes of jdk.internal.foreign.abi at start-up (its well-known classes); linking a
    // downcall would load the linker and spin stubs.
    static final Pattern FORBIDDEN = Pattern.compile("\\] (dev\\.bootcj\\.(sys\\.|ostree\\.|glib\\.(?!GVariantCodec[ $]))"
            + "|jdk\\.internal\\.foreign\\.abi\\.(?!(NativeEntryPoint|ABIDescriptor|VMStorage|UpcallLinker\\$CallRegs) )"
            + "|java\\.lang\\.foreign\\.Linker|com\\.fasterxml\\.jackson\\.databind\\.|org\\.slf4j\\.)");

    @TempDir
    Path tmp;

    /** Reads the status of {@code args[0]} and prints the booted checksum and rollback serial. */
    public static void main(String[] args) throws Exception {
        Host host = HostStatusReader.read(Path.of(args[0]), () -> { });
        System.out.println("booted " + host.status().booted().ostree().checksum() + " rollback "
                + host.status().rollback().ostree().deploySerial());
    }

    @Test
    void aStatusReadLoadsNoNativeLayerNorDatabind() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = s.deployTwoImages();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                StatusClassLoadingTest.class.getName(), s.root().toString());
        String out = Tools.exec(null, Map.of(), cmd).check(cmd).stdout();
        assertTrue(out.contains("booted " + c[1] + " rollback 0"), out);
        assertTrue(out.contains("] dev.bootcj.status.OnDiskSysroot "), "the probe ran the file reader");
        List<String> forbidden = out.lines().filter(l -> FORBIDDEN.matcher(l).find()).toList();
        assertEquals(List.of(), forbidden);
    }
}
