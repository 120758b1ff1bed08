package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.SysrootException;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.testing.Fixtures;
import dev.bootcj.testing.SysrootFixture;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status of real sysroots built with the ostree CLI, compared with this project's fixture files. */
class HostStatusReaderTest {
    static final String DIGEST_1 = SysrootFixture.DIGEST_1;

    @TempDir
    Path tmp;

    static String[] twoImages(SysrootFixture s) throws Exception {
        return s.deployTwoImages();
    }

    @Test
    void twoImageDeploymentsInAllFormats() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = twoImages(s);
        Map<String, String> vars = Map.of("A", c[0], "B", c[1]);

        Host host = HostStatusReader.read(s.root(), () -> { });

        assertEquals(Fixtures.load(getClass(), "host-two-images.yaml", vars), render(host, StatusFormat.YAML));
        assertEquals(Fixtures.load(getClass(), "host-two-images.json", vars), render(host, StatusFormat.JSON));
        assertEquals(Fixtures.load(getClass(), "host-two-images.txt", vars), render(host, StatusFormat.HUMANREADABLE));
        // The oracle agrees on order: the default deployment is B, then A (pinned).
        String oracle = s.adminStatus();
        assertTrue(oracle.indexOf(c[1]) < oracle.indexOf(c[0]), oracle);
        assertTrue(oracle.contains("(pinned)") || oracle.contains("Pinned: yes"), oracle);
    }

    @Test
    void nonContainerOriginShowsOstreeCommit() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String a = s.commit("test/v1", SysrootFixture.imageMetadata(DIGEST_1, null, "2024-05-01T10:00:00Z"), Map.of());
        String c = s.commit("test/plain", Map.of("version", "42"), Map.of());
        s.deploy(a, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n");
        s.deploy(c, null);
        Map<String, String> vars = Map.of("A", a, "C", c);

        Host host = HostStatusReader.read(s.root(), () -> { });

        assertEquals(Fixtures.load(getClass(), "host-ostree-only.yaml", vars), render(host, StatusFormat.YAML));
        assertEquals(Fixtures.load(getClass(), "host-ostree-only.txt", vars), render(host, StatusFormat.HUMANREADABLE));
    }

    @Test
    void sysrootWithoutDeploymentsIsTheNullDocument() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        Host host = HostStatusReader.read(s.root(), () -> { });
        assertEquals(Fixtures.load(getClass(), "host-null.json", Map.of()), render(host, StatusFormat.JSON));
        assertEquals("System is not deployed via bootc.\n", render(host, StatusFormat.HUMANREADABLE));
    }

    @Test
    void corruptOriginIsNamed() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        String[] c = twoImages(s);
        Files.writeString(s.originFile(c[1], 0), "[origin]\ncontainer-image-reference=ostree-bogus:foo\n");
        SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
        assertTrue(e.getMessage().contains(c[1] + ".0") && e.getMessage().contains("ostree-bogus"), e.getMessage());
    }

    /** A commit whose image configuration is not JSON: one line naming the deployment, the problem and the place. */
    @Test
    void corruptImageConfigurationIsNamed() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        Map<String, String> metadata = new java.util.LinkedHashMap<>(SysrootFixture.imageMetadata(DIGEST_1, "1.0",
                null));
        metadata.put("ostree.container.image-config", "{\"config\":{\"Labels\":{'version':\"1\"}}}");
        String a = s.commit("test/v1", metadata, Map.of());
        s.deploy(a, "[origin]\ncontainer-image-reference=ostree-unverified-registry:quay.io/example/os:v1\n");
        SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(s.root(), () -> { }));
        assertTrue(e.getMessage().contains("unreadable image configuration: malformed JSON at line 1 column 23 "
                + "path $.config.Labels"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void notASysroot() throws Exception {
        SysrootException e = assertThrows(SysrootException.class, () -> HostStatusReader.read(tmp, () -> { }));
        assertEquals(tmp + " is not an ostree sysroot: no ostree/repo and ostree/deploy in it", e.getMessage());
        e = assertThrows(SysrootException.class, () -> HostStatusReader.read(tmp.resolve("missing"), () -> { }));
        assertTrue(e.getMessage().endsWith("no such directory"), e.getMessage());
    }

    @Test
    void renderedDocumentsParseBack() throws Exception {
        SysrootFixture s = SysrootFixture.create(tmp.resolve("sysroot"), "testos");
        twoImages(s);
        Host host = HostStatusReader.read(s.root(), () -> { });
        assertEquals(host, SpecMapper.yaml().readValue(render(host, StatusFormat.YAML), Host.class));
        assertEquals(host, SpecMapper.json().readValue(render(host, StatusFormat.JSON), Host.class));
    }

    static String render(Host host, StatusFormat format) throws Exception {
        StringWriter w = new StringWriter();
        StatusRenderer.render(host, format, w);
        return w.toString();
    }
}
