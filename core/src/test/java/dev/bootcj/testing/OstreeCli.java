package dev.bootcj.testing;

import java.io.IOException;
import java.nio.file.Path;

/** The ostree command line as a test oracle (never used by product code). */
public final class OstreeCli {
    private OstreeCli() {
    }

    /** {@code ostree fsck}; fails the test unless it exits 0 with no corrupted objects. */
    public static String fsck(Path repo) throws IOException, InterruptedException {
        return Processes.run("ostree", "fsck", "--repo=" + repo);
    }

    /** {@code ostree checkout} (hardlinked, keeping owners in a bare repo as root). */
    public static Path checkout(Path repo, String commit, Path dest) throws IOException, InterruptedException {
        Processes.run("ostree", "checkout", "--repo=" + repo, commit, dest.toString());
        return dest;
    }

    /** {@code ostree refs}, one per line. */
    public static String refs(Path repo) throws IOException, InterruptedException {
        return Processes.run("ostree", "refs", "--repo=" + repo);
    }
}
