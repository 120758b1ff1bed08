package dev.bootcj.ostree;

import java.nio.file.Path;

/** The path given as a sysroot is not one. */
public final class NotASysrootException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    NotASysrootException(Path path, String reason) {
        super(path + " is not an ostree sysroot: " + reason);
        this.path = path;
    }

    /** The path that was given. */
    public Path path() {
        return path;
    }
}
