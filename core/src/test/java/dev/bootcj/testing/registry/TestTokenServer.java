package dev.bootcj.testing.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token server for docker-registry's {@code auth: token} mode, on 127.0.0.1: checks basic credentials and
 * issues RS256 JWTs (with an {@code x5c} header) granting the requested scopes. The signing certificate is
 * generated with openssl and given to the registry as its {@code rootcertbundle}.
 */
public final class TestTokenServer implements AutoCloseable {
    public static final String SERVICE = "bootcj-test-registry";
    public static final String ISSUER = "bootcj-test-issuer";

    private final ServerSocket server;
    private final PrivateKey key;
    private final String certDer;
    private final Path certFile;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    public TestTokenServer(Path dir) throws IOException {
        Files.createDirectories(dir);
        Tools.run(dir, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "token.key",
                "-out", "token.crt", "-days", "2", "-subj", "/CN=bootcj token signer"));
        this.certFile = dir.resolve("token.crt");
        this.key = readKey(dir.resolve("token.key"));
        this.certDer = Base64.getEncoder().encodeToString(pemBody(Files.readString(certFile)));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "token-server");
        t.setDaemon(true);
        t.start();
    }

    /** The realm URL for the registry config. */
    public String realm() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/token";
    }

    /** The certificate the registry trusts for tokens. */
    public Path certificate() {
        return certFile;
    }

    /** Tokens issued so far. */
    public int issued() {
        return issued.get();
    }

    /** Requests refused (bad or missing credentials). */
    public int refused() {
        return refused.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket c = server.accept()) {
                handle(c);
            } catch (IOException | java.security.GeneralSecurityException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One request per connection (answered with Connection: close). */
    private void handle(Socket c) throws IOException, java.security.GeneralSecurityException {
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        String auth = null;
        for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
            if (h.regionMatches(true, 0, "Authorization:", 0, 14)) {
                auth = h.substring(14).strip();
            }
        }
        String target = requestLine == null ? "" : requestLine.split(" ")[1];
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (TestRegistry.USER + ":" + TestRegistry.PASSWORD).getBytes(StandardCharsets.UTF_8));
        java.io.OutputStream out = c.getOutputStream();
        if (!expected.equals(auth)) {
            refused.incrementAndGet();
            out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ArrayNode access = SpecMapper.ociJson().createArrayNode();
        int q = target.indexOf('?');
        String query = q < 0 ? null : target.substring(q + 1);
        for (String kv : query == null ? new String[0] : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals("scope")) {
                String[] scope = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8).split(":");
                ObjectNode a = access.addObject();
                a.put("type", scope[0]);
                a.put("name", scope[1]);
                ArrayNode actions = a.putArray("actions");
                for (String act : scope[2].split(",")) {
                    actions.add(act);
                }
            }
        }
        byte[] body = SpecMapper.ociJson().writeValueAsBytes(SpecMapper.ociJson().createObjectNode()
                .put("token", jwt(access)).put("expires_in", 300));
        issued.incrementAndGet();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private String jwt(ArrayNode access) throws IOException, java.security.GeneralSecurityException {
        ObjectNode header = SpecMapper.ociJson().createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(certDer);
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = SpecMapper.ociJson().createObjectNode()
                .put("iss", ISSUER).put("sub", TestRegistry.USER).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now - 10)
                .put("jti", UUID.randomUUID().toString());
        claims.set("access", access);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(SpecMapper.ociJson().writeValueAsBytes(header)) + "."
                + b64.encodeToString(SpecMapper.ociJson().writeValueAsBytes(claims));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(key);
        sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(sig.sign());
    }

    private static PrivateKey readKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(pem))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read " + pem, e);
        }
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
