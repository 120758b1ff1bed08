/**
 * libc through FFM: mount, umount2, fsync, syncfs, openat; errno captured and mapped to exceptions in one place ({@link dev.bootcj.sys.Errno}); the shared native-library loader. Not exported.
 */
package dev.bootcj.sys;
