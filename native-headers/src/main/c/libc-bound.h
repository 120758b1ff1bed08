/* libc functions bound by dev.bootcj.sys.Libc, as in the glibc 2.36 headers. */
#define _GNU_SOURCE
#include <sys/mount.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>

/* @lib Libc libc.so.6 */
int mount (const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data);
int umount2 (const char *target, int flags);
int fsync (int fd);
int syncfs (int fd);
int openat (int dirfd, const char *pathname, int flags, ...);
int close (int fd);
char *strerror (int errnum);
uid_t geteuid (void);
