package dev.bootcj.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.ImageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNameTest {
    private static final String D = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    @ParameterizedTest
    @CsvSource({
        // written, registry, repository, reference, normalized
        "fedora, docker.io, library/fedora, latest, docker.io/library/fedora:latest",
        "fedora:40, docker.io, library/fedora, 40, docker.io/library/fedora:40",
        "user/app, docker.io, user/app, latest, docker.io/user/app:latest",
        "docker.io/fedora, docker.io, library/fedora, latest, docker.io/library/fedora:latest",
        "index.docker.io/user/app:1, docker.io, user/app, 1, docker.io/user/app:1",
        "quay.io/fedora/fedora-bootc:41, quay.io, fedora/fedora-bootc, 41, quay.io/fedora/fedora-bootc:41",
        "localhost/os, localhost, os, latest, localhost/os:latest",
        "localhost:5000/os/base:v1, localhost:5000, os/base, v1, localhost:5000/os/base:v1",
        "127.0.0.1:5000/a/b/c, 127.0.0.1:5000, a/b/c, latest, 127.0.0.1:5000/a/b/c:latest",
        "[::1]:5000/os, [::1]:5000, os, latest, [::1]:5000/os:latest",
        "registry.example.com/os__x/a-b.c_d:Tag_1.0-rc, registry.example.com, os__x/a-b.c_d, Tag_1.0-rc,"
                + " registry.example.com/os__x/a-b.c_d:Tag_1.0-rc",
    })
    void parsesAndPrintsBackExactly(String written, String registry, String repository, String reference,
            String normalized) throws ImageException {
        ImageName n = ImageName.parse(written);
        assertEquals(written, n.toString());
        assertEquals(registry, n.registry());
        assertEquals(repository, n.repository());
        assertEquals(reference, n.reference());
        assertEquals(normalized, n.normalized());
    }

    @Test
    void digestReferences() throws ImageException {
        ImageName n = ImageName.parse("quay.io/x/os:41@" + D);
        assertEquals("41", n.tag());
        assertEquals(D, n.digest().toString());
        assertEquals(D, n.reference());
        assertEquals("quay.io/x/os:41@" + D, n.toString());
        ImageName m = ImageName.parse("localhost:5000/os@" + D);
        assertNull(m.tag());
        assertEquals("localhost:5000/os@" + D, m.normalized());
        assertEquals("localhost:5000/os:v2@" + D, ImageName.parse("localhost:5000/os:v2").withDigest(m.digest())
                .toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Fedora|Invalid image reference 'Fedora': repository name must be lowercase",
        "quay.io/Fedora/os|Invalid image reference 'quay.io/Fedora/os': repository name must be lowercase",
        "quay.io/os:bad tag|Invalid image reference 'quay.io/os:bad tag': invalid tag 'bad tag'",
        "quay.io/os:-x|Invalid image reference 'quay.io/os:-x': invalid tag '-x'",
        "quay.io//os|Invalid image reference 'quay.io//os': invalid repository path component ''",
        "quay.io/|Invalid image reference 'quay.io/': empty repository name",
        "quay.io/os@sha256:abc|Invalid image reference 'quay.io/os@sha256:abc': invalid sha256 digest 'sha256:abc'"
                + " (expected 64 lowercase hex digits)",
        "os-:1|Invalid image reference 'os-:1': invalid repository path component 'os-'",
        "bad_host:x/os|Invalid image reference 'bad_host:x/os': invalid registry 'bad_host:x'",
    })
    void rejectsMalformedReferencesInOneLine(String written, String message) {
        ImageException e = assertThrows(ImageException.class, () -> ImageName.parse(written));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":latest", "@" + D})
    void rejectsEmptyNames(String written) {
        assertThrows(ImageException.class, () -> ImageName.parse(written));
    }
}
