package dev.bootcj.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tools tests use as oracles and fixture builders (ostree CLI, skopeo, umoci, ...). */
public final class Tools {
    private Tools() {
    }

    /**
     * The result of a process.
     *
     * @param exitCode exit status
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Fails unless the exit code is 0. */
        public Result check(List<String> command) {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exitCode + "\nstdout: " + stdout
                        + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    /** Runs a command, failing the test if it does not exit 0; returns stdout. */
    public static String run(String... command) {
        return exec(null, Map.of(), List.of(command)).check(List.of(command)).stdout();
    }

    /** Runs a command in {@code dir} (may be null), failing the test if it does not exit 0; returns stdout. */
    public static String run(Path dir, List<String> command) {
        return exec(dir, Map.of(), command).check(command).stdout();
    }

    /** Runs a command with an environment and working directory; does not check the exit code. */
    public static Result exec(Path dir, Map<String, String> env, List<String> command) {
        return exec(dir, env, command, null);
    }

    /** Runs a command feeding {@code stdin}; does not check the exit code. */
    public static Result exec(Path dir, Map<String, String> env, List<String> command, String stdin) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Path out = java.nio.file.Files.createTempFile("tool-out", ".txt");
            Path err = java.nio.file.Files.createTempFile("tool-err", ".txt");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                if (stdin == null) {
                    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                }
                Process p = pb.start();
                if (stdin != null) {
                    try (var w = p.getOutputStream()) {
                        w.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + String.join(" ", command));
                }
                return new Result(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
            } finally {
                java.nio.file.Files.deleteIfExists(out);
                java.nio.file.Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
