package dev.bootcj.tar;

import java.io.IOException;

/** A tar archive we refuse: corrupt or truncated, unsupported member type, non-UTF-8 name, oversized header. */
public final class TarFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public TarFormatException(String message) {
        super(message);
    }
}
