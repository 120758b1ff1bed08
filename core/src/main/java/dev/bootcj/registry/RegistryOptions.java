package dev.bootcj.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the registry client finds its configuration, and its retry limits. {@link #defaults()} are bootc's
 * paths; tests point them at temp directories.
 * {@snippet :
 * RegistryOptions opts = RegistryOptions.defaults()
 *         .withAuthFiles(List.of(tmp.resolve("auth.json")))
 *         .withCertsDir(tmp.resolve("certs.d"));
 * }
 *
 * @param authFiles auth.json candidates, the first existing one is used
 * @param certsDir the {@code certs.d} root ({@code <host[:port]>/*.crt} inside)
 * @param registriesConf the {@code registries.conf} file; ignored when missing
 * @param maxAttempts attempts per request on transient failures (connection errors, 5xx, 429)
 * @param retryDelay the first backoff delay (doubled per attempt)
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param maxResumes how often one blob download resumes after a cut or short stream
 * @param parallelism concurrent layer downloads
 * @param connectTimeout TCP/TLS connect timeout
 * @param readIdleTimeout the longest a read of a response body (manifest, config, layer) waits for the next
 *        bytes before the request counts as failed and is retried or resumed; 30 s by default, like the connect
 *        timeout (containers/image sets no such limit and relies on TCP, which can wait indefinitely on a
 *        connection that is open but silent)
 */
public record RegistryOptions(
        List<Path> authFiles,
        Path certsDir,
        Path registriesConf,
        int maxAttempts,
        Duration retryDelay,
        Duration maxRetryAfter,
        int maxResumes,
        int parallelism,
        Duration connectTimeout,
        Duration readIdleTimeout) {

    /** bootc's auth files, in lookup order. */
    public static final List<Path> DEFAULT_AUTH_FILES = List.of(
            Path.of("/run/ostree/auth.json"), Path.of("/etc/ostree/auth.json"), Path.of("/usr/lib/ostree/auth.json"));

    public RegistryOptions {
        authFiles = List.copyOf(authFiles);
        if (maxAttempts < 1 || parallelism < 1 || maxResumes < 0) {
            throw new IllegalArgumentException("maxAttempts and parallelism must be >= 1, maxResumes >= 0");
        }
        if (readIdleTimeout.isNegative() || readIdleTimeout.isZero()) {
            throw new IllegalArgumentException("readIdleTimeout must be positive");
        }
    }

    /** The system defaults. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(DEFAULT_AUTH_FILES, Path.of("/etc/containers/certs.d"),
                Path.of("/etc/containers/registries.conf"), 5, Duration.ofMillis(500), Duration.ofSeconds(60), 5,
                3, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public RegistryOptions withAuthFiles(List<Path> files) {
        return new RegistryOptions(files, certsDir, registriesConf, maxAttempts, retryDelay, maxRetryAfter,
                maxResumes, parallelism, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withCertsDir(Path dir) {
        return new RegistryOptions(authFiles, dir, registriesConf, maxAttempts, retryDelay, maxRetryAfter,
                maxResumes, parallelism, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withRegistriesConf(Path file) {
        return new RegistryOptions(authFiles, certsDir, file, maxAttempts, retryDelay, maxRetryAfter,
                maxResumes, parallelism, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withRetries(int attempts, Duration delay, Duration retryAfterCap) {
        return new RegistryOptions(authFiles, certsDir, registriesConf, attempts, delay, retryAfterCap,
                maxResumes, parallelism, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withMaxResumes(int resumes) {
        return new RegistryOptions(authFiles, certsDir, registriesConf, maxAttempts, retryDelay, maxRetryAfter,
                resumes, parallelism, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withParallelism(int n) {
        return new RegistryOptions(authFiles, certsDir, registriesConf, maxAttempts, retryDelay, maxRetryAfter,
                maxResumes, n, connectTimeout, readIdleTimeout);
    }

    public RegistryOptions withReadIdleTimeout(Duration timeout) {
        return new RegistryOptions(authFiles, certsDir, registriesConf, maxAttempts, retryDelay, maxRetryAfter,
                maxResumes, parallelism, connectTimeout, timeout);
    }

    /** The wait before retry {@code attempt} (1-based): {@link #retryDelay} doubled per attempt, at most 30 s. */
    public Duration backoff(int attempt) {
        long ms = retryDelay.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(ms, 30_000));
    }
}
