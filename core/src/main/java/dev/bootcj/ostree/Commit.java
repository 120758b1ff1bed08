package dev.bootcj.ostree;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A commit object as read from a repo: {@code (a{sv}aya(say)sstayay)}.
 *
 * @param checksum the commit's checksum
 * @param metadata the commit metadata, in the Java shapes of {@code glib.Variants}
 * @param parent the parent checksum, or null
 * @param subject the subject line (may be empty)
 * @param body the body (may be empty)
 * @param timestamp the commit time
 */
public record Commit(String checksum, Map<String, Object> metadata, String parent, String subject, String body,
        Instant timestamp) {

    /** A string metadata value. */
    public Optional<String> metadataString(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
