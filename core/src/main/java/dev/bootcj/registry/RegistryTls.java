package dev.bootcj.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS trust for one registry: the JDK's and the system's CAs plus {@code certs.d/<host[:port]>/*.crt};
 * or no verification at all for a registry marked {@code insecure} in registries.conf.
 */
final class RegistryTls {
    private static final Path SYSTEM_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    private RegistryTls() {
    }

    /** The certs.d directory for {@code hostPort}. */
    static Path certsDirFor(Path certsRoot, String hostPort) {
        return certsRoot.resolve(hostPort);
    }

    /** A verifying context trusting the default CAs plus the {@code *.crt} files in {@code hostDir}. */
    static SSLContext verifying(Path hostDir) throws IOException {
        try {
            List<X509ExtendedTrustManager> managers = new ArrayList<>();
            managers.add(fromKeyStore(null));
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int n = 0;
            if (Files.isDirectory(hostDir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(hostDir, "*.crt")) {
                    for (Path p : ds) {
                        for (Certificate c : readCerts(p)) {
                            extra.setCertificateEntry("certs.d-" + n++, c);
                        }
                    }
                }
            }
            if (Files.isRegularFile(SYSTEM_BUNDLE)) {
                for (Certificate c : readCerts(SYSTEM_BUNDLE)) {
                    extra.setCertificateEntry("system-" + n++, c);
                }
            }
            if (n > 0) {
                managers.add(fromKeyStore(extra));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS trust from " + hostDir + ": " + e.getMessage(), e);
        }
    }

    /** A context that accepts any certificate and host name (registries.conf {@code insecure = true}). */
    static SSLContext trustingAll() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static List<? extends Certificate> readCerts(Path p) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(p)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static X509ExtendedTrustManager fromKeyStore(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager available");
    }

    /** Trusts a chain if any delegate does (host names are checked by each delegate). */
    private static final class AnyOf extends ServerOnly {
        private final List<X509ExtendedTrustManager> delegates;

        AnyOf(List<X509ExtendedTrustManager> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void any(Check check) throws CertificateException {
            CertificateException first = null;
            for (X509ExtendedTrustManager tm : delegates) {
                try {
                    check.run(tm);
                    return;
                } catch (CertificateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first != null ? first : new CertificateException("no trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>();
            for (X509ExtendedTrustManager tm : delegates) {
                all.addAll(List.of(tm.getAcceptedIssuers()));
            }
            return all.toArray(X509Certificate[]::new);
        }
    }

    /** For insecure registries only. */
    private static final class TrustAll extends ServerOnly {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A trust manager for a client: it checks servers only and refuses to act for a server. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }
    }
}
