package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming label reader against the JSON tree model it replaces. */
class ImageConfigLabelsTest {
    static final List<String> CONFIGS = List.of(
            "{\"architecture\":\"amd64\",\"created\":\"2024-05-01T10:00:00Z\",\"config\":{\"Labels\":{"
                    + "\"org.opencontainers.image.version\":\"1.0\",\"version\":\"v\",\"x\":[1,{\"y\":2}]}}}",
            "{\"config\":{\"Labels\":{\"version\":\"only\",\"org.opencontainers.image.created\":\"2024-06-01T00:00:00Z\"}}}",
            "{\"config\":{\"Labels\":null},\"created\":\"c\"}",
            "{\"config\":{\"Env\":[\"A=b\"],\"Labels\":{\"org.opencontainers.image.version\":3}}}",
            "{\"config\":{\"Labels\":{\"version\":\"1\"}},\"config\":{\"Labels\":{}}}",
            "{\"config\":{\"Labels\":{\"version\":\"1\"}},\"config\":7}",
            "{\"config\":{\"Labels\":{\"version\":\"1\",\"version\":\"2\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"1\",\"version\":null}}}",
            "{\"created\":\"a\",\"created\":{\"b\":1}}",
            "{\"config\":{\"Labels\":{\"version\":\"1\"},\"Labels\":{\"org.opencontainers.image.version\":\"2\"}}}",
            "{\"nested\":{\"config\":{\"Labels\":{\"version\":\"no\"}}},\"created\":\"\\u00e9t\\u00e9\"}",
            "{}",
            "[]",
            "\"text\"",
            "{\"config\":{\"Labels\":{\"version\":\"1\"}}} trailing");

    static ImageConfigLabels fromTree(String json) throws IOException {
        JsonNode config = SpecMapper.json().readTree(json);
        JsonNode labels = config.path("config").path("Labels");
        return new ImageConfigLabels(text(labels, "org.opencontainers.image.version"), text(labels, "version"),
                text(labels, "org.opencontainers.image.created"), text(config, "created"));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    @Test
    void sameStringsAsTheTree() throws Exception {
        for (String json : CONFIGS) {
            assertEquals(fromTree(json), ImageConfigLabels.parse(json), json);
        }
    }

    @Test
    void syntaxErrorsFailBothWays() {
        for (String json : List.of("{\"config\":", "{\"config\":{\"Labels\":{\"version\":}}}", "{'a':1}", "{\"a\" 1}")) {
            assertThrows(IOException.class, () -> fromTree(json), json);
            assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
        }
    }
}
