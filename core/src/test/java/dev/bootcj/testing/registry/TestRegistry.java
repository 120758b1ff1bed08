package dev.bootcj.testing.registry;

import dev.bootcj.oci.Digest;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Debian's {@code docker-registry serve} on 127.0.0.1 and a free port, optionally with TLS (a CA and server
 * certificate generated per instance with openssl) and htpasswd basic auth; storage in {@code workDir}.
 * Stopped by PID on {@link #close()}. One instance per test class is the intended use.
 * {@snippet :
 * try (TestRegistry reg = TestRegistry.start(tmp, true, true)) {
 *     reg.push(layoutDir, "latest", "test/os:latest");
 *     RegistryOptions opts = reg.clientOptions(tmp.resolve("client"));
 * }
 * }
 */
public final class TestRegistry implements AutoCloseable {
    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret-pw";

    private final Path dir;
    private final int port;
    private final boolean tls;
    private final boolean auth;
    private final Process process;

    private TestRegistry(Path dir, int port, boolean tls, boolean auth, Process process) {
        this.dir = dir;
        this.port = port;
        this.tls = tls;
        this.auth = auth;
        this.process = process;
    }

    /** Starts a registry whose files live under {@code workDir}; {@code auth} selects htpasswd basic auth. */
    public static TestRegistry start(Path workDir, boolean tls, boolean auth) throws IOException {
        return start(workDir, tls, auth, null);
    }

    /** Starts a registry that requires bearer tokens from {@code tokens}. */
    public static TestRegistry startWithTokens(Path workDir, boolean tls, TestTokenServer tokens) throws IOException {
        return start(workDir, tls, true, tokens);
    }

    private static TestRegistry start(Path workDir, boolean tls, boolean auth, TestTokenServer tokens)
            throws IOException {
        Path dir = Files.createDirectories(workDir);
        Path storage = Files.createDirectories(dir.resolve("storage"));
        if (tls) {
            makeCertificates(dir);
        }
        if (auth && tokens == null) {
            Tools.run(dir, List.of("htpasswd", "-Bbc", dir.resolve("htpasswd").toString(), USER, PASSWORD));
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            StringBuilder cfg = new StringBuilder();
            cfg.append("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ").append(storage).append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
            if (tls) {
                cfg.append("  tls:\n    certificate: ").append(dir.resolve("server.crt"))
                        .append("\n    key: ").append(dir.resolve("server.key")).append('\n');
            }
            if (tokens != null) {
                cfg.append("auth:\n  token:\n    realm: ").append(tokens.realm())
                        .append("\n    service: ").append(TestTokenServer.SERVICE)
                        .append("\n    issuer: ").append(TestTokenServer.ISSUER)
                        .append("\n    rootcertbundle: ").append(tokens.certificate()).append('\n');
            } else if (auth) {
                cfg.append("auth:\n  htpasswd:\n    realm: test-realm\n    path: ").append(dir.resolve("htpasswd"))
                        .append('\n');
            }
            Path config = dir.resolve("config.yml");
            Files.writeString(config, cfg);
            Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile())
                    .start();
            TestRegistry r = new TestRegistry(dir, port, tls, auth, p);
            if (r.awaitListening(Duration.ofSeconds(15))) {
                return r;
            }
            r.close();
            last = new IOException("docker-registry did not start on port " + port + ": "
                    + Files.readString(dir.resolve("registry.log")));
        }
        throw last;
    }

    private static void makeCertificates(Path dir) throws IOException {
        Tools.run(dir, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-days", "2", "-subj", "/CN=bootcj test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        Tools.run(dir, List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
                "-out", "server.csr", "-subj", "/CN=127.0.0.1"));
        Files.writeString(dir.resolve("server.ext"),
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        Tools.run(dir, List.of("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext"));
        // skopeo's cert dir must hold only the CA (a *.key there is taken for a client key).
        Files.copy(dir.resolve("ca.crt"), Files.createDirectories(dir.resolve("skopeo-certs")).resolve("ca.crt"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** {@code 127.0.0.1:port}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The CA certificate (TLS registries only). */
    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    /**
     * Writes a certs.d tree trusting this registry's CA for each of {@code hostPorts} (default: {@link #host()})
     * under {@code root}; returns {@code root}.
     */
    public Path writeCertsDir(Path root, String... hostPorts) throws IOException {
        List<String> hosts = hostPorts.length == 0 ? List.of(host()) : List.of(hostPorts);
        for (String h : hosts) {
            Path d = Files.createDirectories(root.resolve(h));
            if (tls) {
                Files.copy(caCert(), d.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return root;
    }

    /** Writes a containers-auth.json with this registry's credentials for {@code hostPorts}; returns it. */
    public Path writeAuthFile(Path file, String user, String password, String... hostPorts) throws IOException {
        List<String> hosts = hostPorts.length == 0 ? List.of(host()) : List.of(hostPorts);
        String b64 = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder("{\"auths\":{");
        for (int i = 0; i < hosts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(hosts.get(i)).append("\":{\"auth\":\"").append(b64)
                    .append("\"}");
        }
        sb.append("}}");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb);
        return file;
    }

    /**
     * Client options for tests: a certs.d and auth file under {@code clientDir} trusting and authenticating to
     * this registry, no registries.conf, quick retries.
     */
    public RegistryOptions clientOptions(Path clientDir) throws IOException {
        Path certs = writeCertsDir(clientDir.resolve("certs.d"));
        Path authFile = writeAuthFile(clientDir.resolve("auth.json"), USER, PASSWORD);
        return RegistryOptions.defaults()
                .withAuthFiles(List.of(clientDir.resolve("missing-auth.json"), authFile))
                .withCertsDir(certs)
                .withRegistriesConf(clientDir.resolve("registries.conf"))
                .withRetries(4, Duration.ofMillis(20), Duration.ofSeconds(1));
    }

    /** skopeo options that make skopeo trust and authenticate to this registry as a destination. */
    public List<String> skopeoDest() {
        List<String> o = new ArrayList<>();
        if (tls) {
            o.add("--dest-cert-dir=" + dir.resolve("skopeo-certs"));
        } else {
            o.add("--dest-tls-verify=false");
        }
        if (auth) {
            o.add("--dest-creds=" + USER + ":" + PASSWORD);
        }
        return o;
    }

    /** skopeo options for this registry as a source. */
    public List<String> skopeoSrc() {
        return skopeoDest().stream().map(s -> s.replace("--dest-", "--src-")).toList();
    }

    /** Pushes {@code oci:layout:tag} to {@code repoAndTag} (e.g. {@code test/os:latest}); {@code all} copies every platform. */
    public void push(Path layout, String tag, String repoAndTag, boolean all) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--preserve-digests"));
        if (all) {
            cmd.add("--all");
        }
        cmd.addAll(skopeoDest());
        cmd.add("oci:" + layout + ":" + tag);
        cmd.add("docker://" + host() + "/" + repoAndTag);
        Tools.run(null, cmd);
    }

    /** The file holding blob {@code d} in the registry's storage (to corrupt it on purpose). */
    public Path blobDataFile(Digest d) {
        return dir.resolve("storage/docker/registry/v2/blobs").resolve(d.algorithm()).resolve(d.hex().substring(0, 2))
                .resolve(d.hex()).resolve("data");
    }

    /** Stops the registry by PID and waits for it. */
    @Override
    public void close() {
        ProcessHandle h = process.toHandle();
        h.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                h.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
