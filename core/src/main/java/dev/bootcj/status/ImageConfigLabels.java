package dev.bootcj.status;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;

/**
 * The strings status takes from an OCI image configuration: {@code
 * config.Labels["org.opencontainers.image.version"]}, {@code config.Labels.version}, {@code
 * config.Labels["org.opencontainers.image.created"]} and the top-level {@code created}. As in a JSON tree, a
 * repeated key replaces the earlier value, a value that is not a string counts as absent, and anything after the
 * top-level value is ignored; an empty text has none of them.
 *
 * <p>Read with Gson's streaming {@link JsonReader} in strict mode (RFC 8259), walking every value, also the ones
 * status does not use, so that what is not JSON fails as it would in a full parse (its own {@code skipValue} does
 * not check the strings it skips). Not with Jackson, the project's JSON library elsewhere: every jackson-core parser
 * extends a base class whose initialiser creates {@code BigDecimal}s, and {@code BigDecimal}'s own initialiser on
 * JDK 25 computes 5<sup>65536</sup>, about 20 ms of CPU in a {@code bootc status} whose budget is twice a Java
 * hello-world (about 100 ms); Gson's reader reads a bootc base image's configuration (about 15 KB: labels, history
 * and diff_ids of 60-odd layers) in under 2 ms on a cold JVM and needs no such set-up. {@code
 * ImageConfigLabelsTest} checks it against Jackson's tree model. Where they differ, this reader refuses: an escaped
 * surrogate without its pair (as upstream's serde_json does; Jackson takes it), and values nested deeper than
 * Gson's limit of 255 levels (Jackson allows 500, serde_json 128).
 *
 * @param ociVersion {@code org.opencontainers.image.version}, or null
 * @param version the {@code version} label, or null
 * @param ociCreated {@code org.opencontainers.image.created}, or null
 * @param created the top-level {@code created}, or null
 */
record ImageConfigLabels(String ociVersion, String version, String ociCreated, String created) {
    /**
     * Parses {@code json}; what is not JSON fails with an {@link IOException} whose message is one line naming the
     * problem and the place ("... at line 1 column 7 path $.config").
     */
    static ImageConfigLabels parse(String json) throws IOException {
        if (onlyWhitespace(json)) {
            return new ImageConfigLabels(null, null, null, null); // no JSON value at all
        }
        if (json.charAt(0) == '\uFEFF') {
            // JsonReader skips a byte order mark; JSON (and Jackson, and serde_json) do not allow one.
            throw new IOException("a byte order mark before the JSON text");
        }
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setStrictness(Strictness.STRICT);
            return read(r);
        } catch (IOException e) {
            throw new IOException(oneLine(e.getMessage()), e);
        }
    }

    /**
     * Gson's message without its second line (a link to its troubleshooting guide) and with its advice to parse
     * leniently put as what it means.
     */
    private static String oneLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        String lenient = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";
        return line.startsWith(lenient) ? "malformed JSON" + line.substring(lenient.length()) : line;
    }

    private static ImageConfigLabels read(JsonReader r) throws IOException {
        String[] found = new String[4]; // the three labels (see labels()), then the top-level created
        members(r, name -> {
            switch (name) {
                case "created" -> found[3] = stringOrSkip(r);
                case "config" -> config(r, found);
                default -> skip(r);
            }
        });
        return new ImageConfigLabels(found[0], found[1], found[2], found[3]);
    }

    /** Whether {@code s} is nothing but JSON's whitespace (space, tab, line feed, carriage return). */
    private static boolean onlyWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** One {@code config} value into {@code found}; each repetition of the key starts empty. */
    private static void config(JsonReader r, String[] found) throws IOException {
        Arrays.fill(found, 0, 3, null);
        members(r, name -> {
            if (name.equals("Labels")) {
                labels(r, found);
            } else {
                skip(r);
            }
        });
    }

    /** One {@code Labels} value into {@code found}: version, legacy version, created; each repetition starts empty. */
    private static void labels(JsonReader r, String[] found) throws IOException {
        Arrays.fill(found, 0, 3, null);
        members(r, name -> {
            int slot = switch (name) {
                case "org.opencontainers.image.version" -> 0;
                case "version" -> 1;
                case "org.opencontainers.image.created" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                found[slot] = stringOrSkip(r);
            } else {
                skip(r);
            }
        });
    }

    /**
     * For an object: {@code member} with each member's name, which must read the member's value; any other value
     * is skipped.
     */
    private static void members(JsonReader r, Member member) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            skip(r);
            return;
        }
        r.beginObject();
        while (r.hasNext()) {
            member.accept(r.nextName());
        }
        r.endObject();
    }

    /** One member of an object, as {@link #members} hands it over. */
    private interface Member {
        void accept(String name) throws IOException;
    }

    /** The next value if it is a string; otherwise skips it and gives null. */
    private static String stringOrSkip(JsonReader r) throws IOException {
        if (r.peek() == JsonToken.STRING) {
            return r.nextString();
        }
        skip(r);
        return null;
    }

    /** Reads past the next value, checking all of it (strings included) as strict JSON. */
    private static void skip(JsonReader r) throws IOException {
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                r.beginObject();
                while (r.hasNext()) {
                    r.nextName();
                    skip(r);
                }
                r.endObject();
            }
            case BEGIN_ARRAY -> {
                r.beginArray();
                while (r.hasNext()) {
                    skip(r);
                }
                r.endArray();
            }
            case STRING, NUMBER -> r.nextString();
            case BOOLEAN -> r.nextBoolean();
            case NULL -> r.nextNull();
            // Not reached: peek() at a name or an end is the caller's mistake, at the end of the input an exception.
            default -> throw new MalformedJsonException("expected a value at " + r.getPath() + " but found " + r.peek());
        }
    }
}
