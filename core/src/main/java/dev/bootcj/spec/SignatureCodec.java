package dev.bootcj.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/** The irregular wire shape of {@link ImageSignature} (a string, a one-key object, or a YAML tag). */
final class SignatureCodec {
    private SignatureCodec() {
    }

    /**
     * Writes a signature as bootc does: a plain string, or {@code ostreeRemote} as a YAML tag
     * ({@code !ostreeRemote "name"}) in YAML and a one-key object in JSON.
     */
    static void write(ImageSignature value, JsonGenerator gen) throws IOException {
        switch (value) {
            case ImageSignature.ContainerPolicy c -> gen.writeString("containerPolicy");
            case ImageSignature.Insecure i -> gen.writeString("insecure");
            case ImageSignature.OstreeRemote r -> {
                if (gen instanceof YAMLGenerator yaml) {
                    yaml.writeTypeId("ostreeRemote");
                    yaml.writeString(r.remote());
                } else {
                    gen.writeStartObject();
                    gen.writeStringField("ostreeRemote", r.remote());
                    gen.writeEndObject();
                }
            }
        }
    }

    static final class Serializer extends JsonSerializer<ImageSignature> {
        @Override
        public void serialize(ImageSignature value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(value, gen);
        }
    }

    static final class Deserializer extends JsonDeserializer<ImageSignature> {
        @Override
        public ImageSignature deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p instanceof YAMLParser yaml && p.currentToken() == JsonToken.VALUE_STRING) {
                String tag = yaml.getTypeId();
                if (tag != null) {
                    String name = tag.startsWith("!") ? tag.substring(1) : tag;
                    if (name.equals("ostreeRemote")) {
                        return new ImageSignature.OstreeRemote(p.getText());
                    }
                    throw ctxt.weirdStringException(p.getText(), ImageSignature.class, "unknown signature tag !" + name);
                }
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return switch (p.getText()) {
                    case "containerPolicy" -> new ImageSignature.ContainerPolicy();
                    case "insecure" -> new ImageSignature.Insecure();
                    default -> throw ctxt.weirdStringException(p.getText(), ImageSignature.class,
                            "expected containerPolicy, insecure or {ostreeRemote: <remote>}");
                };
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String field = p.nextFieldName();
                if ("ostreeRemote".equals(field) && p.nextToken() == JsonToken.VALUE_STRING) {
                    String remote = p.getText();
                    if (p.nextToken() == JsonToken.END_OBJECT) {
                        return new ImageSignature.OstreeRemote(remote);
                    }
                }
            }
            throw ctxt.wrongTokenException(p, ImageSignature.class, JsonToken.VALUE_STRING,
                    "expected containerPolicy, insecure or {ostreeRemote: <remote>}");
        }
    }
}
