package dev.bootcj.ostree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A commit metadata value of GVariant type {@code a{sa{su}}}: per outer name, counts per inner name (the shape
 * of {@code ostree.tar-filtered}: per layer, how many paths of each kind its import dropped). Pass it as a
 * value of {@link RepoTransaction#writeCommit}'s metadata.
 *
 * @param counts outer name to inner name to count; copied, in the caller's order (the order written)
 */
public record CountsByName(Map<String, Map<String, Integer>> counts) {
    public CountsByName {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        counts = Collections.unmodifiableMap(copy);
    }
}
