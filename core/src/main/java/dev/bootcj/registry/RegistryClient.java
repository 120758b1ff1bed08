package dev.bootcj.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.BootcException;
import dev.bootcj.RegistryException;
import dev.bootcj.oci.Digest;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one repository on one registry endpoint (distribution API v2 over {@code java.net.http}).
 * Owns authentication (basic from the auth files, bearer tokens cached per scope), TLS trust, transient-failure
 * retries with backoff, and redirects for blobs. Thread-safe.
 * {@snippet :
 * RegistryClient c = RegistryClient.create("quay.io", "fedora/fedora-bootc", false, RegistryOptions.defaults());
 * RawManifest m = c.pullManifest("latest");
 * try (InputStream in = c.pullBlob(layer.digest(), 0)) { ... }
 * }
 */
public final class RegistryClient {
    private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** How long to wait for response headers; a timeout counts as a transient failure. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

    private final String registry;
    private final String apiHost;
    private final String repository;
    private final boolean insecure;
    private final RegistryOptions options;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile URI base;
    private volatile AuthChallenge challenge;
    private volatile AuthFiles.Lookup credentials;

    private RegistryClient(String registry, String repository, boolean insecure, RegistryOptions options)
            throws IOException {
        this.registry = registry;
        this.apiHost = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
        this.repository = repository;
        this.insecure = insecure;
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .sslContext(insecure ? RegistryTls.trustingAll()
                        : RegistryTls.verifying(RegistryTls.certsDirFor(options.certsDir(), apiHost)))
                .build();
    }

    /**
     * A client for {@code registry/repository}.
     *
     * @param registry {@code host[:port]}; {@code docker.io} is reached at {@code registry-1.docker.io}
     * @param insecure plain HTTP allowed and TLS unverified (registries.conf {@code insecure = true})
     */
    public static RegistryClient create(String registry, String repository, boolean insecure, RegistryOptions options)
            throws IOException {
        return new RegistryClient(registry, repository, insecure, options);
    }

    /** {@code host[:port]}. */
    public String registry() {
        return registry;
    }

    /** The repository path. */
    public String repository() {
        return repository;
    }

