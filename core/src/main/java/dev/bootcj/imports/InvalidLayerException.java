package dev.bootcj.imports;

import java.io.IOException;

/**
 * A layer whose content we refuse: paths escaping the root, device nodes, a symlink used as a directory, a
 * hardlink to nothing. The message is one line naming the path (non-printable bytes escaped).
 */
public final class InvalidLayerException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidLayerException(String message) {
        super(message);
    }
}
