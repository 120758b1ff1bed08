package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.shell.Tmux;
import dev.bootcj.testing.Fixtures;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bootc status} through the packaged launcher, against a real offline sysroot. */
class StatusCliTest {
    @TempDir
    static Path tmp;
    static SysrootFixture sysroot;
    static Map<String, String> vars;

    @BeforeAll
    static void sysroot() throws Exception {
        sysroot = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = sysroot.deployTwoImages();
        vars = Map.of("A", c[0], "B", c[1]);
    }

    static String fixture(String name) {
        return Fixtures.loadResource("dev/bootcj/status/" + name, vars);
    }

    Tools.Result status(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "status";
        all[1] = "--sysroot";
        all[2] = sysroot.root().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return BootcProcess.run(all);
    }

    @Test
    void allThreeFormats() {
        Tools.Result yaml = status("--format", "yaml");
        assertEquals(0, yaml.exitCode(), yaml.stderr());
        assertEquals(fixture("host-two-images.yaml"), yaml.stdout());
        assertEquals("", yaml.stderr());
        assertEquals(fixture("host-two-images.json"), status("--format=json").stdout());
        assertEquals(fixture("host-two-images.txt"), status("--format", "humanreadable").stdout());
    }

    @Test
    void defaultsAndLegacyFlags() {
        // stdout is not a terminal here: YAML, as upstream.
        assertEquals(fixture("host-two-images.yaml"), status().stdout());
        assertEquals(fixture("host-two-images.json"), status("--json").stdout());
        assertEquals(fixture("host-two-images.yaml"), status("--format-version", "0").stdout());
        assertEquals(fixture("host-two-images.yaml"), status("--format-version=1").stdout());
        String booted = status("--booted", "--format", "humanreadable").stdout();
        assertTrue(booted.startsWith("\u25cf Booted image: oci:/var/mnt/osupdate:v2\n"), booted);
        assertFalse(booted.contains("Rollback"), booted);
    }

