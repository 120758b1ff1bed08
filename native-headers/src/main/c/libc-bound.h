/* libc functions bound by dev.bootcj.sys.Libc, as in the glibc 2.36 headers. */
#define _GNU_SOURCE
#include <sys/mount.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/xattr.h>

/* @lib Libc libc.so.6 */
int mount (const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data);
int umount2 (const char *target, int flags);
int fsync (int fd);
int syncfs (int fd);
int openat (int dirfd, const char *pathname, int flags, ...);
int close (int fd);
char *strerror (int errnum);
uid_t geteuid (void);
ssize_t write (int fd, const void *buf, size_t count);
int fchown (int fd, uid_t owner, gid_t group);
int fchmod (int fd, mode_t mode);
int fsetxattr (int fd, const char *name, const void *value, size_t size, int flags);
int lsetxattr (const char *path, const char *name, const void *value, size_t size, int flags);
int futimens (int fd, const struct timespec times[2]);
int linkat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
int renameat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
int symlinkat (const char *target, int newdirfd, const char *linkpath);
int fchownat (int dirfd, const char *pathname, uid_t owner, gid_t group, int flags);
int mkdirat (int dirfd, const char *pathname, mode_t mode);
int unlinkat (int dirfd, const char *pathname, int flags);
int fstatat (int dirfd, const char *pathname, struct stat *statbuf, int flags);
int sync_file_range (int fd, off64_t offset, off64_t nbytes, unsigned int flags);
