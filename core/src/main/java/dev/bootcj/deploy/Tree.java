package dev.bootcj.deploy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small directory-tree helpers for deployment housekeeping. */
final class Tree {
    private Tree() {
    }

    /** Deletes {@code root} and everything below it (not following links); a missing root is fine. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /** Copies what {@code from} has and {@code to} lacks, keeping owners, modes and symlinks; never overwrites. */
    static void copyMissing(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path src : paths) {
            Path dst = to.resolve(from.relativize(src).toString());
            if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (FileAlreadyExistsException e) {
                // raced with itself through a symlinked parent: keep what is there
            }
        }
    }
}
