package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The label reader against the JSON tree model: both of its readings (SnakeYAML's, jackson-core's), which one reads
 * what, and a randomised comparison on JSON written by Jackson.
 */
class ImageConfigLabelsTest {
    /** JSON as image tools write it: the YAML reading takes all of these. */
    static final List<String> PLAIN = List.of(
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
            "",
            "{\"config\":{\"Labels\":{\"version\":\"\\uD83D\\uDE00 escaped\",\"x\":\"\\\" \\\\ \\b\\f\\n\\r\\t\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"lone \\ud800\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"# not a comment\",\"x\":\"&anchor *alias !tag\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"yes\",\"org.opencontainers.image.created\":\"~\"}}}",
            "{\n  \"created\" : \"2024-01-01T00:00:00Z\",\n  \"config\" : {\n    \"Labels\" : {\n"
                    + "      \"version\" : \"pretty\"\n    }\n  }\n}\n",
            "{\"config\":{\"Labels\":{\"version\":-1.5e+3,\"org.opencontainers.image.version\":true}}}",
            "{\"a\":[[[{\"config\":1}]]],\"config\":{\"Labels\":{\"version\":\"deep\"}}}");

    /** More JSON: YAML reads these differently or not at all, so jackson-core's reading must be the one taken. */
    static final List<String> OTHER = List.of(
            "{\"config\":{\"Labels\":{\"version\":\"1\"}}} trailing",
            "{\"config\":{\"Labels\":{\"version\":\"a\\/b\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"line\u2028sep\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"nel\u0085x\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"del\u007fx\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"\uD83D\uDE00 smile\"}}}",
            "{\"config\":{\"Labels\":{\"" + "k".repeat(1100) + "\":\"long key\",\"version\":\"after\"}}}",
            "\t{\"config\":\t{\"Labels\":{\"version\":\"tabs between tokens\"}}}");

    /** Invalid JSON, and JSON that only a YAML reading would misread: the YAML reading declines all of it. */
    static final List<String> NOT_FOR_YAML = List.of(
            "{\"config\":{\"Labels\":{\"version\":\"a\\/b\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"line\u2028sep\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"\uD83D\uDE00\"}}}",
            "{'config':{}}",
            "{config: {}}",
            "{\"a\":\"raw\ttab\"}",
            "{\"a\":\"raw\nnewline\"}",
            "{\"a\":\"yaml escape \\x41\"}",
            "{\"a\":\"yaml escape \\e\"}",
            "--- {\"a\":1}",
            "&x {\"a\":1}",
            "{\"a\": !!str 1}",
            "{\"a\": yes}",
            "{\"a\": 0x10}",
            "{\"a\": 01}",
            "{\"a\"}",
            "[\"a\": 1]",
            "config:\n  Labels: {}\n",
            "{\"a\": [1, *x]}");

    static ImageConfigLabels fromTree(String json) throws IOException {
        JsonNode config = SpecMapper.json().readTree(json);
        if (config == null || config.isMissingNode()) {
            return new ImageConfigLabels(null, null, null, null);
        }
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
        for (List<String> configs : List.of(PLAIN, OTHER)) {
            for (String json : configs) {
                assertEquals(fromTree(json), ImageConfigLabels.parse(json), json);
                assertEquals(fromTree(json), ImageConfigLabels.viaJackson(json), json);
            }
        }
    }

    @Test
    void theYamlReadingTakesPlainJson() throws Exception {
        for (String json : PLAIN) {
            assertNotNull(ImageConfigLabels.viaYaml(json), json);
        }
    }

    @Test
    void theYamlReadingDeclinesWhatIsNotPlainJson() throws Exception {
        for (String json : NOT_FOR_YAML) {
            assertNull(ImageConfigLabels.viaYaml(json), json);
            ImageConfigLabels tree;
            try {
                tree = fromTree(json);
            } catch (IOException e) {
                assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
                continue;
            }
            assertEquals(tree, ImageConfigLabels.parse(json), json);
        }
    }

