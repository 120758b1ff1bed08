package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootcj.shell.BootcProcess;
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
    void startsFromTheStatusAotCacheWithoutTheNativeLayer() throws Exception {
        Path lib = BootcProcess.launcher().getParent().resolveSibling("lib");
        assumeTrue(Files.exists(lib.resolve("status.aot")), "no AOT cache (built only with JDK 25+)");
        Path log = tmp.resolve("class-load.txt");
        Tools.Result r = Tools.exec(null, Map.of("OSTREE_SYSROOT_DEBUG", "mutable-deployments",
                "BOOTC_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), List.of(BootcProcess.launcher().toString(),
                "status", "--sysroot", sysroot.root().toString(), "--format", "yaml"), null);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(fixture("host-two-images.yaml"), r.stdout());
        List<String> loaded = Files.readAllLines(log).stream().filter(l -> l.contains(" source: ")).toList();
        List<String> outsideCache = loaded.stream().filter(l -> !l.contains("source: shared objects file")).toList();
        // A handful of JDK classes the cache cannot hold; everything else, ours included, comes from the cache.
        assertTrue(outsideCache.size() <= 10, "classes loaded outside the AOT cache: " + outsideCache);
        List<String> unwanted = loaded.stream().filter(l -> l.contains("dev.bootcj.ostree.")
                || l.contains("dev.bootcj.glib.") || l.contains("dev.bootcj.sys.")
                || l.contains("jackson.databind.") || l.contains("org.slf4j.")
                || l.contains("jdk.internal.foreign.abi.DowncallStub")).toList();
        assertEquals(List.of(), unwanted, "status must not load the native layer, databind or SLF4J");
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
