package dev.bootcj.testing.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the real command-line tools tests use as fixtures and oracles (skopeo, openssl, htpasswd, zstd). */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code cmd} in {@code dir} (may be null), returns stdout; fails with the output on non-zero exit. */
    public static String run(Path dir, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + rc + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + cmd.getFirst(), e);
        }
        return out;
    }

    /** {@link #run(Path, List)} without a working directory. */
    public static String run(String... cmd) throws IOException {
        return run(null, List.of(cmd));
    }
}
