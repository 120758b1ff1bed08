package dev.bootcj.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.ImageException;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.spec.ImageSignature;
import org.junit.jupiter.api.Test;

/** bootc's origin forms, parsed and printed back exactly. */
class OstreeImageReferenceTest {
    @Test
    void roundTripsEveryForm() throws Exception {
        for (String s : new String[] {
                "ostree-unverified-registry:quay.io/example/os:latest",
                "ostree-unverified-image:oci:/var/mnt/osupdate",
                "ostree-unverified-image:oci-archive:/tmp/os.tar:v2",
                "ostree-image-signed:docker://quay.io/example/os:latest",
                "ostree-image-signed:oci:/srv/os",
                "ostree-remote-image:fedora:docker://quay.io/fedora/fedora-coreos:stable",
                "ostree-unverified-image:dir:/srv/os-dir"}) {
            assertEquals(s, OstreeImageReference.parse(s).toString());
        }
    }

    @Test
    void normalizesAliases() throws Exception {
        assertEquals("ostree-unverified-registry:quay.io/x:1",
                OstreeImageReference.parse("ostree-unverified-image:registry:quay.io/x:1").toString());
        assertEquals("ostree-unverified-registry:quay.io/x:1",
                OstreeImageReference.parse("ostree-unverified-image:docker://quay.io/x:1").toString());
        assertEquals("ostree-remote-image:r:docker://quay.io/x:1",
                OstreeImageReference.parse("ostree-remote-registry:r:quay.io/x:1").toString());
    }

    @Test
    void convertsToTheSpecForm() throws Exception {
        assertEquals(new ImageReference("/var/mnt/osupdate", "oci", null),
                OstreeImageReference.parse("ostree-unverified-image:oci:/var/mnt/osupdate").toSpec());
        assertEquals(new ImageReference("quay.io/x:1", "registry", new ImageSignature.ContainerPolicy()),
                OstreeImageReference.parse("ostree-image-signed:docker://quay.io/x:1").toSpec());
        assertEquals("ostree-remote-image:fleet:docker://q/x:1", OstreeImageReference.of(
                new ImageReference("q/x:1", "registry", new ImageSignature.OstreeRemote("fleet"))).toString());
    }

    @Test
    void rejectsMalformedReferences() {
        assertEquals("Invalid ostree image reference 'quay.io/x': missing ':'",
                assertThrows(ImageException.class, () -> OstreeImageReference.parse("quay.io/x")).getMessage());
        assertEquals("Unknown transport 'ftp'",
                assertThrows(ImageException.class, () -> OstreeImageReference.parse("ostree-unverified-image:ftp:x"))
                        .getMessage());
        assertEquals("Invalid ostree image reference 'ostree-unverified-registry:': empty image name",
                assertThrows(ImageException.class, () -> OstreeImageReference.parse("ostree-unverified-registry:"))
                        .getMessage());
        assertThrows(ImageException.class, () -> OstreeImageReference.parse("ostree-bogus:x"));
        assertEquals("Unknown transport 'tape'", assertThrows(ImageException.class, () -> Transport.parse("tape")).getMessage());
    }
}