    private String image(String reference) {
        return registry + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    /** Fetches a manifest or index by tag or digest, checking its digest. */
    public RawManifest pullManifest(String reference) throws IOException, BootcException {
        return call(new ManifestPuller(image(reference), repository, reference));
    }

    /** HEAD: the digest a tag points to (empty if the registry has no such manifest). */
    public Optional<Digest> checkManifest(String reference) throws IOException, BootcException {
        return call(new ManifestChecker(image(reference), repository, reference));
    }

    /** Opens a blob's raw bytes from {@code offset} (a Range request when non-zero). Unverified. */
    public InputStream pullBlob(Digest digest, long offset) throws IOException, BootcException {
        return call(new BlobPuller(registry + "/" + repository, repository, digest, offset));
    }

    /** Runs one endpoint with auth, retries and redirects. */
    <T> T call(RegistryEndpoint<T> endpoint) throws IOException, BootcException {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(endpoint);
            } catch (BodyFailure e) {
                // The body stalled or the connection was cut while the endpoint read it: start over.
                IOException cause = e.getCause();
                if (attempt >= options.maxAttempts()) {
                    throw new RegistryException("Failed to " + endpoint.actionDescription() + ": "
                            + cause.getMessage() + " (after " + attempt + " attempts)", 0, cause);
                }
                Duration delay = options.backoff(attempt);
                log.info("Failed to {}: {}; retrying in {} ms (attempt {}/{})", endpoint.actionDescription(),
                        cause.getMessage(), delay.toMillis(), attempt, options.maxAttempts());
                sleep(delay);
            }
        }
    }

    /** A transport failure while an endpoint read its response body; retried by {@link #call}. */
    private static final class BodyFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BodyFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private <T> T callOnce(RegistryEndpoint<T> endpoint) throws IOException, BootcException, BodyFailure {
        URI uri = baseUri().resolve(endpoint.route());
        boolean authRetried = false;
        for (int redirects = 0; ; ) {
            boolean sameHost = uri.getAuthority().equals(base.getAuthority());
            HttpResponse<InputStream> response = send(endpoint, uri, sameHost);
            int status = response.statusCode();
            if (status == 401 && sameHost && !authRetried) {
                discard(response);
                authRetried = true;
                authenticate(response, endpoint);
                continue;
            }
            if (endpoint.followsRedirects() && isRedirect(status)) {
                discard(response);
                if (++redirects > MAX_REDIRECTS) {
                    throw new RegistryException("Too many redirects while trying to " + endpoint.actionDescription(),
                            status);
                }
                String location = response.headers().firstValue("Location").orElseThrow(() -> new IOException(
                        "Redirect without Location while trying to " + endpoint.actionDescription()));
                uri = uri.resolve(location);
                continue;
            }
            if (endpoint.accepts(status)) {
                try {
                    return endpoint.handle(response, uri);
                } catch (java.io.InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    response.body().close();
                    throw new BodyFailure(e);
                }
            }
            throw error(endpoint, response);
        }
    }

    private HttpResponse<InputStream> send(RegistryEndpoint<?> endpoint, URI uri, boolean withAuth)
            throws IOException, BootcException {
        IOException lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(endpoint.method(),
                    HttpRequest.BodyPublishers.noBody()).timeout(RESPONSE_TIMEOUT);
            endpoint.headers().forEach(b::header);
            String authorization = withAuth ? authorization() : null;
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            Duration delay = options.backoff(attempt);
            try {
                HttpResponse<InputStream> r = http.send(b.build(), info -> HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofInputStream(),
                        in -> new IdleTimeoutInputStream(in, options.readIdleTimeout())));
                int status = r.statusCode();
                if ((status >= 500 || status == 429) && attempt < options.maxAttempts()) {
                    delay = retryAfter(r).orElse(delay);
                    discard(r);
                    log.info("{} answered {} to {} {}; retrying in {} ms (attempt {}/{})", apiHost, status,
                            endpoint.method(), uri, delay.toMillis(), attempt, options.maxAttempts());
                    sleep(delay);
                    continue;
                }
                return r;
            } catch (SSLHandshakeException e) {
                throw tlsFailure(uri, e);
            } catch (IOException e) {
                if (hasCause(e, SSLHandshakeException.class)) {
                    throw tlsFailure(uri, e);
                }
                lastFailure = e;
                if (attempt >= options.maxAttempts()) {
                    String what = e instanceof ConnectException ? "cannot connect to " + uri.getAuthority()
                            : e.toString();
                    throw new RegistryException("Failed to " + endpoint.actionDescription() + ": " + what
                            + " (after " + attempt + " attempts)", 0, lastFailure);
                }
                log.info("{} {} failed: {}; retrying in {} ms (attempt {}/{})", endpoint.method(), uri, e,
                        delay.toMillis(), attempt, options.maxAttempts());
                sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while trying to " + endpoint.actionDescription());
            }
        }
    }

    private URI baseUri() throws IOException, BootcException {
        URI b = base;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (base != null) {
                return base;
            }
            URI https = URI.create("https://" + apiHost + "/v2/");
            if (!insecure) {
                base = https;
                return https;
            }
            // An insecure registry may speak plain HTTP: probe TLS first, as containers/image does.
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(https).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                discard(r);
                base = https;
            } catch (IOException e) {
                log.debug("{} does not speak TLS ({}); using http", apiHost, e.toString());
                base = URI.create("http://" + apiHost + "/v2/");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while probing " + apiHost);
            }
            return base;
        }
    }

    private String authorization() {
        AuthChallenge c = challenge;
        if (c == null) {
            return null;
        }
        if (c.scheme().equals("basic")) {
            AuthFiles.Lookup l = credentials;
            return l != null && l.credentials().isPresent() ? l.credentials().get().basicHeader() : null;
        }
        String token = tokens.get(scope(c));
        return token == null ? null : "Bearer " + token;
    }

    private String scope(AuthChallenge c) {
        String s = c.param("scope");
        return s != null ? s : "repository:" + repository + ":pull";
    }

    /** Handles a 401: reads the challenge, then finds credentials or fetches a token. */
    private void authenticate(HttpResponse<InputStream> response, RegistryEndpoint<?> endpoint)
            throws IOException, BootcException {
        List<AuthChallenge> challenges = response.headers().allValues("WWW-Authenticate").stream()
                .flatMap(h -> AuthChallenge.parse(h).stream()).toList();
        AuthChallenge bearer = challenges.stream().filter(c -> c.scheme().equals("bearer")).findFirst().orElse(null);
        AuthChallenge basic = challenges.stream().filter(c -> c.scheme().equals("basic")).findFirst().orElse(null);
        AuthFiles.Lookup lookup = lookup();
        if (bearer != null) {
            fetchToken(bearer, lookup, endpoint);
            challenge = bearer;
        } else if (basic != null) {
            if (lookup.credentials().isEmpty()) {
                throw unauthorized(endpoint, lookup);
            }
            challenge = basic;
        } else {
            throw new RegistryException("Failed to " + endpoint.actionDescription() + ": 401 Unauthorized without a"
                    + " usable WWW-Authenticate challenge (" + challenges + ")", 401);
        }
    }

    private AuthFiles.Lookup lookup() throws IOException {
        AuthFiles.Lookup l = credentials;
        if (l == null) {
            l = AuthFiles.find(options.authFiles(), registry);
            credentials = l;
        }
        return l;
    }

    private void fetchToken(AuthChallenge bearer, AuthFiles.Lookup lookup, RegistryEndpoint<?> endpoint)
            throws IOException, BootcException {
        String realm = bearer.param("realm");
        if (realm == null) {
            throw new RegistryException("Failed to " + endpoint.actionDescription()
                    + ": bearer challenge without realm", 401);
        }
        String scope = scope(bearer);
        StringBuilder q = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (bearer.param("service") != null) {
            q.append("service=").append(URLEncoder.encode(bearer.param("service"), StandardCharsets.UTF_8)).append('&');
        }
        q.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(q.toString())).GET();
        lookup.credentials().ifPresent(c -> b.header("Authorization", c.basicHeader()));
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLHandshakeException e) {
            throw tlsFailure(URI.create(realm), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while fetching a token from " + realm);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw unauthorized(endpoint, lookup);
        }
        if (r.statusCode() / 100 != 2) {
            throw new RegistryException("Failed to " + endpoint.actionDescription() + ": token server " + realm
                    + " answered " + r.statusCode(), r.statusCode());
        }
        JsonNode json = SpecMapper.ociJson().readTree(r.body());
        String token = json.path("token").asText(json.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException("Failed to " + endpoint.actionDescription() + ": token server " + realm
                    + " returned no token", r.statusCode());
        }
        tokens.put(scope, token);
    }

    private RegistryException unauthorized(RegistryEndpoint<?> endpoint, AuthFiles.Lookup lookup) {
        return new RegistryException("Failed to " + endpoint.actionDescription() + ": 401 Unauthorized by " + registry
                + ": " + lookup.describe(registry), 401);
    }

    private RegistryException error(RegistryEndpoint<?> endpoint, HttpResponse<InputStream> response)
            throws IOException {
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        }
        List<ErrorCode.Error> errors = ErrorCode.parse(body);
        if (status == 401) {
            return unauthorized(endpoint, lookup());
        }
        if (status == 404) {
            String m = endpoint.notFoundMessage(errors);
            if (m != null) {
                return new RegistryException(m, status);
            }
        }
        String detail = errors.isEmpty() ? "" : ": " + errors.getFirst();
        return new RegistryException("Failed to " + endpoint.actionDescription() + ": HTTP " + status + detail, status);
    }

    private RegistryException tlsFailure(URI uri, IOException e) {
        Path fix = RegistryTls.certsDirFor(options.certsDir(), uri.getPort() < 0 ? uri.getHost()
                : uri.getHost() + ":" + uri.getPort());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new RegistryException("TLS verification of " + uri.getAuthority() + " failed: " + root.getMessage()
                + "; to trust its CA, put the CA certificate in " + fix + "/ca.crt", 0, e);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> h = r.headers().firstValue("Retry-After");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(h.get().strip()));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(h.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (java.time.format.DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : d);
    }

    private static void sleep(Duration d) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting to retry");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void discard(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.skip(MAX_ERROR_BODY);
        } catch (IOException e) {
            log.debug("discarding a response body failed: {}", e.toString());
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
