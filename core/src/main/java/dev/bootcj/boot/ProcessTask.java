package dev.bootcj.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the core runs external tools (sfdisk, mkfs, grub-install, mtools, losetup): a builder that
 * captures output, logs the command, and turns a non-zero exit into an {@link IOException} naming the tool,
 * its exit code and the last line it printed on stderr.
 * {@snippet :
 * String loop = ProcessTask.of("losetup", "-fP", "--show", "/var/tmp/disk.raw").run().strip();
 * }
 */
public final class ProcessTask {
    private static final Logger log = LoggerFactory.getLogger(ProcessTask.class);

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String stdin;
    private String description;

    private ProcessTask(List<String> command) {
        this.command = new ArrayList<>(command);
    }

    /** A task running {@code command}. */
    public static ProcessTask of(String... command) {
        return new ProcessTask(List.of(command));
    }

    /** A task running {@code command}. */
    public static ProcessTask of(List<String> command) {
        return new ProcessTask(command);
    }

    /** Adds an environment variable. */
    public ProcessTask env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Feeds {@code text} on standard input. */
    public ProcessTask input(String text) {
        this.stdin = text;
        return this;
    }

    /** What the task is for, used in the failure message ("Partitioning /dev/vda"). */
    public ProcessTask describe(String what) {
        this.description = what;
        return this;
    }

    /** Runs it; returns standard output; throws if it exits non-zero. */
    public String run() throws IOException {
        Result r = runUnchecked();
        if (r.exitCode() != 0) {
            String last = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
            throw new IOException((description != null ? description + ": " : "") + command.getFirst() + " failed (exit "
                    + r.exitCode() + ")" + (last.isEmpty() ? "" : ": " + last));
        }
        return r.stdout();
    }

    /**
     * The outcome of a run.
     *
     * @param exitCode the exit status
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs it and returns the outcome whatever the exit code. */
    public Result runUnchecked() throws IOException {
        log.debug("running {}", command);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Path out = Files.createTempFile("bootc-task", ".out");
        Path err = Files.createTempFile("bootc-task", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException((description != null ? description + ": " : "") + "cannot run " + command.getFirst()
                        + " (is it installed?)", e);
            }
            if (stdin != null) {
                try (var w = p.getOutputStream()) {
                    w.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            int rc;
            try {
                rc = p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted running " + command.getFirst(), e);
            }
            return new Result(rc, Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
