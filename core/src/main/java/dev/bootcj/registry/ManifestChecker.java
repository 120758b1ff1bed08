package dev.bootcj.registry;

import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** {@code HEAD /v2/<name>/manifests/<reference>}: the digest without the body, empty if absent. */
final class ManifestChecker implements RegistryEndpoint<Optional<Digest>> {
    private final String image;
    private final String repository;
    private final String reference;

    ManifestChecker(String image, String repository, String reference) {
        this.image = image;
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public String method() {
        return "HEAD";
    }

    @Override
    public String route() {
        return repository + "/manifests/" + reference;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Accept", MediaType.MANIFEST_ACCEPT);
    }

    @Override
    public boolean accepts(int status) {
        return status / 100 == 2 || status == 404;
    }

    @Override
    public Optional<Digest> handle(HttpResponse<InputStream> response, URI uri) throws IOException {
        response.body().close();
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isEmpty()) {
            throw new IOException("Registry gave no Docker-Content-Digest for HEAD of " + image);
        }
        try {
            return Optional.of(Digest.fromString(header.get()));
        } catch (IllegalArgumentException e) {
            throw new IOException("Registry gave an invalid Docker-Content-Digest for " + image + ": " + e.getMessage());
        }
    }

    @Override
    public String actionDescription() {
        return "check manifest of " + image;
    }
}
