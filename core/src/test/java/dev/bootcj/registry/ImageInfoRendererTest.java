package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bootcj.oci.Digest;
import dev.bootcj.spec.SpecMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact text of each inspect format for a fixed {@link ImageInfo}. */
class ImageInfoRendererTest {
    private static final Digest M = Digest.fromString("sha256:" + "1".repeat(64));
    private static final Digest L1 = Digest.fromString("sha256:" + "a".repeat(64));
    private static final Digest L2 = Digest.fromString("sha256:" + "b".repeat(64));

    private static ImageInfo info() {
        return new ImageInfo("docker://quay.io/x/os:41", M, "application/vnd.oci.image.manifest.v1+json", null,
                "linux/amd64", "41.2", "2024-05-01T10:00:00Z",
                Map.of("containers.bootc", "1", "org.opencontainers.image.version", "41.2"),
                List.of(new ImageInfo.Layer("application/vnd.oci.image.layer.v1.tar+gzip", L1, 52_428_800, "gzip", L2),
                        new ImageInfo.Layer("application/vnd.oci.image.layer.v1.tar", L2, 1536, "none", L2)),
                true, null);
    }

    @Test
    void human() {
        assertEquals("""
                    Image: docker://quay.io/x/os:41
                   Digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
                 Platform: linux/amd64
                  Version: 41.2
                  Created: 2024-05-01T10:00:00Z
                 Bootable: yes
                   Labels: containers.bootc=1
                           org.opencontainers.image.version=41.2
                   Layers: 2
                            sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa   50.0 MiB  gzip    \
                application/vnd.oci.image.layer.v1.tar+gzip
                            sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb    1.5 KiB  none    \
                application/vnd.oci.image.layer.v1.tar
                """, ImageInfoRenderer.render(info(), InspectFormat.HUMAN));
    }

    @Test
    void notBootable() {
        ImageInfo i = info();
        ImageInfo nb = new ImageInfo(i.image(), i.digest(), i.mediaType(), i.digest(), i.platform(), null, null,
                Map.of(), List.of(), false, "no containers.bootc or ostree.bootable label");
        assertEquals("""
                    Image: docker://quay.io/x/os:41
                   Digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
                    Index: sha256:1111111111111111111111111111111111111111111111111111111111111111
                 Platform: linux/amd64
                  Version: -
                  Created: -
                 Bootable: no (no containers.bootc or ostree.bootable label)
                   Labels: -
                   Layers: 0
                """, ImageInfoRenderer.render(nb, InspectFormat.HUMAN));
    }

    @Test
    void yamlAndJson() throws Exception {
        String yaml = ImageInfoRenderer.render(info(), InspectFormat.YAML);
        assertEquals("""
                image: docker://quay.io/x/os:41
                digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
                mediaType: application/vnd.oci.image.manifest.v1+json
                platform: linux/amd64
                version: "41.2"
                created: 2024-05-01T10:00:00Z
                bootable: true
                labels:
                  containers.bootc: "1"
                  org.opencontainers.image.version: "41.2"
                layers:
                  - digest: sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                    mediaType: application/vnd.oci.image.layer.v1.tar+gzip
                    size: 52428800
                    compression: gzip
                    diffId: sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                  - digest: sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                    mediaType: application/vnd.oci.image.layer.v1.tar
                    size: 1536
                    compression: none
                    diffId: sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                """, yaml);
        String json = ImageInfoRenderer.render(info(), InspectFormat.JSON);
        assertEquals(dev.bootcj.spec.SpecMapper.ociYaml().readTree(yaml), dev.bootcj.spec.SpecMapper.ociJson().readTree(json));
        assertEquals("{\n  \"image\" : \"docker://quay.io/x/os:41\",\n", json.substring(0, 42));
    }
}