    @Test
    void startsFromTheStatusAotCachesWithoutTheNativeLayer() throws Exception {
        Path lib = BootcProcess.launcher().getParent().resolveSibling("lib");
        assumeTrue(Files.exists(lib.resolve("status-human.aot")), "no AOT cache (built only with JDK 25+)");
        // The launcher picks the cache by format: human-readable (also help) or YAML and JSON.
        for (List<String> run : List.of(List.of("yaml", "status-machine.aot", "host-two-images.yaml"),
                List.of("json", "status-machine.aot", "host-two-images.json"),
                List.of("humanreadable", "status-human.aot", "host-two-images.txt"))) {
            Path log = tmp.resolve("class-load-" + run.get(0) + ".txt");
            Tools.Result r = Tools.exec(null, Map.of("OSTREE_SYSROOT_DEBUG", "mutable-deployments",
                    "BOOTC_JAVA_OPTS", "-Xlog:aot=info,class+load=info,class+init=info:file=" + log), List.of(
                    BootcProcess.launcher().toString(), "status", "--sysroot", sysroot.root().toString(),
                    "--format", run.get(0)), null);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(fixture(run.get(2)), r.stdout());
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.stream().anyMatch(l -> l.contains("Opened AOT cache " + lib.resolve(run.get(1)))),
                    run + ": not from " + run.get(1));
            List<String> loaded = lines.stream().filter(l -> l.contains(" source: ")).toList();
            // Every class, the JDK's and ours, comes from the cache: one that does not costs a jar or jimage read.
            List<String> outsideCache = loaded.stream().filter(l -> !l.contains("source: shared objects file"))
                    .toList();
            assertEquals(List.of(), outsideCache, run + ": classes loaded outside the AOT cache");
            List<String> unwanted = loaded.stream().filter(l -> l.contains("dev.bootcj.ostree.")
                    || (l.contains("dev.bootcj.glib.") && !l.contains("dev.bootcj.glib.GVariantCodec"))
                    || l.contains("dev.bootcj.sys.")
                    || l.contains("jackson.databind.") || l.contains("org.slf4j.")
                    || l.contains("jdk.internal.foreign.abi.DowncallStub")).toList();
            // Of glib, only the pure-Java GVariant codec (no native library behind it).
            assertEquals(List.of(), unwanted, "status must not load the native layer, databind or SLF4J");
            // Loaded (for verification) is fine; initialised is 20 ms: BigDecimal's initialiser computes 5^65536.
            List<String> slow = lines.stream().filter(l -> l.contains("Initializing 'java/math/BigDecimal'")
                    || l.contains("Initializing 'com/fasterxml/jackson/core/base/ParserMinimalBase'")).toList();
            assertEquals(List.of(), slow, "status must not initialise BigDecimal (jackson-core's parser does)");
        }
    }

    /** A base image's configuration (~15 KB): every class from the caches, and no BigDecimal set-up either. */
    @Test
    void largeConfigurationsStartFromTheCachesToo() throws Exception {
        Path lib = BootcProcess.launcher().getParent().resolveSibling("lib");
        assumeTrue(Files.exists(lib.resolve("status-human.aot")), "no AOT cache (built only with JDK 25+)");
        SysrootFixture large = SysrootFixture.create(tmp.resolve("large"), "testos");
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            history.append(i == 0 ? "" : ",").append("{\"created\":\"2024-05-01T10:00:00Z\",\"created_by\":"
                    + "\"rpm-ostree chunk ").append(i).append(": kernel glibc systemd bash\",\"comment\":\"layer\"}");
        }
        Map<String, String> metadata = new java.util.LinkedHashMap<>(SysrootFixture.imageMetadata(
                SysrootFixture.DIGEST_1, null, null));
        metadata.put("ostree.container.image-config", "{\"created\":\"2024-05-01T10:00:00Z\",\"config\":{"
                + "\"Labels\":{\"org.opencontainers.image.version\":\"41.1\"}},\"history\":[" + history + "]}");
        large.deploy(large.commit("test/large", metadata, Map.of()),
                "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n");
        for (String format : List.of("humanreadable", "yaml")) {
            Path log = tmp.resolve("large-" + format + ".txt");
            Tools.Result r = Tools.exec(null, Map.of("OSTREE_SYSROOT_DEBUG", "mutable-deployments",
                    "BOOTC_JAVA_OPTS", "-Xlog:class+load=info,class+init=info:file=" + log), List.of(
                    BootcProcess.launcher().toString(), "status", "--sysroot", large.root().toString(), "--format",
                    format), null);
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("41.1") && r.stdout().contains("2024-05-01"), r.stdout());
            List<String> lines = Files.readAllLines(log);
            List<String> outsideCache = lines.stream().filter(l -> l.contains(" source: ")
                    && !l.contains("source: shared objects file")).toList();
            assertEquals(List.of(), outsideCache, format + ": classes loaded outside the AOT cache");
            List<String> slow = lines.stream().filter(l -> l.contains("Initializing 'java/math/BigDecimal'")).toList();
            assertEquals(List.of(), slow, format + ": status must not initialise BigDecimal");
        }
    }

    @Test
    void humanReadableOnATerminal() throws Exception {
        // The launcher asks the shell whether stdout is a terminal ([ -t 1 ]) and tells the JVM.
        String cmd = "env OSTREE_SYSROOT_DEBUG=mutable-deployments " + BootcProcess.launcher() + " status --sysroot "
                + sysroot.root() + "; echo STATUS-EXIT=$?; sleep 600";
        try (Tmux tmux = Tmux.start("bootcj-status-tty", cmd, 150, 40)) {
            String screen = tmux.await(s -> s.contains("STATUS-EXIT="), "status to finish");
            assertTrue(screen.contains("STATUS-EXIT=0"), screen);
            assertTrue(screen.contains("\u25cf Booted image: oci:/var/mnt/osupdate:v2"), screen);
            assertFalse(screen.contains("apiVersion"), screen);
        }
    }

    @Test
    void runningSystemThatIsNotOstreeBootedIsTheNullDocument() {
        assumeFalse(Files.exists(Path.of("/run/ostree-booted")), "this machine is ostree-booted");
        Tools.Result r = BootcProcess.run("status", "--format", "json");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(Fixtures.loadResource("dev/bootcj/status/host-null.json", Map.of()), r.stdout());
        assertEquals("System is not deployed via bootc.\n", BootcProcess.run("status", "--format", "humanreadable").stdout());
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        Tools.Result missing = BootcProcess.run("status", "--sysroot", tmp.resolve("nope").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("error: " + tmp.resolve("nope") + " is not an ostree sysroot: no such directory\n", missing.stderr());
        assertEquals("", missing.stdout());

        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Tools.Result notSysroot = BootcProcess.run("status", "--sysroot", plain.toString());
        assertEquals(1, notSysroot.exitCode());
        assertEquals("error: " + plain + " is not an ostree sysroot: no ostree/repo and ostree/deploy in it\n",
                notSysroot.stderr());

        Tools.Result version = status("--format-version", "2");
        assertEquals(1, version.exitCode());
        assertEquals("error: Unsupported format version: 2\n", version.stderr());

        Tools.Result format = status("--format", "toml");
        assertEquals(2, format.exitCode());
        assertTrue(format.stderr().startsWith("error: invalid value 'toml' for '--format <FORMAT>'"), format.stderr());
        assertTrue(format.stderr().contains("Usage: bootc status [OPTIONS]"), format.stderr());

        Tools.Result nan = status("--format-version", "one");
        assertEquals(2, nan.exitCode());

        Tools.Result typo = status("--formt", "json");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.stderr().startsWith("error: unexpected argument '--formt'; did you mean '--format'?"), typo.stderr());
    }

    @Test
    void corruptOriginIsNamedWithoutAStackTrace() throws Exception {
        SysrootFixture broken = SysrootFixture.create(tmp.resolve("broken"), "testos");
        String[] c = broken.deployTwoImages();
        Files.writeString(broken.originFile(c[1], 0), "[origin\ncontainer-image-reference=x\n");
        Tools.Result r = BootcProcess.run("status", "--sysroot", broken.root().toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("error: "), r.stderr());
    }
}
