package dev.bootcj.sys;

/** The {@code <fcntl.h>} values of glibc on x86_64 that {@link FileCalls} and {@link Posix} pass to libc. */
final class Fcntl {
    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;
    static final int AT_FDCWD = -100;

    private Fcntl() {
    }
}
