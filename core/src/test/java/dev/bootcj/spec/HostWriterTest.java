package dev.bootcj.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming writer against the databind mappers it stands in for: the same bytes for every shape of document. */
class HostWriterTest {

    static Stream<Host> documents() {
        ImageReference registry = ImageReference.registry("quay.io/example/os:latest");
        ImageReference oci = new ImageReference("/var/tmp/images/os:v2", "oci", new ImageSignature.ContainerPolicy());
        ImageReference remote = new ImageReference("example.com/os", "registry",
                new ImageSignature.OstreeRemote("myremote"));
        ImageReference quoted = new ImageReference("registry.local:5000/os:123", "registry", null);
        ImageStatus full = new ImageStatus(registry, "42.1", Instant.parse("2026-11-25T10:11:12Z"),
                "sha256:" + "ab".repeat(32));
        ImageStatus bare = new ImageStatus(oci, null, null, "sha256:" + "01".repeat(32));
        ImageStatus numeric = new ImageStatus(quoted, "123", Instant.parse("2025-01-02T03:04:05.678Z"),
                "sha256:" + "ff".repeat(32));
        ImageStatus tagged = new ImageStatus(remote, "yes", null, "sha256:" + "02".repeat(32));
        BootEntryOstree o1 = new BootEntryOstree("c".repeat(64), 0);
        BootEntryOstree o2 = new BootEntryOstree("d".repeat(64), 3);
        BootEntry booted = new BootEntry(full, numeric, false, true, Store.OSTREE_CONTAINER, o1);
        BootEntry staged = new BootEntry(tagged, null, false, false, Store.OSTREE_CONTAINER, o2);
        BootEntry rollback = new BootEntry(bare, null, false, false, Store.OSTREE_CONTAINER, o2);
        BootEntry plainOstree = new BootEntry(null, null, true, false, null, o1);
        BootEntry unknown = new BootEntry(null, null, false, false, null, null);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("a", "1");
        labels.put("odd key: yes", "line\nbreak");
        return Stream.of(
                Host.empty(),
                Host.of(new HostSpec(registry, BootOrder.DEFAULT),
                        new HostStatus(null, booted, null, false, HostType.BOOTC_HOST)),
                Host.of(new HostSpec(remote, BootOrder.ROLLBACK),
                        new HostStatus(staged, booted, rollback, true, HostType.BOOTC_HOST)),
                Host.of(new HostSpec(oci, BootOrder.DEFAULT),
                        new HostStatus(null, plainOstree, unknown, false, null)),
                new Host(new ObjectMeta("host", "ns", labels, Map.of()), new HostSpec(quoted, BootOrder.DEFAULT),
                        new HostStatus(rollback, staged, booted, false, HostType.BOOTC_HOST)));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void jsonIsWhatTheMapperWrites(Host host) throws IOException {
        StringWriter w = new StringWriter();
        HostWriter.json(host, w);
        assertEquals(SpecMapper.json().writeValueAsString(host), w.toString());
        assertEquals(host, SpecMapper.json().readValue(w.toString(), Host.class));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void yamlIsWhatTheMapperWrites(Host host) throws IOException {
        StringWriter w = new StringWriter();
        HostWriter.yaml(host, w);
        assertEquals(SpecMapper.yaml().writeValueAsString(host), w.toString());
        assertEquals(host, SpecMapper.yaml().readValue(w.toString(), Host.class));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void writerDoesNotCloseTheTarget(Host host) throws IOException {
        StringWriter w = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        HostWriter.yaml(host, w);
        HostWriter.json(host, w);
        assertTrue(w.toString().contains("BootcHost"));
    }
}
