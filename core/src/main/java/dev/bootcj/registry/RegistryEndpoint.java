package dev.bootcj.registry;

import dev.bootcj.BootcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One registry operation in Jib's shape: method, route, {@code Accept}, response handling, and the action
 * description used in every error message. {@link RegistryClient#call} runs it with auth, retries and
 * redirects.
 *
 * @param <T> the result
 */
interface RegistryEndpoint<T> {
    /** {@code GET} or {@code HEAD}. */
    String method();

    /** The route relative to {@code /v2/}, e.g. {@code os/base/manifests/latest}. */
    String route();

    /** Extra request headers ({@code Accept}, {@code Range}). */
    Map<String, String> headers();

    /** Whether a redirect is followed (blobs); others treat 3xx as an error. */
    default boolean followsRedirects() {
        return false;
    }

    /** Whether {@code status} is passed to {@link #handle}; others become errors. */
    default boolean accepts(int status) {
        return status / 100 == 2;
    }

    /**
     * Turns an accepted response into the result. The body must be consumed or closed unless it is returned.
     *
     * @param uri the URI that answered (after redirects)
     */
    T handle(HttpResponse<InputStream> response, URI uri) throws IOException, BootcException;

    /** "pull manifest of 127.0.0.1:5000/os/base:latest", for messages. */
    String actionDescription();

    /** A specific message for 404, or null for the generic one. */
    default String notFoundMessage(java.util.List<ErrorCode.Error> errors) {
        return null;
    }
}
