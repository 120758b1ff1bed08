package dev.bootcj.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;

/**
 * The glibc x86_64 structs the libc calls fill or read, as FFM layouts with explicit padding. Each is compared
 * with gcc's {@code sizeof}/{@code offsetof} by {@code PosixTest.structLayoutsMatchC}.
 */
final class Structs {
    private Structs() {
    }

    /** {@code struct timespec} (16 bytes). */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));

    /** {@code const struct timespec times[2]} of {@code futimens}: access time, then modification time. */
    static final SequenceLayout TIMES = MemoryLayout.sequenceLayout(2, TIMESPEC);

    /** {@code struct stat} (144 bytes); the three trailing reserved longs are padding. */
    static final StructLayout STAT = MemoryLayout.structLayout(
            JAVA_LONG.withName("st_dev"), JAVA_LONG.withName("st_ino"), JAVA_LONG.withName("st_nlink"),
            JAVA_INT.withName("st_mode"), JAVA_INT.withName("st_uid"), JAVA_INT.withName("st_gid"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("st_rdev"), JAVA_LONG.withName("st_size"), JAVA_LONG.withName("st_blksize"),
            JAVA_LONG.withName("st_blocks"), TIMESPEC.withName("st_atim"), TIMESPEC.withName("st_mtim"),
            TIMESPEC.withName("st_ctim"), MemoryLayout.paddingLayout(3 * 8));
}