    /** A bootc base image's configuration (make-sysroot.sh's "base" kind) is read with jackson-core. */
    @Test
    void largeConfigurations() throws Exception {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            history.append(i == 0 ? "" : ",").append("{\"created\":\"2024-05-01T10:00:00Z\",\"created_by\":"
                    + "\"rpm-ostree chunk ").append(i).append(": kernel glibc systemd\",\"comment\":\"layer\"}");
        }
        String json = "{\"created\":\"2024-05-01T10:00:00Z\",\"config\":{\"Labels\":{\"version\":\"big\"}},"
                + "\"history\":[" + history + "]}";
        assertTrue(json.length() >= ImageConfigLabels.LARGE, "long enough: " + json.length());
        assertEquals(fromTree(json), ImageConfigLabels.parse(json));
        assertEquals("big", ImageConfigLabels.parse(json).version());
        // The YAML reading would give the same (it is only slower on this much text).
        assertEquals(fromTree(json), ImageConfigLabels.viaYaml(json));
        for (String broken : List.of(json.substring(0, json.length() - 1), json.replace("\"big\"", "big"))) {
            assertThrows(IOException.class, () -> ImageConfigLabels.parse(broken));
        }
    }

    @Test
    void syntaxErrorsFailBothWays() {
        for (String json : List.of("{\"config\":", "{\"config\":{\"Labels\":{\"version\":}}}", "{'a':1}", "{\"a\" 1}")) {
            assertThrows(IOException.class, () -> fromTree(json), json);
            assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
        }
    }

    /** Random configurations written by Jackson, compact and indented: the same strings as the tree. */
    @Test
    void randomConfigurations() throws Exception {
        Random random = new Random(20261126);
        int yaml = 0;
        for (int i = 0; i < 3000; i++) {
            ObjectNode config = randomObject(random, 0);
            if (random.nextInt(4) > 0) {
                ObjectNode inner = config.putObject("config");
                ObjectNode labels = inner.putObject("Labels");
                for (String key : List.of("org.opencontainers.image.version", "version",
                        "org.opencontainers.image.created", "other")) {
                    if (random.nextBoolean()) {
                        labels.set(key, random.nextInt(5) == 0 ? randomValue(random, 2) : labels.textNode(
                                randomString(random)));
                    }
                }
            }
            if (random.nextBoolean()) {
                config.put("created", randomString(random));
            }
            String json = random.nextBoolean() ? SpecMapper.json().writeValueAsString(config)
                    : SpecMapper.json().writerWithDefaultPrettyPrinter().writeValueAsString(config);
            assertEquals(fromTree(json), ImageConfigLabels.parse(json), json);
            if (ImageConfigLabels.viaYaml(json) != null) {
                yaml++;
            }
        }
        // Most of them go the fast way (the rest have "\/"-free but YAML-hostile characters or non-BMP ones).
        assertTrue(yaml > 1500, "read by the YAML reading: " + yaml);
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int n = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < n; i++) {
            node.set(random.nextInt(6) == 0 ? randomString(random) : "k" + random.nextInt(20),
                    randomValue(random, depth + 1));
        }
        return node;
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (depth > 3 ? random.nextInt(5) : random.nextInt(7)) {
            case 0 -> f.textNode(randomString(random));
            case 1 -> f.numberNode(random.nextInt() / (random.nextBoolean() ? 1 : 7.5));
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.nullNode();
            case 4 -> f.numberNode(random.nextLong());
            case 5 -> randomObject(random, depth);
            default -> {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(random, depth + 1));
                }
                yield a;
            }
        };
    }

    /** Mostly printable ASCII, with YAML's indicator characters, escapes, line breaks and other Unicode mixed in. */
    private static String randomString(Random random) {
        String special = "\"\\/#&*!|>'%@`{}[],:?- \t\n\r\u0000\u001f\u007f\u0085\u00a0\u00e9\u2028\u2029\ufeff\uffff";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                s.append(special.charAt(random.nextInt(special.length())));
            } else if (kind == 1 && random.nextInt(4) == 0) {
                s.appendCodePoint(0x1F600 + random.nextInt(40));
            } else {
                s.append((char) (' ' + random.nextInt(95)));
            }
        }
        return s.toString();
    }
}
