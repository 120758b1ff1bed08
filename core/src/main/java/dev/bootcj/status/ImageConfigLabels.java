package dev.bootcj.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The three strings status takes from an OCI image configuration, read with jackson-core's streaming parser (no
 * tree, no data binding): {@code config.Labels["org.opencontainers.image.version"]}, {@code
 * config.Labels.version}, {@code config.Labels["org.opencontainers.image.created"]} and the top-level {@code
 * created}. As in a JSON tree, a repeated key replaces the earlier value, a value that is not a string counts as
 * absent, and anything after the top-level value is ignored.
 *
 * @param ociVersion {@code org.opencontainers.image.version}, or null
 * @param version the {@code version} label, or null
 * @param ociCreated {@code org.opencontainers.image.created}, or null
 * @param created the top-level {@code created}, or null
 */
record ImageConfigLabels(String ociVersion, String version, String ociCreated, String created) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Parses {@code json}; syntax errors are {@link IOException}s. */
    static ImageConfigLabels parse(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new ImageConfigLabels(null, null, null, null);
            }
            String created = null;
            String[] labels = new String[3];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "created" -> created = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "config" -> labels = config(p, value);
                    default -> p.skipChildren();
                }
            }
            return new ImageConfigLabels(labels[0], labels[1], labels[2], created);
        }
    }

    /** The labels of one {@code config} value (a new, empty set for each repetition of the key). */
    private static String[] config(JsonParser p, JsonToken value) throws IOException {
        String[] labels = new String[3];
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return labels;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("Labels")) {
                labels = labels(p, v);
            } else {
                p.skipChildren();
            }
        }
        return labels;
    }

    private static String[] labels(JsonParser p, JsonToken value) throws IOException {
        String[] labels = new String[3];
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return labels;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            int slot = switch (field) {
                case "org.opencontainers.image.version" -> 0;
                case "version" -> 1;
                case "org.opencontainers.image.created" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                labels[slot] = v == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
        }
        return labels;
    }
}
