package dev.bootcj.testing.vm;

import java.io.IOException;

/** The guest did not do what the harness waited for (timeout, qemu exited, a command failed). */
public final class VmException extends IOException {
    private static final long serialVersionUID = 1L;

    VmException(String message) {
        super(message);
    }
}
