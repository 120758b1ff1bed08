package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /v2/<name>/manifests/<reference>}, checked against the digest it was asked for. */
final class ManifestPuller implements RegistryEndpoint<RawManifest> {
    /** The distribution spec's recommended manifest size limit. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private final String image;
    private final String repository;
    private final String reference;

    ManifestPuller(String image, String repository, String reference) {
        this.image = image;
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String route() {
        return repository + "/manifests/" + reference;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Accept", MediaType.MANIFEST_ACCEPT + ", " + MediaType.DOCKER_SCHEMA1_SIGNED + ";q=0.1, "
                + MediaType.DOCKER_SCHEMA1 + ";q=0.1");
    }

    @Override
    public RawManifest handle(HttpResponse<InputStream> response, URI uri) throws IOException, BootcException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > MAX_MANIFEST_BYTES) {
            response.body().close();
            throw new ImageException("Image " + image + ": manifest of " + declared + " bytes exceeds the "
                    + MAX_MANIFEST_BYTES + " byte limit");
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new ImageException("Image " + image + ": manifest exceeds the " + MAX_MANIFEST_BYTES + " byte limit");
        }
        RawManifest raw = RawManifest.of(bytes, response.headers().firstValue("Content-Type").orElse(null));
        if (reference.contains(":")) {
            Digest wanted = Digest.parse(reference);
            Digest actual = wanted.sameAlgorithmOf(bytes);
            if (!actual.equals(wanted)) {
                throw new ImageException("Digest mismatch for manifest of " + image + ": asked for " + wanted
                        + ", content has " + actual);
            }
        } else {
            Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
            if (header.isPresent() && header.get().startsWith("sha256:") && !header.get().equals(raw.digest().toString())) {
                throw new ImageException("Digest mismatch for manifest of " + image + ": registry says "
                        + header.get() + ", content has " + raw.digest());
            }
        }
        return raw;
    }

    @Override
    public String actionDescription() {
        return "pull manifest of " + image;
    }

    @Override
    public String notFoundMessage(List<ErrorCode.Error> errors) {
        boolean noRepo = errors.stream().anyMatch(e -> e.code() == ErrorCode.NAME_UNKNOWN);
        String what = reference.contains(":") ? "manifest " + reference : "tag '" + reference + "'";
        return "Image " + image + " not found: " + (noRepo ? "repository " + repository + " does not exist"
                : what + " not found in repository " + repository)
                + (errors.isEmpty() ? "" : " (" + errors.getFirst() + ")");
    }
}
