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
        return loadResource(owner.getPackageName().replace('.', '/') + "/" + name, vars);
    }

    /** Loads a class-path resource ({@code dev/bootcj/status/host-null.json}) and substitutes {@code vars}. */
    public static String loadResource(String name, Map<String, String> vars) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
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
