package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.BootcException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.Host;
import dev.bootcj.testing.BootableImages;
import dev.bootcj.testing.FileSnapshot;
import dev.bootcj.testing.SysrootFixture;
import dev.bootcj.testing.registry.TestRegistry;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline sysroot installed from an {@code oci:} layout, switched to images in a real registry
 * (docker-registry with TLS and basic auth on 127.0.0.1), upgraded, and refused a corrupt layer.
 */
class DeployFromRegistryTest {
    @TempDir
    static Path tmp;
    static TestRegistry registry;
    static RegistryOptions options;

    @BeforeAll
    static void start() throws Exception {
        registry = TestRegistry.start(tmp.resolve("registry"), true, true);
        options = registry.clientOptions(tmp.resolve("client"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    OstreeImageReference registryRef(String repoAndTag) {
        return new OstreeImageReference(null, Transport.REGISTRY, registry.host() + "/" + repoAndTag);
    }

    Path install(BootableImages images, String name) throws Exception {
        Path root = tmp.resolve(name);
        OstreeImageReference v1 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v1");
        Install.toFilesystem(root, new Install.Plan(v1, v1, "default", List.of("rw"), List.of(), List.of(), "none"),
                RegistryOptions.defaults(), x -> { });
        return root;
    }

    @Test
    void switchToRegistryThenUpgradeFollowsTheTag() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images-a"));
        images.derive("v2", "2.0", Map.of("usr/share/marker", "v2\n"), BootableImages.LABELS);
        registry.push(images.dir(), "v2", "fleet/os:stable", false);
        Path root = install(images, "sysroot-a");
        List<String> out = new ArrayList<>();
        try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
            assertInstanceOf(Switch.Outcome.Staged.class, Switch.run(host, registryRef("fleet/os:stable"), options, out::add));
            Host s = host.status();
            assertEquals(registry.host() + "/fleet/os:stable", s.spec().image().image());
            assertEquals("registry", s.spec().image().transport());
            assertEquals("2.0", s.status().booted().image().version());
            // The base layer came with the oci install (same digest): only the new top layer is fetched.
            assertTrue(out.get(0).startsWith("layers already present: 1; layers needed: 1 ("), out.toString());
        }
        // A new build under the same tag: upgrade stages it, the unused old image and layer are pruned.
        Descriptor v3 = images.derive("v3", "3.0", Map.of("usr/share/marker", "v3\n"), BootableImages.LABELS);
        registry.push(images.dir(), "v3", "fleet/os:stable", false);
        try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
            assertInstanceOf(Upgrade.Outcome.Staged.class, Upgrade.run(host, false, options, out::add));
            assertEquals(v3.digest().toString(), host.status().status().booted().image().imageDigest());
            assertInstanceOf(Upgrade.Outcome.NoUpdate.class, Upgrade.run(host, false, options, out::add));
        }
        String refs = SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo"));
        assertTrue(refs.contains("ostree/container/image/docker_3A__2F__2F_127_2E_0_2E_0_2E_1_3A_"), refs);
        assertTrue(!refs.contains("oci_3A_"), "the oci image no deployment uses any more is pruned:\n" + refs);
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    @Test
    void corruptLayerAndMissingTagChangeNothing() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images-b"));
        images.derive("bad", "6.6", Map.of("usr/share/big", "x".repeat(100_000)), BootableImages.LABELS);
        registry.push(images.dir(), "bad", "fleet/bad:1", false);
        Path root = install(images, "sysroot-b");
        // Flip a byte of the new layer in the registry's storage.
        var manifest = dev.bootcj.registry.ImageSources.open(registryRef("fleet/bad:1"), options)
                .resolve(dev.bootcj.oci.Platform.host()).manifest();
        Path blob = registry.blobDataFile(manifest.layers().getLast().digest());
        try (RandomAccessFile f = new RandomAccessFile(blob.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xff);
        }
        FileSnapshot before = FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy"));
        for (String tag : List.of("fleet/bad:1", "fleet/bad:nope")) {
            try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
                BootcException e = assertThrows(BootcException.class, () -> Switch.run(host, registryRef(tag), options, x -> { }));
                assertTrue(e.getMessage().contains(tag.endsWith("nope") ? "not found" : "igest"), e.getMessage());
            }
            assertEquals(before, FileSnapshot.of(root.resolve("boot"), root.resolve("ostree/deploy/default/deploy")));
        }
        String refs = SysrootFixture.ostree("refs", "--repo=" + root.resolve("ostree/repo"));
        assertTrue(!refs.contains(manifest.layers().getLast().digest().hex()), "no ref to the corrupt layer:\n" + refs);
        assertTrue(!refs.contains("docker_3A_"), refs);
        SysrootFixture.ostree("fsck", "--repo=" + root.resolve("ostree/repo"));
    }

    /** Checksums of the deployments, in boot order, as {@code ostree admin status} lists them. */
    static List<String> oracleOrder(Path root) {
        List<String> out = new ArrayList<>();
        for (String line : SysrootFixture.ostree("admin", "status", "--sysroot=" + root).lines().toList()) {
            String t = line.replace("*", "").trim();
            if (t.startsWith("default ")) {
                out.add(t.substring("default ".length()).split("[ .]")[0]);
            }
        }
        return out;
    }

    static String origin(Path root, String checksum) throws Exception {
        return java.nio.file.Files.readString(root.resolve("ostree/deploy/default/deploy/" + checksum + ".0.origin"));
    }

    @Test
    void registryThenOciEachAgreeingWithTheOracle() throws Exception {
        BootableImages images = new BootableImages(tmp.resolve("images-c"));
        images.derive("v2", "2.0", Map.of("usr/share/marker", "v2\n"), BootableImages.LABELS);
        images.derive("v3", "3.0", Map.of("usr/share/marker", "v3\n"), BootableImages.LABELS);
        registry.push(images.dir(), "v2", "fleet/os:v2", false);
        Path root = install(images, "sysroot-c");
        OstreeImageReference v2 = registryRef("fleet/os:v2");
        OstreeImageReference v3 = new OstreeImageReference(null, Transport.OCI, images.dir() + ":v3");
        for (OstreeImageReference target : List.of(v2, v3)) {
            try (BootcSysroot host = BootcSysroot.open(root, () -> { })) {
                Switch.run(host, target, options, x -> { });
                Host s = host.status();
                List<String> order = new ArrayList<>(List.of(s.status().booted().ostree().checksum(),
                        s.status().rollback().ostree().checksum()));
                assertEquals(order, oracleOrder(root), "status and ostree admin status agree");
                assertEquals("[origin]\ncontainer-image-reference=" + target + "\n",
                        origin(root, order.getFirst()));
            }
        }
        assertEquals("ostree-unverified-registry:" + registry.host() + "/fleet/os:v2", v2.toString());
        assertEquals("ostree-unverified-image:oci:" + images.dir() + ":v3", v3.toString());
    }
}
