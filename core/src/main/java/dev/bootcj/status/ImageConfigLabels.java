package dev.bootcj.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The strings status takes from an OCI image configuration: {@code
 * config.Labels["org.opencontainers.image.version"]}, {@code config.Labels.version}, {@code
 * config.Labels["org.opencontainers.image.created"]} and the top-level {@code created}. As in a JSON tree, a
 * repeated key replaces the earlier value, a value that is not a string counts as absent, and anything after the
 * top-level value is ignored.
 *
 * <p>Two readers walk the same tokens. jackson-core's streaming parser is the reference, but its base class
 * initialises {@code BigDecimal}, whose JDK 25 initialiser computes 5<sup>65536</sup>: about 20 ms of a
 * {@code bootc status} that should take well under 100. So a small configuration (under {@link #LARGE}) is first
 * read with SnakeYAML's event parser (JSON is YAML's flow style), which only passes on text in JSON's shape:
 * every key a double-quoted string, every other scalar double-quoted or a JSON number, {@code true}, {@code
 * false} or {@code null}, only flow collections, no anchors, aliases or tags, and inside double quotes no raw
 * control or line-break character and no escape JSON lacks. Anything else, and anything SnakeYAML rejects (JSON's
 * {@code \/} escape, characters YAML does not allow), goes to jackson-core, as do large configurations. For JSON
 * text both give the same strings ({@code ImageConfigLabelsTest}); of text that is not JSON, the YAML reader
 * accepts a little (a trailing comma, a comment) that jackson-core would refuse.
 *
 * @param ociVersion {@code org.opencontainers.image.version}, or null
 * @param version the {@code version} label, or null
 * @param ociCreated {@code org.opencontainers.image.created}, or null
 * @param created the top-level {@code created}, or null
 */
record ImageConfigLabels(String ociVersion, String version, String ociCreated, String created) {
    /**
     * Configurations this long or longer (in chars) go straight to jackson-core. Before the JIT has compiled them,
     * SnakeYAML's reader and scanner take about 3 µs a character, jackson-core's parser a twentieth of that; a
     * bootc base image's configuration (labels, and the history and diff_ids of 60-odd layers) is about 15 KB.
     * {@link StatusWarmUp} sets jackson-core up ahead when the sysroot has a commit this large.
     */
    static final int LARGE = 4096;

    /** Parses {@code json}; syntax errors are {@link IOException}s. */
    static ImageConfigLabels parse(String json) throws IOException {
        ImageConfigLabels labels = json.length() < LARGE ? viaYaml(json) : null;
        return labels != null ? labels : viaJackson(json);
    }

    /** The SnakeYAML reading alone: null when it declines the text (jackson-core decides then). */
    static ImageConfigLabels viaYaml(String json) {
        // Mark indexes count code points; with none outside the BMP they are char indexes.
        if (json.length() != json.codePointCount(0, json.length())) {
            return null;
        }
        try {
            return walk(new YamlTokens(json));
        } catch (NotJsonShaped | YAMLException e) {
            return null;
        } catch (IOException e) {
            throw new AssertionError("the YAML tokens throw no IOException", e);
        }
    }

    /** The jackson-core reading alone (the reference the YAML reading is tested against). */
    static ImageConfigLabels viaJackson(String json) throws IOException {
        try (JsonParser p = Jackson.FACTORY.createParser(json)) {
            return walk(new JacksonTokens(p));
        }
    }

    private static ImageConfigLabels walk(Tokens t) throws IOException {
        String[] found = new String[4]; // the three labels (see labels()), then the top-level created
        members(t, t.next(), (field, value) -> {
            switch (field) {
                case "created" -> found[3] = value == Token.STRING ? t.text() : null;
                case "config" -> config(t, value, found);
                default -> t.skipChildren();
            }
        });
        return new ImageConfigLabels(found[0], found[1], found[2], found[3]);
    }

    /** The labels of one {@code config} value into {@code found}; each repetition of the key starts empty. */
    private static void config(Tokens t, Token value, String[] found) throws IOException {
        Arrays.fill(found, 0, 3, null);
        members(t, value, (field, v) -> {
            if (field.equals("Labels")) {
                labels(t, v, found);
            } else {
                t.skipChildren();
            }
        });
    }

    /** One {@code Labels} value into {@code found}: version, legacy version, created; each repetition starts empty. */
    private static void labels(Tokens t, Token value, String[] found) throws IOException {
        Arrays.fill(found, 0, 3, null);
        members(t, value, (label, v) -> {
            int slot = switch (label) {
                case "org.opencontainers.image.version" -> 0;
                case "version" -> 1;
                case "org.opencontainers.image.created" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                found[slot] = v == Token.STRING ? t.text() : null;
            }
            t.skipChildren();
        });
    }

    /**
     * For an object ({@code value} is its start): {@code member} for each of its members, called with the value's
     * first token, which it must consume; for any other value: skips it.
     */
    private static void members(Tokens t, Token value, Member member) throws IOException {
        if (value != Token.START_OBJECT) {
            t.skipChildren();
            return;
        }
        while (t.next() == Token.FIELD_NAME) {
            String name = t.name();
            member.accept(name, t.next());
        }
    }

    /** One member of an object, as {@link #members} hands it over. */
    private interface Member {
        void accept(String name, Token value) throws IOException;
    }

    /** The JSON tokens the walk tells apart; {@code null} from {@link Tokens#next} is the end of the input. */
    private enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, OTHER_SCALAR }

    /** A JSON token stream. */
    private interface Tokens {
        Token next() throws IOException;

        /** The current field name. */
        String name() throws IOException;

        /** The current string value. */
        String text() throws IOException;

        /** At the start of an object or array: skips to its end; otherwise nothing. */
        void skipChildren() throws IOException;
    }

    /** jackson-core's parser, created on first use (its class initialisation is the slow part). */
    private static final class Jackson {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private record JacksonTokens(JsonParser p) implements Tokens {
        @Override
        public Token next() throws IOException {
            var t = p.nextToken();
            if (t == null) {
                return null;
            }
            return switch (t) {
                case START_OBJECT -> Token.START_OBJECT;
                case END_OBJECT -> Token.END_OBJECT;
                case START_ARRAY -> Token.START_ARRAY;
                case END_ARRAY -> Token.END_ARRAY;
                case FIELD_NAME -> Token.FIELD_NAME;
                case VALUE_STRING -> Token.STRING;
                default -> Token.OTHER_SCALAR;
            };
        }

        @Override
        public String name() throws IOException {
            return p.currentName();
        }

        @Override
        public String text() throws IOException {
            return p.getText();
        }

        @Override
        public void skipChildren() throws IOException {
            p.skipChildren();
        }
    }

    /** The text is not in JSON's shape (see the class comment): jackson-core reads it instead. */
    private static final class NotJsonShaped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJsonShaped() {
            super(null, null, false, false);
        }
    }

    /** SnakeYAML's events as JSON tokens, refusing ({@link NotJsonShaped}) whatever is not JSON. */
    private static final class YamlTokens implements Tokens {
        private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

        private final String json;
        private final ParserImpl parser;
        /** Per open collection: true for an object; the innermost last. */
        private boolean[] objects = new boolean[16];
        private int depth;
        /** In an object, the next scalar is a key. */
        private boolean expectKey;
        private String name;
        private String text;
        private Token current;

        YamlTokens(String json) {
            this.json = json;
            this.parser = new ParserImpl(new StreamReader(json), new LoaderOptions());
        }

        @Override
        public Token next() {
            current = nextToken();
            return current;
        }

        private Token nextToken() {
            while (true) {
                Event e = parser.getEvent();
                if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    throw new NotJsonShaped();
                }
                switch (e.getEventId()) {
                    case StreamStart -> {
                        continue;
                    }
                    case DocumentStart -> {
                        if (((DocumentStartEvent) e).getExplicit()) {
                            throw new NotJsonShaped();
                        }
                        continue;
                    }
                    case DocumentEnd, StreamEnd -> {
                        return null;
                    }
                    case MappingStart, SequenceStart -> {
                        CollectionStartEvent c = (CollectionStartEvent) e;
                        boolean object = e.getEventId() == Event.ID.MappingStart;
                        // Not a key, and opened by a bracket (YAML also reads "[a: 1]" as a one-pair mapping).
                        if (expectKey || !c.isFlow() || !c.getImplicit()
                                || json.charAt(c.getStartMark().getIndex()) != (object ? '{' : '[')) {
                            throw new NotJsonShaped();
                        }
                        push(object);
                        expectKey = object;
                        return object ? Token.START_OBJECT : Token.START_ARRAY;
                    }
                    case MappingEnd, SequenceEnd -> {
                        depth--;
                        expectKey = depth > 0 && objects[depth - 1];
                        return e.getEventId() == Event.ID.MappingEnd ? Token.END_OBJECT : Token.END_ARRAY;
                    }
                    case Scalar -> {
                        return scalar((ScalarEvent) e);
                    }
                    default -> throw new NotJsonShaped(); // aliases, comments
                }
            }
        }

        private Token scalar(ScalarEvent s) {
            if (s.getTag() != null) {
                throw new NotJsonShaped();
            }
            boolean quoted = s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
            if (quoted) {
                checkQuoted(s.getStartMark().getIndex(), s.getEndMark().getIndex());
            }
            if (expectKey) {
                if (!quoted) {
                    throw new NotJsonShaped();
                }
                name = s.getValue();
                expectKey = false;
                return Token.FIELD_NAME;
            }
            valueDone();
            if (quoted) {
                text = s.getValue();
                return Token.STRING;
            }
            String v = s.getValue();
            if (!(v.equals("true") || v.equals("false") || v.equals("null") || NUMBER.matcher(v).matches())) {
                throw new NotJsonShaped();
            }
            return Token.OTHER_SCALAR;
        }

        /** A value in an object is followed by a key. */
        private void valueDone() {
            expectKey = depth > 0 && objects[depth - 1];
        }

        private void push(boolean object) {
            if (depth == objects.length) {
                objects = Arrays.copyOf(objects, depth * 2);
            }
            objects[depth++] = object;
        }

        /**
         * The text of a double-quoted scalar, quotes included, between {@code start} and {@code end}: no raw
         * control character or YAML line break (which YAML would fold), and only JSON's escapes.
         */
        private void checkQuoted(int start, int end) {
            for (int i = start + 1; i < end - 1; i++) {
                char c = json.charAt(i);
                if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) {
                    throw new NotJsonShaped();
                }
                if (c == '\\') {
                    i++;
                    if ("\"\\/bfnrtu".indexOf(json.charAt(i)) < 0) {
                        throw new NotJsonShaped();
                    }
                }
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public void skipChildren() {
            if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
                return;
            }
            int outside = depth - 1;
            while (depth > outside) {
                if (next() == null) {
                    throw new NotJsonShaped(); // unreachable: the parser fails on an unclosed collection first
                }
            }
        }
    }
}
