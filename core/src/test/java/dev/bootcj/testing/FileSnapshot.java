package dev.bootcj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every path under some roots with its type, mode, symlink target and content hash: compare two snapshots to
 * prove that a failed command changed nothing (deployments, boot entries, origins) byte for byte.
 *
 * @param entries path → description
 */
public record FileSnapshot(Map<String, String> entries) {

    /** Snapshots {@code roots} (missing roots are recorded as missing). */
    public static FileSnapshot of(Path... roots) {
        Map<String, String> out = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                out.put(root.toString(), "missing");
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.forEach(p -> out.put(p.toString(), describe(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FileSnapshot(out);
    }

    private static String describe(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return "link " + Files.readSymbolicLink(p);
            }
            String mode = Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return "dir " + mode;
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "file " + mode + " " + HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
