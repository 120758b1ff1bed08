package dev.bootcj.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefEscapeTest {

    @Test
    void referenceExamples() {
        String digest = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
        assertEquals("ostree/container/blob/sha256_3A_2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                RefEscape.layerRef(digest));
        assertEquals("ostree/container/image/docker_3A__2F__2F_quay_2E_io/coreos/fedora_3A_latest",
                RefEscape.imageRef("docker://quay.io/coreos/fedora:latest"));
        assertEquals("oci_3A__2F_var/tmp/img_3A_tag", RefEscape.escape("oci:/var/tmp/img:tag"));
        assertEquals("localhost_3A_5000/foo_3A_latest", RefEscape.escape("localhost:5000/foo:latest"));
    }

    @Test
    void unchangedAndCornerCases() {
        assertEquals("foo", RefEscape.escape("foo"));
        assertEquals("foo/bar/baz-blah/foo", RefEscape.escape("foo/bar/baz-blah/foo"));
        assertEquals("_2F_", RefEscape.escape("/"));
        assertEquals("blah_2F_", RefEscape.escape("blah/"));
        assertEquals("_2F_foo_2F_", RefEscape.escape("/foo/"));
        assertEquals("a__b", RefEscape.escape("a_b"));
        assertEquals("_E9_t_E9_", RefEscape.escape("été"));
        assertEquals("_1F600_", RefEscape.escape("\uD83D\uDE00"));
    }

    @Test
    void roundTrips() {
        for (String s : List.of("localhost:5000/foo:latest", "fedora/x86_64/coreos", "/foo/bar/foo.oci-archive",
                "docker://quay.io/exampleos/blah:latest", "oci-archive:/path/to/foo.ociarchive", "/", "blah/",
                "/foo/", "a__b_c", "été/\uD83D\uDE00")) {
            assertEquals(s, RefEscape.unescape(RefEscape.escape(s)), s);
        }
    }

    @Test
    void refusesEmptyAndNul() {
        assertThrows(IllegalArgumentException.class, () -> RefEscape.escape(""));
        assertThrows(IllegalArgumentException.class, () -> RefEscape.escape("a\0b"));
    }
}
