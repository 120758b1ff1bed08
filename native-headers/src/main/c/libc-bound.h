/* libc functions bound by dev.bootcj.sys.Libc, as in the glibc 2.36 headers; Libc is generated from this file
 * by native-headers/tools/gen_binding.py. @errno marks calls that set errno (captured by the handle);
 * @variadic names the variadic arguments we pass. */
#define _GNU_SOURCE
#include <sys/mount.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/xattr.h>

/* @lib Libc libc.so.6 */
int mount (const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data); /* @errno */
int umount2 (const char *target, int flags); /* @errno */
int fsync (int fd); /* @errno */
int syncfs (int fd); /* @errno */
int openat (int dirfd, const char *pathname, int flags, ...); /* @errno @variadic mode_t mode */
int close (int fd); /* @errno */
char *strerror (int errnum);
uid_t geteuid (void);
ssize_t write (int fd, const void *buf, size_t count); /* @errno */
int fchown (int fd, uid_t owner, gid_t group); /* @errno */
int fchmod (int fd, mode_t mode); /* @errno */
int fsetxattr (int fd, const char *name, const void *value, size_t size, int flags); /* @errno */
int lsetxattr (const char *path, const char *name, const void *value, size_t size, int flags); /* @errno */
int futimens (int fd, const struct timespec times[2]); /* @errno */
int linkat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags); /* @errno */
int renameat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath); /* @errno */
int symlinkat (const char *target, int newdirfd, const char *linkpath); /* @errno */
int fchownat (int dirfd, const char *pathname, uid_t owner, gid_t group, int flags); /* @errno */
int mkdirat (int dirfd, const char *pathname, mode_t mode); /* @errno */
int unlinkat (int dirfd, const char *pathname, int flags); /* @errno */
int fstatat (int dirfd, const char *pathname, struct stat *statbuf, int flags); /* @errno */
int sync_file_range (int fd, off64_t offset, off64_t nbytes, unsigned int flags); /* @errno */
