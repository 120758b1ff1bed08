package dev.bootcj.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
    private static final class YamlFactory {
        static final YAMLFactory FACTORY = new TaggedYamlFactory(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    }

    /** Built on first use, like the factory: the streaming {@link HostWriter} needs only the factory. */
    private static final class Yaml {
        static final YAMLMapper YAML = YAMLMapper.builder(YamlFactory.FACTORY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private SpecMapper() {
    }

    /** The JSON mapper (compact output). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The YAML factory of {@link #yaml()}: its generators write bootc's YAML style (tags for signatures). */
    static YAMLFactory yamlFactory() {
        return YamlFactory.FACTORY;
    }

    /** The YAML mapper. */
    public static ObjectMapper yaml() {
        return Yaml.YAML;
    }
}
