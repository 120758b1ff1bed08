package dev.bootcj.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.spec.SpecMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The error codes of the OCI distribution spec, as returned in {@code {"errors":[{"code":...}]}} bodies. */
public enum ErrorCode {
    BLOB_UNKNOWN, BLOB_UPLOAD_INVALID, BLOB_UPLOAD_UNKNOWN, DIGEST_INVALID, MANIFEST_BLOB_UNKNOWN,
    MANIFEST_INVALID, MANIFEST_UNKNOWN, MANIFEST_UNVERIFIED, NAME_INVALID, NAME_UNKNOWN, SIZE_INVALID,
    TAG_INVALID, UNAUTHORIZED, DENIED, UNSUPPORTED, TOOMANYREQUESTS,
    /** A code this client does not know. */
    UNKNOWN;

    /**
     * One entry of an error body.
     *
     * @param code the parsed code
     * @param rawCode the code as sent
     * @param message the registry's message, may be empty
     */
    public record Error(ErrorCode code, String rawCode, String message) {
        @Override
        public String toString() {
            return rawCode + (message.isEmpty() ? "" : ": " + message);
        }
    }

    /** Parses an error body; an unparsable body yields an empty list. */
    static List<Error> parse(byte[] body) {
        List<Error> out = new ArrayList<>();
        try {
            JsonNode root = SpecMapper.ociJson().readTree(body);
            for (JsonNode e : root.path("errors")) {
                String raw = e.path("code").asText("");
                ErrorCode code;
                try {
                    code = ErrorCode.valueOf(raw);
                } catch (IllegalArgumentException ex) {
                    code = UNKNOWN;
                }
                out.add(new Error(code, raw, e.path("message").asText("")));
            }
        } catch (java.io.IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() && text.length() < 200 && !text.contains("\n")) {
                out.add(new Error(UNKNOWN, "", text));
            }
        }
        return out;
    }
}
