package dev.bootcj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.ImageException;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * containers-policy.json checks for {@code --enforce-container-sigpolicy}: a policy whose default accepts
 * anything would make "enforced" verification a no-op, so it is refused. Full signature verification is not
 * implemented yet.
 */
public final class SignaturePolicy {
    /** Where containers/image keeps the policy. */
    public static final Path POLICY = Path.of("/etc/containers/policy.json");

    private SignaturePolicy() {
    }

    /** Refuses an insecure default in {@link #POLICY}. */
    public static void requireEnforcing() throws ImageException {
        requireEnforcing(POLICY);
    }

    /** Refuses an insecure default in {@code policy}. */
    public static void requireEnforcing(Path policy) throws ImageException {
        JsonNode root;
        try {
            root = SpecMapper.json().readTree(Files.readString(policy));
        } catch (IOException e) {
            throw new ImageException("Cannot enforce the container signature policy: " + policy + ": "
                    + e.getMessage(), e);
        }
        for (JsonNode requirement : root.path("default")) {
            if ("insecureAcceptAnything".equals(requirement.path("type").asText())) {
                throw new ImageException(
                        "containers-policy.json specifies a default of `insecureAcceptAnything`; refusing usage");
            }
        }
    }
}
