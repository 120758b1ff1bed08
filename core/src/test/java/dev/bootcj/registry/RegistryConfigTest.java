package dev.bootcj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.oci.ImageName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WWW-Authenticate parsing, registries.conf resolution and auth.json lookup. */
class RegistryConfigTest {

    @Test
    void parsesBearerAndBasicChallenges() {
        List<AuthChallenge> cs = AuthChallenge.parse("Bearer realm=\"https://auth.example.com/token\","
                + "service=\"registry.example.com\",scope=\"repository:os/base:pull\", Basic realm=\"x\\\"y\"");
        assertEquals(2, cs.size());
        assertEquals("bearer", cs.get(0).scheme());
        assertEquals(Map.of("realm", "https://auth.example.com/token", "service", "registry.example.com",
                "scope", "repository:os/base:pull"), cs.get(0).params());
        assertEquals("basic", cs.get(1).scheme());
        assertEquals("x\"y", cs.get(1).param("realm"));
        assertEquals(List.of(new AuthChallenge("basic", Map.of("realm", "basic-realm"))),
                AuthChallenge.parse("Basic realm=\"basic-realm\""));
        assertEquals("a b", AuthChallenge.parse("bearer realm = \"a b\" , service=svc").getFirst().param("realm"));
    }

    @Test
    void registriesConfMirrorsPrefixesAndInsecure(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("registries.conf");
        Files.writeString(f, """
                unqualified-search-registries = ["quay.io"]
                short-name-mode = "enforcing"

                [[registry]]
                prefix = "example.com"
                location = "internal:5000"
                insecure = true

                [[registry]]
                prefix = "example.com/os"
                location = "other.example.com/base/os"

                [[registry.mirror]]
                location = "mirror-a:5000/os"
                insecure = true

                [[registry.mirror]]
                location = "mirror-b/os"
                pull-from-mirror = "digest-only"

                [[registry]]
                prefix = "*.corp.example"
                location = "corp-mirror.example/all"
                """);
        RegistriesConf c = RegistriesConf.load(f);
        assertEquals(List.of(new RegistriesConf.Endpoint("mirror-a:5000", "os/fedora", true, true),
                new RegistriesConf.Endpoint("other.example.com", "base/os/fedora", false, false)),
                c.endpoints(ImageName.parse("example.com/os/fedora:41")));
        assertEquals(3, c.endpoints(ImageName.parse("example.com/os/fedora@sha256:" + "a".repeat(64))).size(),
                "digest-only mirror used for digests");
        assertEquals(List.of(new RegistriesConf.Endpoint("internal:5000", "apps/x", true, false)),
                c.endpoints(ImageName.parse("example.com/apps/x")));
        assertEquals(List.of(new RegistriesConf.Endpoint("quay.io", "x/y", false, false)),
                c.endpoints(ImageName.parse("quay.io/x/y")));
        assertEquals(List.of(new RegistriesConf.Endpoint("registry.corp.example", "team/os", false, false)),
                c.endpoints(ImageName.parse("registry.corp.example/team/os")));
        assertEquals(List.of(new RegistriesConf.Endpoint("docker.io", "library/fedora", false, false)),
                RegistriesConf.load(tmp.resolve("missing.conf")).endpoints(ImageName.parse("fedora")));
    }

    @Test
    void brokenRegistriesConfIsOneLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("registries.conf");
        Files.writeString(f, "[[registry]\nlocation=");
        assertTrue(assertThrows(java.io.IOException.class, () -> RegistriesConf.load(f)).getMessage()
                .startsWith("Cannot parse " + f + ": "));
    }

    @Test
    void authFileLookupTakesTheFirstExistingFile(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run.json");
        Path etc = tmp.resolve("etc.json");
        Files.writeString(etc, "{\"auths\":{\"quay.io\":{\"auth\":\"dTpw\"},\"docker.io\":{\"auth\":\"aHViOnNlY3JldA==\"}}}");
        AuthFiles.Lookup l = AuthFiles.find(List.of(run, etc), "quay.io");
        assertEquals(etc, l.file());
        assertEquals(new AuthFiles.Credentials("u", "p"), l.credentials().orElseThrow());
        assertEquals("hub", AuthFiles.find(List.of(run, etc), "docker.io").credentials().orElseThrow().username());
        assertTrue(AuthFiles.find(List.of(run, etc), "ghcr.io").credentials().isEmpty());
        Files.writeString(run, "{\"auths\":{}}");
        AuthFiles.Lookup first = AuthFiles.find(List.of(run, etc), "quay.io");
        assertEquals(run, first.file(), "the first existing file wins even without an entry");
        assertEquals("no credentials for quay.io in " + run + " (looked at " + run + ", " + etc + ")",
                first.describe("quay.io"));
        assertEquals("Credentials[u, ****]", l.credentials().orElseThrow().toString());
    }
}
