package dev.bootcj.spec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose generator writes a type id set with {@link YAMLGenerator#writeTypeId} as an explicit
 * tag on the next scalar ({@code signature: !ostreeRemote "fedora"}), the form bootc's YAML uses for the
 * ostree-remote signature. Jackson's own generator marks scalar tags implicit, which drops them.
 */
final class TaggedYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    TaggedYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    /** Built on first use; kept apart from {@link SpecMapper} so that streaming YAML does not build its mappers. */
    private static final class BootcStyle {
        static final TaggedYamlFactory FACTORY = new TaggedYamlFactory(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    }

    /** The factory of bootc's YAML style (the spec mappers' and {@link HostWriter}'s): tags for signatures. */
    static TaggedYamlFactory bootcStyle() {
        return BootcStyle.FACTORY;
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new TaggingGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec,
                out, _version);
    }

    @Override
    protected YAMLGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) throws IOException {
        return _createGenerator(_createWriter(out, JsonEncoding.UTF8, ctxt), ctxt);
    }

    private static final class TaggingGenerator extends YAMLGenerator {
        private static final ImplicitTuple EXPLICIT = new ImplicitTuple(false, false);

        TaggingGenerator(IOContext ctxt, int jsonFeatures, int yamlFeatures, StringQuotingChecker quoting,
                ObjectCodec codec, Writer out, DumperOptions.Version version) throws IOException {
            super(ctxt, jsonFeatures, yamlFeatures, quoting, codec, out, version);
        }

        @Override
        protected ScalarEvent _scalarEvent(String value, DumperOptions.ScalarStyle style) {
            if (_typeId == null) {
                return super._scalarEvent(value, style);
            }
            String tag = "!" + _typeId;
            _typeId = null;
            return new ScalarEvent(null, tag, EXPLICIT, value, null, null, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
    }
}
