package dev.bootcj.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a {@link Host} document through Jackson's streaming generator, field for field what
 * {@link SpecMapper}'s mappers write, without building a mapper or introspecting the records: the
 * {@code bootc status} path, where start-up time is most of the cost. {@code SpecMapperTest} checks that both
 * write the same bytes.
 */
public final class HostWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private HostWriter() {
    }

    /** Compact JSON, as {@code SpecMapper.json().writeValueAsString(host)}. */
    public static void json(Host host, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(host, g);
        }
    }

    /** YAML, as {@code SpecMapper.yaml().writeValueAsString(host)}. */
    public static void yaml(Host host, Writer out) throws IOException {
        try (JsonGenerator g = TaggedYamlFactory.bootcStyle().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(host, g);
        }
    }

    private static void write(Host host, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", host.apiVersion());
        g.writeStringField("kind", host.kind());
        g.writeFieldName("metadata");
        meta(host.metadata(), g);
        g.writeFieldName("spec");
        g.writeStartObject();
        g.writeFieldName("image");
        image(host.spec().image(), g);
        g.writeStringField("bootOrder", switch (host.spec().bootOrder()) {
            case DEFAULT -> "default";
            case ROLLBACK -> "rollback";
        });
        g.writeEndObject();
        HostStatus s = host.status();
        g.writeFieldName("status");
        g.writeStartObject();
        g.writeFieldName("staged");
        entry(s.staged(), g);
        g.writeFieldName("booted");
        entry(s.booted(), g);
        g.writeFieldName("rollback");
        entry(s.rollback(), g);
        g.writeBooleanField("rollbackQueued", s.rollbackQueued());
        g.writeFieldName("type");
        if (s.type() == null) {
            g.writeNull();
        } else {
            g.writeString(switch (s.type()) {
                case BOOTC_HOST -> "bootcHost";
            });
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void meta(ObjectMeta m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (m.name() != null) {
            g.writeStringField("name", m.name());
        }
        if (m.namespace() != null) {
            g.writeStringField("namespace", m.namespace());
        }
        if (m.labels() != null) {
            g.writeFieldName("labels");
            map(m.labels(), g);
        }
        if (m.annotations() != null) {
            g.writeFieldName("annotations");
            map(m.annotations(), g);
        }
        g.writeEndObject();
    }

    private static void map(Map<String, String> map, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeString(e.getValue());
            }
        }
        g.writeEndObject();
    }

    private static void image(ImageReference ref, JsonGenerator g) throws IOException {
        if (ref == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("image", ref.image());
        g.writeStringField("transport", ref.transport());
        if (ref.signature() != null) {
            g.writeFieldName("signature");
            SignatureCodec.write(ref.signature(), g);
        }
        g.writeEndObject();
    }

    private static void entry(BootEntry e, JsonGenerator g) throws IOException {
        if (e == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName("image");
        imageStatus(e.image(), g);
        g.writeFieldName("cachedUpdate");
        imageStatus(e.cachedUpdate(), g);
        g.writeBooleanField("incompatible", e.incompatible());
        g.writeBooleanField("pinned", e.pinned());
        g.writeFieldName("store");
        if (e.store() == null) {
            g.writeNull();
        } else {
            g.writeString(switch (e.store()) {
                case OSTREE_CONTAINER -> "ostreeContainer";
            });
        }
        g.writeFieldName("ostree");
        if (e.ostree() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName("checksum");
            nullable(e.ostree().checksum(), g);
            g.writeNumberField("deploySerial", e.ostree().deploySerial());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void imageStatus(ImageStatus s, JsonGenerator g) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName("image");
        image(s.image(), g);
        g.writeFieldName("version");
        nullable(s.version(), g);
        g.writeFieldName("timestamp");
        nullable(s.timestamp() == null ? null : s.timestamp().toString(), g);
        g.writeFieldName("imageDigest");
        nullable(s.imageDigest(), g);
        g.writeEndObject();
    }

    private static void nullable(String s, JsonGenerator g) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }
}
