package dev.bootcj.testing.registry;

import dev.bootcj.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a test registry that injects faults: cut one connection after a number
 * of response bytes; cut or stall (stop sending, keep the connection open) the response to the next request
 * for a given path after a number of its body bytes; hold one response after a number of bytes until the test
 * releases it; or answer the next connections with a canned HTTP response (503, 429) without forwarding them.
 * Threads are daemons; {@link #close()} closes every socket.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger cannedLeft = new AtomicInteger();
    private final AtomicInteger cannedServed = new AtomicInteger();
    private volatile String canned;
    private final AtomicLong holdAfter = new AtomicLong(-1);
    private final Object holdLock = new Object();
    private int holding; // guarded by holdLock
    private boolean released; // guarded by holdLock
    private final AtomicInteger stalls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<BodyFault> nextBodyFault =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** What happens to a response body at the chosen byte. */
    public enum Fault {
        /** The connection is reset. */
        CUT,
        /** Nothing more is sent, but the connection stays open until the client closes it. */
        STALL
    }

    private record BodyFault(Fault fault, String path, long bodyBytes, AtomicInteger left) {
    }

    /**
     * Client options for plain-HTTP {@code registry} and this proxy in front of it: both marked insecure in a
     * {@code registries.conf} written to {@code dir}, no credentials, no certificates; retries as the defaults.
     */
    public RegistryOptions insecureClientOptions(TestRegistry registry, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("registries.conf");
        Files.writeString(conf, """
                [[registry]]
                location = "%s"
                insecure = true

                [[registry]]
                location = "%s"
                insecure = true
                """.formatted(registry.host(), host()));
        return RegistryOptions.defaults()
                .withAuthFiles(List.of(dir.resolve("no-auth.json")))
                .withCertsDir(dir.resolve("certs.d"))
                .withRegistriesConf(conf);
    }

    /** Per connection: the armed fault for the response now being forwarded. */
    private static final class Armed {
        volatile BodyFault fault;
        volatile boolean fresh;
    }

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return "127.0.0.1:" + port();
    }

    /** The next connection whose response passes {@code bytes} bytes is cut there (once). */
    public void cutOnceAfter(long bytes) {
        cutAfter.set(bytes);
    }

    /**
     * The responses to the next {@code times} requests whose request line contains {@code path} get
     * {@code fault} after {@code bodyBytes} bytes of their body (after the response head).
     */
    public void faultBody(Fault fault, String path, long bodyBytes, int times) {
        nextBodyFault.set(new BodyFault(fault, path, bodyBytes, new AtomicInteger(times)));
    }

    /** Stops injecting body faults. */
    public void clearBodyFaults() {
        nextBodyFault.set(null);
    }

    /** How many responses were stalled. */
    public int stalls() {
        return stalls.get();
    }

    /** How many connections were cut. */
    public int cuts() {
        return cuts.get();
    }

    /** The next {@code n} connections get {@code rawResponse} and are closed. */
    public void answerNext(int n, String rawResponse) {
        canned = rawResponse;
        cannedLeft.set(n);
    }

    /** How many canned responses were served. */
    public int cannedServed() {
        return cannedServed.get();
    }

    /**
     * The next connection whose response passes {@code bytes} bytes gets exactly that many, then nothing more
     * until {@link #release()} or until either side closes (once). Counted on the wire: through TLS, pick
     * {@code bytes} larger than everything the connection carries before the response to hold.
     */
    public void holdOnceAfter(long bytes) {
        synchronized (holdLock) {
            released = false;
        }
        holdAfter.set(bytes);
    }

    /** Whether a response is being held now. */
    public boolean holding() {
        synchronized (holdLock) {
            return holding > 0;
        }
    }

    /** Lets a held response continue. */
    public void release() {
        synchronized (holdLock) {
            released = true;
            holdLock.notifyAll();
        }
    }

    /**
     * If the response on {@code to} is due to be held within the {@code n} bytes read after {@code total}, writes
     * the bytes up to the hold point, waits for {@link #release()} or a closed socket, and returns how many bytes
     * it wrote; otherwise 0.
     */
    private int holdIfDue(Socket from, Socket to, byte[] buf, long total, int n) throws IOException {
        long at = holdAfter.get();
        if (at < 0 || total + n <= at || !holdAfter.compareAndSet(at, -1)) {
            return 0;
        }
        int part = (int) Math.max(0, at - total);
        to.getOutputStream().write(buf, 0, part);
        to.getOutputStream().flush();
        synchronized (holdLock) {
            holding++;
            try {
                // The other direction's pump closes both sockets when the client goes away; poll for that.
                while (!released && !from.isClosed() && !to.isClosed()) {
                    holdLock.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("held response interrupted");
            } finally {
                holding--;
            }
        }
        return part;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            if (cannedLeft.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0) {
                // Read the first chunk (an HTTP request head, or a TLS ClientHello), then answer.
                client.getInputStream().read(new byte[16 * 1024]);
                client.getOutputStream().write(canned.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                cannedServed.incrementAndGet();
                client.close();
                return;
            }
            Socket upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(new InetSocketAddress("127.0.0.1", targetPort));
            Armed armed = new Armed();
            Thread up = new Thread(() -> pump(client, upstream, false, armed), "fault-proxy-up");
            up.setDaemon(true);
            up.start();
            pump(upstream, client, true, armed);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean response, Armed armed) {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        // For an armed response: how many bytes of "\r\n\r\n" were just seen (4 = in the body), body bytes so far.
        int headEnd = 0;
        long body = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int held = response ? holdIfDue(from, to, buf, total, n) : 0;
                if (held > 0) {
                    System.arraycopy(buf, held, buf, 0, n - held);
                    total += held;
                    n -= held;
                }
                if (!response) {
                    arm(armed, new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
                BodyFault f = response ? armed.fault : null;
                if (f != null) {
                    if (armed.fresh) {
                        armed.fresh = false;
                        headEnd = 0;
                        body = 0;
                    }
                    int i = 0;
                    for (; i < n && headEnd < 4; i++) {
                        byte c = buf[i];
                        headEnd = c == (headEnd % 2 == 0 ? '\r' : '\n') ? headEnd + 1 : (c == '\r' ? 1 : 0);
                    }
                    if (headEnd == 4 && body + (n - i) >= f.bodyBytes()) {
                        int part = i + (int) (f.bodyBytes() - body);
                        out.write(buf, 0, part);
                        out.flush();
                        armed.fault = null;
                        if (f.fault() == Fault.CUT) {
                            cuts.incrementAndGet();
                            to.setSoLinger(true, 0);
                            closeQuietly(to);
                            closeQuietly(from);
                            return;
                        }
                        stalls.incrementAndGet();
                        // Keep the connection open and silent; the client's side ends it.
                        while (in.read(buf) > 0) {
                            // discard the rest of the upstream response
                        }
                        return;
                    }
                    if (headEnd == 4) {
                        body += n - i;
                    }
                }
                long limit = response ? cutAfter.get() : -1;
                if (limit >= 0 && total + n > limit && cutAfter.compareAndSet(limit, -1)) {
                    int part = (int) Math.max(0, limit - total);
                    out.write(buf, 0, part);
                    out.flush();
                    cuts.incrementAndGet();
                    to.setSoLinger(true, 0);
                    closeQuietly(to);
                    closeQuietly(from);
                    return;
                }
                out.write(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            // one side went away; close both
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    /** Arms the connection's next response if this request head asks for the path of a pending body fault. */
    private void arm(Armed armed, String requestHead) {
        BodyFault f = nextBodyFault.get();
        if (f == null) {
            return;
        }
        int line = requestHead.indexOf("\r\n");
        String requestLine = line < 0 ? requestHead : requestHead.substring(0, line);
        if (requestLine.startsWith("GET ") && requestLine.contains(f.path())
                && f.left().getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0) {
            armed.fresh = true;
            armed.fault = f;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
