package dev.bootcj.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails when a read waits longer than the idle timeout for the next bytes.
 * {@code java.net.http} bounds only the wait for response headers; a server that stops sending mid-body but
 * keeps the connection open would otherwise block a read forever. One shared daemon thread checks the streams
 * with a read in progress every half timeout and closes a stalled one, which wakes the blocked read; the read
 * then throws {@link HttpTimeoutException} (an ordinary {@link IOException}, so callers resume or retry as for
 * a cut connection). Time spent by the consumer between reads does not count.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Duration idle;
    /** {@link System#nanoTime()} when the pending read began, or 0 when no read is pending. */
    private volatile long readSince;
    private volatile boolean timedOut;
    private volatile boolean closed;
    private ScheduledFuture<?> check;

    /** @param idle the longest wait for the next bytes */
    IdleTimeoutInputStream(InputStream in, Duration idle) {
        super(in);
        this.idle = idle;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        begin();
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                stopChecking();
            }
            return n;
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readSince = 0;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        begin();
        try {
            return in.skip(n);
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readSince = 0;
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        stopChecking();
        in.close();
    }

    private void begin() throws IOException {
        if (timedOut) {
            throw stalled();
        }
        readSince = Math.max(1, System.nanoTime());
        synchronized (this) {
            if (check == null && !closed) {
                long period = Math.max(10, idle.toMillis() / 2);
                check = WATCHDOG.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs on the watchdog thread. */
    private void checkIdle() {
        long since = readSince;
        if (since == 0 || closed || System.nanoTime() - since < idle.toNanos()) {
            return;
        }
        timedOut = true;
        stopChecking();
        try {
            in.close();
        } catch (IOException e) {
            // the blocked read fails either way
        }
    }

    private synchronized void stopChecking() {
        if (check != null) {
            check.cancel(false);
        }
        check = null;
        if (timedOut) {
            closed = true;
        }
    }

    private IOException failure(IOException e) {
        if (timedOut) {
            return stalled();
        }
        if (closed || e instanceof java.io.InterruptedIOException) {
            return e;
        }
        stopChecking();
        Throwable cause = e.getCause();
        return new IOException("connection lost (" + e.getMessage()
                + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "") + ")", e);
    }

    private HttpTimeoutException stalled() {
        return new HttpTimeoutException("no data received for " + describe(idle));
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "registry-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }
}
