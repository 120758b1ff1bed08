package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where every Jackson mapper of the project is built: the JSON and YAML mappers of spec documents, the JSON and
 * YAML mappers of OCI documents, the TOML mapper of bootc's configuration files and the YAML mapper of lint's
 * check list. Each is configured once, shared and thread-safe, and built on first use (one holder class each), so
 * a command pays only for the mappers it uses. {@code bootc status} does not even load this class: {@link
 * HostWriter} streams with {@link TaggedYamlFactory}'s factory, as linking this class makes the verifier load the
 * mapper classes its methods return (measured: about 20 ms of CPU on the status path).
 */
public final class SpecMapper {
    /** Spec documents: nulls written where bootc writes them (field annotations say where they are omitted). */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(TaggedYamlFactory.bootcStyle())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** OCI documents: unknown fields ignored, absent optional fields omitted. */
    private static final class OciJson {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    private static final class OciYaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                        .build())
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    /** kargs.d, install configuration, registries.conf: unknown keys rejected unless a type says otherwise. */
    private static final class Toml {
        static final TomlMapper MAPPER = TomlMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static final class LintYaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build())
                .build();
    }

    private SpecMapper() {
    }

    /** The JSON mapper of spec documents (compact output); also for plain JSON trees and values. */
    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    /** The YAML mapper of spec documents (bootc's style, signature tags). */
    public static ObjectMapper yaml() {
        return Yaml.MAPPER;
    }

    /** The JSON mapper of OCI documents (manifests, indexes, layouts, inspection output). */
    public static ObjectMapper ociJson() {
        return OciJson.MAPPER;
    }

    /** The YAML mapper of inspection output. */
    public static ObjectMapper ociYaml() {
        return OciYaml.MAPPER;
    }

    /** The TOML mapper. */
    public static ObjectMapper toml() {
        return Toml.MAPPER;
    }

    /** The YAML mapper of {@code container lint --list}. */
    public static ObjectMapper lintYaml() {
        return LintYaml.MAPPER;
    }
}
