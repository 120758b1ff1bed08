package dev.bootcj.testing.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's serial port: everything it prints is kept in memory and copied to a log file by a pump thread;
 * waits look for a pattern from a given offset of that transcript, so output printed before a wait started is
 * never missed and output from earlier steps never matches by accident.
 */
final class SerialConsole implements AutoCloseable {
    private static final int TAIL_CHARS = 3000;

    private final StringBuilder transcript = new StringBuilder();
    private final OutputStream toGuest;
    private final Writer log;
    private final Thread pump;
    private boolean ended;
    private boolean closed;
    private IOException failure;

    SerialConsole(InputStream fromGuest, OutputStream toGuest, Path logFile) throws IOException {
        this.toGuest = toGuest;
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Reader reader = new InputStreamReader(fromGuest, StandardCharsets.UTF_8);
        this.pump = Thread.ofPlatform().daemon().name("serial-pump").start(() -> pump(reader));
    }

    private void pump(Reader reader) {
        char[] buffer = new char[8192];
        try (reader) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                synchronized (this) {
                    if (!closed) {
                        log.write(buffer, 0, n);
                        log.flush();
                    }
                    transcript.append(buffer, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The current end of the transcript: a wait from here sees only what the guest prints afterwards. */
    synchronized int mark() {
        return transcript.length();
    }

    /** The transcript from {@code from} to {@code to}. */
    synchronized String text(int from, int to) {
        return transcript.substring(from, to);
    }

    /** The last few thousand characters, for error messages. */
    synchronized String tail() {
        return transcript.substring(Math.max(0, transcript.length() - TAIL_CHARS));
    }

    /**
     * Waits until {@code pattern} occurs in the transcript at or after {@code from}.
     *
     * @param what    names the awaited event in the exception message
     * @return the match, with offsets into the whole transcript
     * @throws VmException on timeout or when the guest's output ended (qemu exited)
     */
    synchronized MatchResult await(Pattern pattern, int from, Duration timeout, String what)
            throws VmException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Matcher matcher = pattern.matcher(transcript);
        while (true) {
            matcher.reset(transcript);
            matcher.region(from, transcript.length());
            if (matcher.find()) {
                return matcher.toMatchResult();
            }
            if (ended) {
                throw new VmException("serial output ended (qemu exited) while waiting for " + what
                        + (failure == null ? "" : " (" + failure + ")") + "; last output:\n" + tail());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new VmException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last output:\n" + tail());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Types {@code text} on the guest's serial port. */
    void send(String text) throws IOException {
        toGuest.write(text.getBytes(StandardCharsets.UTF_8));
        toGuest.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            pump.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (!closed) {
                closed = true;
                log.close();
            }
        }
    }
}
