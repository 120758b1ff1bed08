package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bootcj.ImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The image config blob (OCI image config / Docker container image v1): platform, creation time, labels,
 * the uncompressed layer digests ({@code rootfs.diff_ids}) and history.
 *
 * @param created RFC 3339 timestamp as written, may be null
 * @param author may be null
 * @param architecture the architecture
 * @param os the operating system
 * @param variant may be null
 * @param config the runtime config (labels, ...), may be null
 * @param rootfs the layer diff ids, may be null
 * @param history may be null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageConfig(
        @JsonProperty("created") String created,
        @JsonProperty("author") String author,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("variant") String variant,
        @JsonProperty("config") RuntimeConfig config,
        @JsonProperty("rootfs") RootFs rootfs,
        @JsonProperty("history") List<History> history) {

    /** The label bootc checks first for bootability. */
    public static final String LABEL_BOOTC = "containers.bootc";
    /** The older ostree bootability label. */
    public static final String LABEL_OSTREE_BOOTABLE = "ostree.bootable";
    /** The OCI version label. */
    public static final String LABEL_VERSION = "org.opencontainers.image.version";

    public ImageConfig {
        history = history == null ? null : List.copyOf(history);
    }

    /**
     * The part of {@code config} we read.
     *
     * @param labels may be null
     * @param env may be null
     * @param cmd may be null
     * @param entrypoint may be null
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RuntimeConfig(
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Entrypoint") List<String> entrypoint) {
    }

    /**
     * {@code rootfs}.
     *
     * @param type always {@code layers}
     * @param diffIds uncompressed layer digests, base first
     */
    public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
        public RootFs {
            diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        }
    }

    /**
     * One {@code history} entry.
     *
     * @param created may be null
     * @param createdBy may be null
     * @param author may be null
     * @param comment may be null
     * @param emptyLayer whether the step made no layer
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record History(
            @JsonProperty("created") String created,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("author") String author,
            @JsonProperty("comment") String comment,
            @JsonProperty("empty_layer") boolean emptyLayer) {
    }

    /**
     * Parses a config blob (UTF-8 JSON) with {@link #read}.
     *
     * @throws ImageException naming {@code image} if it is not a JSON object of a configuration
     */
    public static ImageConfig parse(byte[] bytes, String image) throws ImageException {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ImageException("Image " + image + ": invalid image config: not UTF-8", e);
        }
        String trimmed = json.strip();
        if (trimmed.isEmpty() || trimmed.equals("null")) {
            throw new ImageException("Image " + image + ": empty image config");
        }
        if (!trimmed.startsWith("{")) {
            throw new ImageException("Image " + image + ": invalid image config: not a JSON object");
        }
        try {
            return read(json);
        } catch (IOException e) {
            throw new ImageException("Image " + image + ": invalid image config: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a configuration: the one reader of image configurations (Gson's streaming reader, which {@code bootc
     * status} can afford at start-up; see {@link ImageConfigReader}). A member whose value has another type than
     * its field counts as absent; a text of only whitespace or whose top-level value is not an object gives a
     * configuration without any field.
     *
     * @throws IOException one line naming what is not JSON and where, or a {@code diff_ids} entry that is not a
     *     digest
     */
    public static ImageConfig read(String json) throws IOException {
        return ImageConfigReader.read(json);
    }

    /** The labels (never null). */
    public Map<String, String> labels() {
        return config == null || config.labels() == null ? Map.of() : config.labels();
    }

    /** The diff ids (never null). */
    public List<Digest> diffIds() {
        return rootfs == null ? List.of() : rootfs.diffIds();
    }

    /** The platform of this config. */
    public Platform platform() {
        return Platform.of(os == null ? "unknown" : os, architecture == null ? "unknown" : architecture, variant);
    }
}
