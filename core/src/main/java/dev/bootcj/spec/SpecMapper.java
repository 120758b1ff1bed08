package dev.bootcj.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one configured JSON mapper and YAML mapper for spec documents (thread-safe, shared). Nulls are
 * written where bootc writes them (field annotations say where they are omitted); unknown fields are
 * ignored on input, as bootc's serde does.
 */
public final class SpecMapper {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Built on first use: start-up of JSON-only and human-readable commands does not pay for YAML. */
    private static final class Yaml {
        static final YAMLMapper YAML = YAMLMapper.builder(TaggedYamlFactory.bootcStyle())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private SpecMapper() {
    }

    /** The JSON mapper (compact output). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The YAML mapper. */
    public static ObjectMapper yaml() {
        return Yaml.YAML;
    }
}
