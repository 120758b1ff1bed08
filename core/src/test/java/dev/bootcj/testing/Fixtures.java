package dev.bootcj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Fixture files under {@code src/test/resources/<package path>/}, with {@code ${NAME}} placeholders. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Loads {@code name} beside {@code owner}'s package and substitutes {@code vars}. */
    public static String load(Class<?> owner, String name, Map<String, String> vars) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name + " beside " + owner.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : vars.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
