package dev.bootcj.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Credentials from a containers-auth.json file ({@code {"auths": {"host[:port]": {"auth": base64(user:pass)}}}}),
 * taken from the first existing file of a list, as bootc does.
 */
final class AuthFiles {

    /** A user name and password; {@code toString} hides the password. */
    record Credentials(String username, String password) {
        String basicHeader() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }

    /**
     * The outcome of a lookup.
     *
     * @param credentials what was found for the registry, may be empty
     * @param file the file used, or null if none exists
     * @param searched the files looked at
     */
    record Lookup(Optional<Credentials> credentials, Path file, List<Path> searched) {
        /** For error messages: where we looked and what we found. */
        String describe(String registry) {
            String list = searched.stream().map(Path::toString).collect(Collectors.joining(", "));
            if (file == null) {
                return "no auth file found (looked at " + list + ")";
            }
            return credentials.isPresent()
                    ? "credentials for " + registry + " from " + file + " were rejected (looked at " + list + ")"
                    : "no credentials for " + registry + " in " + file + " (looked at " + list + ")";
        }
    }

    private AuthFiles() {
    }

    static Lookup find(List<Path> files, String registry) throws IOException {
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                return new Lookup(read(f, registry), f, files);
            }
        }
        return new Lookup(Optional.empty(), null, files);
    }

    private static Optional<Credentials> read(Path file, String registry) throws IOException {
        JsonNode root;
        try {
            root = SpecMapper.ociJson().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot parse auth file " + file + ": " + e.getMessage(), e);
        }
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths == null || !auths.isObject()) {
            return Optional.empty();
        }
        for (String key : candidates(registry)) {
            JsonNode entry = auths.get(key);
            if (entry != null && entry.hasNonNull("auth")) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IOException("Invalid base64 'auth' for " + key + " in " + file, e);
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IOException("Invalid 'auth' for " + key + " in " + file + " (expected user:password)");
                }
                return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    private static List<String> candidates(String registry) {
        if (registry.equals("docker.io")) {
            return List.of("docker.io", "registry-1.docker.io", "index.docker.io", "https://index.docker.io/v1/");
        }
        return List.of(registry, "https://" + registry, "http://" + registry);
    }
}
