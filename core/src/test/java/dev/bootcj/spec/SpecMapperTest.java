package dev.bootcj.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.bootcj.status.StatusRenderer;
import dev.bootcj.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BootcHost wire shape: parsing documents in bootc's form and writing them back. */
class SpecMapperTest {
    @Test
    void v1alpha1DocumentParsesAndIsWrittenAsV1() throws Exception {
        String text = Fixtures.load(getClass(), "host-staged-booted.yaml", Map.of());
        Host host = SpecMapper.yaml().readValue(text, Host.class);
        assertEquals("org.containers.bootc/v1", host.apiVersion());
        assertEquals(Instant.parse("2025-02-03T04:05:06Z"), host.status().staged().image().timestamp());
        assertEquals(1, host.status().booted().ostree().deploySerial());
        String written = SpecMapper.yaml().writeValueAsString(host);
        assertEquals(text.replace("bootc/v1alpha1", "bootc/v1"), written);
    }

    @Test
    void humanReadableStagedAndBooted() throws Exception {
        Host host = SpecMapper.yaml().readValue(Fixtures.load(getClass(), "host-staged-booted.yaml", Map.of()), Host.class);
        assertEquals(Fixtures.load(getClass(), "host-staged-booted.txt", Map.of()), StatusRenderer.human(host));
    }

    @Test
    void ostreeRemoteSignatureUsesTheYamlTagAndAJsonObject() throws Exception {
        String yaml = Fixtures.load(getClass(), "host-ostree-remote.yaml", Map.of());
        Host host = SpecMapper.yaml().readValue(yaml, Host.class);
        assertEquals(new ImageSignature.OstreeRemote("fleet"), host.spec().image().signature());
        assertEquals(BootOrder.ROLLBACK, host.spec().bootOrder());
        assertEquals(yaml, SpecMapper.yaml().writeValueAsString(host));
        String json = SpecMapper.json().writeValueAsString(host.spec().image());
        assertEquals("{\"image\":\"registry.example.org/fleet/os:stable\",\"transport\":\"registry\","
                + "\"signature\":{\"ostreeRemote\":\"fleet\"}}", json);
        assertEquals(host.spec().image(), SpecMapper.json().readValue(json, ImageReference.class));
    }

    @Test
    void signatureStringsAndInsecureOmitted() throws Exception {
        ImageReference signed = SpecMapper.json().readValue(
                "{\"image\":\"a/b\",\"transport\":\"registry\",\"signature\":\"containerPolicy\"}", ImageReference.class);
        assertEquals(new ImageSignature.ContainerPolicy(), signed.signature());
        assertEquals("{\"image\":\"a/b\",\"transport\":\"registry\",\"signature\":\"containerPolicy\"}",
                SpecMapper.json().writeValueAsString(signed));
        ImageReference insecure = SpecMapper.json().readValue(
                "{\"image\":\"a/b\",\"transport\":\"registry\",\"signature\":\"insecure\"}", ImageReference.class);
        assertNull(insecure.signature());
        assertEquals("{\"image\":\"a/b\",\"transport\":\"registry\"}", SpecMapper.json().writeValueAsString(insecure));
        assertThrows(JsonMappingException.class, () -> SpecMapper.json().readValue(
                "{\"image\":\"a/b\",\"transport\":\"registry\",\"signature\":\"sometimes\"}", ImageReference.class));
    }

    @Test
    void nullDocumentAndUnknownFields() throws Exception {
        String nullDoc = "{\"apiVersion\":\"org.containers.bootc/v1\",\"kind\":\"BootcHost\",\"metadata\":{\"name\":\"host\"},"
                + "\"spec\":{\"image\":null,\"bootOrder\":\"default\"},\"status\":{\"staged\":null,\"booted\":null,"
                + "\"rollback\":null,\"rollbackQueued\":false,\"type\":null}}";
        assertEquals(nullDoc, SpecMapper.json().writeValueAsString(Host.empty()));
        Host parsed = SpecMapper.json().readValue("{\"apiVersion\":\"org.containers.bootc/v1\",\"kind\":\"BootcHost\","
                + "\"status\":{\"isContainer\":false}}", Host.class);
        assertEquals(Host.empty(), parsed);
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> SpecMapper.json().readValue("{\"apiVersion\":\"v9\",\"kind\":\"BootcHost\"}", Host.class));
        assertTrue(e.getMessage().contains("unsupported apiVersion v9"), e.getMessage());
    }
}
