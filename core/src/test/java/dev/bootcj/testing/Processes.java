package dev.bootcj.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool for a test (the ostree CLI as an oracle, umoci, tar, zstd) and returns its stdout. */
public final class Processes {
    private Processes() {
    }

    /** Runs {@code command}; fails the test with its output when the exit code is not 0. */
    public static String run(String... command) throws IOException, InterruptedException {
        Result r = exec(command);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exit() + ":\n" + r.stdout()
                    + r.stderr());
        }
        return r.stdout();
    }

    /**
     * The outcome of a command.
     *
     * @param exit exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code command} and returns whatever happened. */
    public static Result exec(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        java.io.ByteArrayOutputStream errBuffer = new java.io.ByteArrayOutputStream();
        Thread errReader = Thread.ofPlatform().start(() -> {
            try {
                p.getErrorStream().transferTo(errBuffer);
            } catch (IOException e) {
                errBuffer.writeBytes(("(reading stderr failed: " + e + ")").getBytes(StandardCharsets.UTF_8));
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        errReader.join();
        byte[] errBytes = errBuffer.toByteArray();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(errBytes, StandardCharsets.UTF_8));
    }
}
