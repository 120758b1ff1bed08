package dev.bootcj.oci;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of OCI image configurations ({@link ImageConfig#read}), for the pull path and {@code bootc
 * status} alike. As in a JSON tree, a repeated key replaces the earlier value, a member whose value has another
 * type than the field's (a label that is not a string, a {@code Cmd} that is not an array) counts as absent, and
 * anything after the top-level value is ignored; a text that is only whitespace, or whose top-level value is not
 * an object, has none of the fields.
 *
 * <p>Read with Gson's streaming {@link JsonReader} in strict mode (RFC 8259), walking every value, also the ones
 * no field takes, so that what is not JSON fails as it would in a full parse (its own {@code skipValue} does not
 * check the strings it skips). Not with Jackson, the project's JSON library elsewhere: every jackson-core parser
 * extends a base class whose initialiser creates {@code BigDecimal}s, and {@code BigDecimal}'s own initialiser on
 * JDK 25 computes 5<sup>65536</sup>, about 20 ms of CPU in a {@code bootc status} whose budget is twice a Java
 * hello-world (about 100 ms); Gson's reader reads a bootc base image's configuration (about 15 KB: labels, history
 * and diff_ids of 60-odd layers) in under 2 ms on a cold JVM and needs no such set-up. {@code
 * ImageConfigLabelsTest} checks it against Jackson's tree model. Where they differ, this reader refuses: an escaped
 * surrogate without its pair (as upstream's serde_json does; Jackson takes it), and values nested deeper than
 * Gson's limit of 255 levels (Jackson allows 500, serde_json 128).
 */
final class ImageConfigReader {
    private ImageConfigReader() {
    }

    /**
     * Reads {@code json}; what is not JSON, or a {@code diff_ids} entry that is not a digest, fails with an {@link
     * IOException} whose message is one line naming the problem and the place ("... at line 1 column 7 path
     * $.config").
     */
    static ImageConfig read(String json) throws IOException {
        if (onlyWhitespace(json)) {
            return empty(); // no JSON value at all
        }
        if (json.charAt(0) == '\uFEFF') {
            // JsonReader skips a byte order mark; JSON (and Jackson, and serde_json) do not allow one.
            throw new IOException("a byte order mark before the JSON text");
        }
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setStrictness(Strictness.STRICT);
            return config(r);
        } catch (IOException e) {
            throw new IOException(oneLine(e.getMessage()), e);
        }
    }

    private static ImageConfig empty() {
        return new ImageConfig(null, null, null, null, null, null, null, null);
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

    private static ImageConfig config(JsonReader r) throws IOException {
        String[] strings = new String[5]; // created, author, architecture, os, variant
        Object[] parts = new Object[3]; // config, rootfs, history
        members(r, name -> {
            switch (name) {
                case "created" -> strings[0] = stringOrSkip(r);
                case "author" -> strings[1] = stringOrSkip(r);
                case "architecture" -> strings[2] = stringOrSkip(r);
                case "os" -> strings[3] = stringOrSkip(r);
                case "variant" -> strings[4] = stringOrSkip(r);
                case "config" -> parts[0] = runtimeConfig(r);
                case "rootfs" -> parts[1] = rootfs(r);
                case "history" -> parts[2] = history(r);
                default -> skip(r);
            }
        });
        @SuppressWarnings("unchecked")
        List<ImageConfig.History> history = (List<ImageConfig.History>) parts[2];
        return new ImageConfig(strings[0], strings[1], strings[2], strings[3], strings[4],
                (ImageConfig.RuntimeConfig) parts[0], (ImageConfig.RootFs) parts[1], history);
    }

    /** {@code config}: null if it is not an object. */
    private static ImageConfig.RuntimeConfig runtimeConfig(JsonReader r) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            skip(r);
            return null;
        }
        Object[] fields = new Object[4]; // Labels, Env, Cmd, Entrypoint
        members(r, name -> {
            switch (name) {
                case "Labels" -> fields[0] = labels(r);
                case "Env" -> fields[1] = strings(r);
                case "Cmd" -> fields[2] = strings(r);
                case "Entrypoint" -> fields[3] = strings(r);
                default -> skip(r);
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) fields[0];
        @SuppressWarnings("unchecked")
        List<String> env = (List<String>) fields[1];
        @SuppressWarnings("unchecked")
        List<String> cmd = (List<String>) fields[2];
        @SuppressWarnings("unchecked")
        List<String> entrypoint = (List<String>) fields[3];
        return new ImageConfig.RuntimeConfig(labels, env, cmd, entrypoint);
    }

    /** {@code Labels}: the members whose values are strings; null if it is not an object. */
    private static Map<String, String> labels(JsonReader r) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            skip(r);
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        members(r, name -> {
            String value = stringOrSkip(r);
            if (value == null) {
                labels.remove(name);
            } else {
                labels.put(name, value);
            }
        });
        return labels;
    }

    /** An array's string elements; null if it is not an array. */
    private static List<String> strings(JsonReader r) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            skip(r);
            return null;
        }
        List<String> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            String s = stringOrSkip(r);
            if (s != null) {
                out.add(s);
            }
        }
        r.endArray();
        return out;
    }

    /** {@code rootfs}: null if it is not an object. */
    private static ImageConfig.RootFs rootfs(JsonReader r) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            skip(r);
            return null;
        }
        String[] type = new String[1];
        List<Digest> diffIds = new ArrayList<>();
        members(r, name -> {
            switch (name) {
                case "type" -> type[0] = stringOrSkip(r);
                case "diff_ids" -> {
                    List<String> ids = strings(r);
                    diffIds.clear();
                    for (String s : ids == null ? List.<String>of() : ids) {
                        try {
                            diffIds.add(Digest.fromString(s));
                        } catch (IllegalArgumentException e) {
                            throw new IOException(e.getMessage() + " in rootfs.diff_ids");
                        }
                    }
                }
                default -> skip(r);
            }
        });
        return new ImageConfig.RootFs(type[0], diffIds);
    }

    /** {@code history}: its object entries; null if it is not an array. */
    private static List<ImageConfig.History> history(JsonReader r) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            skip(r);
            return null;
        }
        List<ImageConfig.History> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                skip(r);
                continue;
            }
            String[] strings = new String[4]; // created, created_by, author, comment
            boolean[] emptyLayer = new boolean[1];
            members(r, name -> {
                switch (name) {
                    case "created" -> strings[0] = stringOrSkip(r);
                    case "created_by" -> strings[1] = stringOrSkip(r);
                    case "author" -> strings[2] = stringOrSkip(r);
                    case "comment" -> strings[3] = stringOrSkip(r);
                    case "empty_layer" -> emptyLayer[0] = r.peek() == JsonToken.BOOLEAN ? r.nextBoolean()
                            : skipFalse(r);
                    default -> skip(r);
                }
            });
            out.add(new ImageConfig.History(strings[0], strings[1], strings[2], strings[3], emptyLayer[0]));
        }
        r.endArray();
        return out;
    }

    private static boolean skipFalse(JsonReader r) throws IOException {
        skip(r);
        return false;
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
