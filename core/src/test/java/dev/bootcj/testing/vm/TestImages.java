package dev.bootcj.testing.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The bootable Debian test image and disks made from it, through the scripts under {@code images/}.
 *
 * <p>{@link #debianLayout} runs {@code images/debian-bootc/build.sh image}, which reuses a layout cached under
 * {@code /var/cache/bootcj-images} (system property {@code bootcj.imageCache} or environment variable
 * {@code BOOTCJ_IMAGE_CACHE} to move it) as long as the recipe is unchanged; a cold build takes minutes.
 */
public final class TestImages {
    private static final Duration IMAGE_BUILD_TIMEOUT = Duration.ofMinutes(40);
    private static final Duration DISK_TIMEOUT = Duration.ofMinutes(10);

    private TestImages() {
    }

    /**
     * A disk made by {@code images/vm/make-disk-oracle.sh} and what the script reported about it.
     *
     * @param alsoCommitted the ostree commit of every further tag imported (branch {@code bootcj/oracle/<tag>},
     *                      not deployed), by tag
     */
    public record OracleDisk(Path disk, String commit, String rootUuid, String stateroot, String version,
                             String kargs, Map<String, String> alsoCommitted) {
        public OracleDisk {
            alsoCommitted = Map.copyOf(alsoCommitted);
        }
    }

    /** The checkout's root: the first parent of the working directory holding {@code images/debian-bootc}. */
    public static Path repoRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("images/debian-bootc/build.sh"))) {
                return dir;
            }
        }
        throw new VmException("no images/debian-bootc/build.sh above " + Path.of("").toAbsolutePath());
    }

    /**
     * Builds the Debian test image, or reuses the cached one, and returns its OCI layout (tags {@code v1} and
     * {@code v2}). The script's log goes to {@code log}.
     */
    public static Path debianLayout(Path log) throws IOException, InterruptedException {
        return debianLayout(log, null);
    }

    /**
     * Like {@link #debianLayout(Path)}, with our {@code bootc} from {@code bootcDist} (made by
     * {@code images/debian-bootc/bootc-dist.sh}) installed as {@code /usr/bin/bootc}; {@code null} for none.
     * Only the first build of the base downloads packages; a new dist costs one extra layer.
     */
    public static Path debianLayout(Path log, Path bootcDist) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", repoRoot().resolve("images/debian-bootc/build.sh").toString(),
                "image"));
        if (bootcDist != null) {
            cmd.addAll(List.of("--bootc-dist", bootcDist.toAbsolutePath().toString()));
        }
        String cache = System.getProperty("bootcj.imageCache");
        if (cache != null && !cache.isBlank()) {
            cmd.addAll(List.of("--cache", Path.of(cache).toAbsolutePath().toString()));
        }
        String out = exec(cmd, log, IMAGE_BUILD_TIMEOUT);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new VmException("build.sh printed no layout path; see " + log);
        }
        Path layout = Path.of(lines.getLast());
        if (!Files.isRegularFile(layout.resolve("index.json"))) {
            throw new VmException("build.sh printed " + layout + ", which is not an OCI layout; see " + log);
        }
        return layout;
    }

    /** {@link #oracleDisk(Path, String, Path, Path, List, List)} without further tags or kernel arguments. */
    public static OracleDisk oracleDisk(Path layout, String tag, Path disk, Path log)
            throws IOException, InterruptedException {
        return oracleDisk(layout, tag, disk, log, List.of(), List.of());
    }

    /**
     * Makes a BIOS and UEFI bootable disk from {@code layout:tag} without the project's code (test oracle),
     * with {@code extraKargs} appended; the tags in {@code alsoCommit} are imported into the disk's repository
     * without being deployed.
     */
    public static OracleDisk oracleDisk(Path layout, String tag, Path disk, Path log, List<String> alsoCommit,
                                        List<String> extraKargs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", repoRoot().resolve("images/vm/make-disk-oracle.sh").toString(),
                "--image", layout + ":" + tag, "--disk", disk.toString()));
        for (String other : alsoCommit) {
            cmd.addAll(List.of("--also-commit", other));
        }
        for (String karg : extraKargs) {
            cmd.addAll(List.of("--karg", karg));
        }
        Map<String, String> values = new HashMap<>();
        exec(cmd, log, DISK_TIMEOUT).lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        List<String> expected = new ArrayList<>(List.of("commit", "root-uuid", "stateroot", "version", "kargs"));
        alsoCommit.forEach(other -> expected.add("commit." + other));
        for (String key : expected) {
            if (!values.containsKey(key)) {
                throw new VmException("make-disk-oracle.sh did not report " + key + "; see " + log);
            }
        }
        Map<String, String> also = new HashMap<>();
        alsoCommit.forEach(other -> also.put(other, values.get("commit." + other)));
        return new OracleDisk(disk, values.get("commit"), values.get("root-uuid"), values.get("stateroot"),
                values.get("version"), values.get("kargs"), also);
    }

    /**
     * Writes a raw ext4 image holding a copy of {@code dir} (labelled {@code label}), sized for its content;
     * attach it with {@link QemuVm.Builder#extraDisk}.
     */
    public static Path ext4Image(Path dir, Path image, String label, Path log) throws IOException, InterruptedException {
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
        long mib = bytes / (1024 * 1024) * 5 / 4 + 64;
        exec(List.of("mkfs.ext4", "-q", "-F", "-L", label, "-d", dir.toString(), image.toString(), mib + "M"), log,
                DISK_TIMEOUT);
        return image;
    }

    /** Runs a tool; stderr goes to {@code log}, stdout is returned; a non-zero exit is a {@link VmException}. */
    static String exec(List<String> cmd, Path log, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path stdout = Files.createTempFile("bootcj-exec", ".out");
        try {
            Process process = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try {
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    throw new VmException(String.join(" ", cmd) + " did not finish within " + timeout.toMinutes()
                            + " min; see " + log);
                }
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
                throw new VmException(String.join(" ", cmd) + " exited with " + process.exitValue() + "; end of "
                        + log + ":\n" + tail);
            }
            return Files.readString(stdout);
        } finally {
            Files.deleteIfExists(stdout);
        }
    }
}
