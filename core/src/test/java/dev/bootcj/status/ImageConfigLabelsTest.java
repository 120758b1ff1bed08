package dev.bootcj.status;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The label reader (Gson's streaming reader, strict) against Jackson's JSON tree model: fixed cases, what is not
 * JSON anywhere in the text (also in values status skips), and a randomised comparison on JSON written by Jackson.
 */
class ImageConfigLabelsTest {
    /** JSON as image tools write it. */
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
            "{\"config\":{\"Labels\":{\"version\":\"# not a comment\",\"x\":\"&anchor *alias !tag\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"yes\",\"org.opencontainers.image.created\":\"~\"}}}",
            "{\n  \"created\" : \"2024-01-01T00:00:00Z\",\n  \"config\" : {\n    \"Labels\" : {\n"
                    + "      \"version\" : \"pretty\"\n    }\n  }\n}\n",
            "{\"config\":{\"Labels\":{\"version\":-1.5e+3,\"org.opencontainers.image.version\":true}}}",
            "{\"a\":[[[{\"config\":1}]]],\"config\":{\"Labels\":{\"version\":\"deep\"}}}");

    /** More JSON, with characters and escapes that a reader might get wrong. */
    static final List<String> OTHER = List.of(
            "{\"config\":{\"Labels\":{\"version\":\"1\"}}} trailing",
            "{\"config\":{\"Labels\":{\"version\":\"a\\/b\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"line\u2028sep\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"nel\u0085x\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"del\u007fx\"}}}",
            "{\"config\":{\"Labels\":{\"version\":\"\uD83D\uDE00 smile\"}}}",
            "{\"config\":{\"Labels\":{\"" + "k".repeat(1100) + "\":\"long key\",\"version\":\"after\"}}}",
            "\t{\"config\":\t{\"Labels\":{\"version\":\"tabs between tokens\"}}}");

    /** Invalid JSON (the tree fails, so must the reader), and JSON that a YAML or lenient reading would misread. */
    static final List<String> ODD = List.of(
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
            "{\"a\": [1, *x]}",
            // Not JSON in a value status skips: a lenient reader, or one that skips strings unread, lets it through.
            "{\"history\":[{\"created_by\":\"raw\u0001control\"}],\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"history\":[{\"created_by\":\"bad \\x escape\"}],\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"history\":[{\"created_by\":\"quote \\' escape\"}],\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{\"diff_ids\":[\"a\",]},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{\"n\":1,},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{\"n\":NaN},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{\"n\":007},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{\"n\":True},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{'n':1},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":{n:1},\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":/* comment */1,\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":1 # comment\n,\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":[1;2],\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\"=1,\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":unquoted,\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "{\"rootfs\":1\f,\"config\":{\"Labels\":{\"version\":\"1\"}}}",
            "\uFEFF{\"config\":{\"Labels\":{\"version\":\"bom\"}}}",
            "[1,]",
            "\"unterminated",
            "   ",
            " \n\t\r ",
            "\u2028");

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
            }
        }
    }

    @Test
    void whatIsNotJsonFailsAsInTheTree() throws Exception {
        int invalid = 0;
        for (String json : ODD) {
            ImageConfigLabels tree;
            try {
                tree = fromTree(json);
            } catch (IOException e) {
                assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
                invalid++;
                continue;
            }
            assertEquals(tree, ImageConfigLabels.parse(json), json);
        }
        assertTrue(invalid >= 30, "invalid cases: " + invalid);
    }

    /**
     * An escaped surrogate without its pair is not text: Jackson's tree takes it, the strict reader refuses it, as
     * upstream's serde_json does.
     */
    @Test
    void loneSurrogates() throws Exception {
        for (String json : List.of("{\"config\":{\"Labels\":{\"version\":\"lone \\ud800\"}}}",
                "{\"history\":[\"\\udc00 trail first\"],\"config\":{}}")) {
            assertDoesNotThrow(() -> fromTree(json), json);
            assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
        }
        String paired = "{\"config\":{\"Labels\":{\"version\":\"\\ud83d\\ude00\"}}}";
        assertEquals("\uD83D\uDE00", ImageConfigLabels.parse(paired).version());
    }

    /** Nesting: as deep as upstream's serde_json reads (128) works; past Gson's limit (255) fails. */
    @Test
    void nesting() throws Exception {
        String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + ",\"config\":{\"Labels\":{\"version\":\"d\"}}}";
        assertEquals(fromTree(deep), ImageConfigLabels.parse(deep));
        assertEquals("d", ImageConfigLabels.parse(deep).version());
        String deeper = "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}";
        assertThrows(IOException.class, () -> ImageConfigLabels.parse(deeper));
    }

    /** A configuration the size of a bootc base image's (make-sysroot.sh's "base" kind). */
    @Test
    void largeConfigurations() throws Exception {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            history.append(i == 0 ? "" : ",").append("{\"created\":\"2024-05-01T10:00:00Z\",\"created_by\":"
                    + "\"rpm-ostree chunk ").append(i).append(": kernel glibc systemd\",\"comment\":\"layer\"}");
        }
        String json = "{\"created\":\"2024-05-01T10:00:00Z\",\"config\":{\"Labels\":{\"version\":\"big\"}},"
                + "\"history\":[" + history + "]}";
        assertTrue(json.length() > 7000, "long enough: " + json.length());
        assertEquals(fromTree(json), ImageConfigLabels.parse(json));
        assertEquals("big", ImageConfigLabels.parse(json).version());
        for (String broken : List.of(json.substring(0, json.length() - 1), json.replace("\"big\"", "big"))) {
            assertThrows(IOException.class, () -> ImageConfigLabels.parse(broken));
        }
    }

    @Test
    void syntaxErrors() {
        for (String json : List.of("{\"config\":", "{\"config\":{\"Labels\":{\"version\":}}}", "{'a':1}", "{\"a\" 1}",
                "{\"a\":\"x\u0001\"}", "\uFEFF{}")) {
            assertThrows(IOException.class, () -> fromTree(json), json);
            IOException e = assertThrows(IOException.class, () -> ImageConfigLabels.parse(json), json);
            // One line for the status error, saying what and where, without advice meant for programmers.
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("setStrictness"), e.getMessage());
            assertTrue(e.getMessage().contains(json.startsWith("\uFEFF") ? "byte order mark" : "line 1 column"),
                    e.getMessage());
        }
        IOException e = assertThrows(IOException.class, () -> ImageConfigLabels.parse("{'a':1}"));
        assertEquals("malformed JSON at line 1 column 3 path $.", e.getMessage());
    }

    /** Random configurations written by Jackson, compact and indented: the same strings as the tree. */
    @Test
    void randomConfigurations() throws Exception {
        Random random = new Random(20261126);
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
        }
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
