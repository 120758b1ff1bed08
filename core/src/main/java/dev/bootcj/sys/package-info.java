/**
 * libc through FFM: mount, umount2, fsync, syncfs and the file-descriptor calls of {@link dev.bootcj.sys.FileCalls};
 * the binding {@code Libc} is generated from {@code native-headers}' {@code libc-bound.h} (errno captured per call);
 * failures become {@link dev.bootcj.ErrnoException} in one place ({@link dev.bootcj.sys.Errno}); the shared
 * native-library loader. Not exported.
 */
package dev.bootcj.sys;
