// SPDX-License-Identifier: GPL-3.0-or-later
//
// lostwrites: an LD_PRELOAD shim that lets a test cut the power under a process.
//
// The model is the one POSIX gives a program, and the one ext4 and others really have after
// a power cut: file content is on disk only once the file was fsync'ed or fdatasync'ed, and a
// name created, renamed or removed in a folder only once that folder was fsync'ed (sync() and
// syncfs() make everything durable). Everything else may be lost.
//
// Every write and name operation of the process under LOSTWRITES_ROOT goes to the real file
// system as usual, so the process sees its own writes. Before each one, the shim appends to
// LOSTWRITES_JOURNAL what it needs to undo it: the bytes about to be overwritten or cut off
// and the old size, or the name created, renamed or removed. Removed files are renamed into
// LOSTWRITES_TRASH rather than unlinked, so that a removal can be undone. After each
// successful fsync/fdatasync, the journal records the file or folder as synced.
//
// The test kills the process with SIGKILL and then replays the journal backwards
// (tests/feed/powercut.cpp): what no later sync covered is undone, leaving the files as a
// power cut at that moment could have left them. Writes the shim cannot see (a shared
// writable mmap of a tracked file, RENAME_EXCHANGE) are recorded as "X" so that the replay
// refuses to pretend. The WAL index of SQLite (*-shm) is not tracked: it is shared memory,
// rebuilt from the WAL by the first connection after a crash.
//
// Journal records, one header line each, fields separated by tabs:
//   W dev ino offset oldsize count    then `count` old bytes and '\n'; undo: put them back
//                                     at offset, then truncate to oldsize
//   S dev ino                         the file or folder was synced
//   A                                 sync() or syncfs(): everything so far is durable
//   C pdev pino path                  a new file (open O_CREAT, link); undo: remove it
//   D pdev pino path                  a new folder; undo: remove it and what it holds
//   R pdev pino srcino src dst backup a rename into folder (pdev, pino); undo: rename dst back
//                                     to src, and the old dst (kept as `backup`, or -) back
//   U pdev pino path backup           a removal, done as a rename to `backup`; undo: rename
//                                     it back (backup "-": an empty folder, recreated)
//   X what                            something the shim cannot undo
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 65536

struct tracked
{
    int on;
    dev_t dev;
    ino_t ino;
};

static struct tracked g_fds[MAX_FDS];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static char g_root[PATH_MAX];
static size_t g_rootLength;
static char g_trash[PATH_MAX];
static int g_journal = -1;
static unsigned long g_trashCounter;

#define REAL(name) real_##name
#define DECLARE_REAL(ret, name, ...)                                                                                   \
    static ret (*real_##name)(__VA_ARGS__);                                                                          \
    static void resolve_##name(void)                                                                                 \
    {                                                                                                                \
        if (!real_##name)                                                                                            \
            real_##name = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name);                                               \
    }

DECLARE_REAL(int, open, const char *, int, ...)
DECLARE_REAL(int, openat, int, const char *, int, ...)
DECLARE_REAL(ssize_t, write, int, const void *, size_t)
DECLARE_REAL(ssize_t, pwrite, int, const void *, size_t, off_t)
DECLARE_REAL(ssize_t, pwrite64, int, const void *, size_t, off_t)
DECLARE_REAL(ssize_t, writev, int, const struct iovec *, int)
DECLARE_REAL(ssize_t, pwritev, int, const struct iovec *, int, off_t)
DECLARE_REAL(ssize_t, pwritev64, int, const struct iovec *, int, off_t)
DECLARE_REAL(ssize_t, pwritev2, int, const struct iovec *, int, off_t, int)
DECLARE_REAL(ssize_t, pwritev64v2, int, const struct iovec *, int, off_t, int)
DECLARE_REAL(int, ftruncate, int, off_t)
DECLARE_REAL(int, ftruncate64, int, off_t)
DECLARE_REAL(int, fallocate, int, int, off_t, off_t)
DECLARE_REAL(int, fallocate64, int, int, off_t, off_t)
DECLARE_REAL(int, fsync, int)
DECLARE_REAL(int, fdatasync, int)
DECLARE_REAL(void, sync, void)
DECLARE_REAL(int, syncfs, int)
DECLARE_REAL(int, close, int)
DECLARE_REAL(int, dup, int)
DECLARE_REAL(int, dup2, int, int)
DECLARE_REAL(int, dup3, int, int, int)
DECLARE_REAL(int, renameat2, int, const char *, int, const char *, unsigned int)
DECLARE_REAL(int, unlinkat, int, const char *, int)
DECLARE_REAL(int, mkdirat, int, const char *, mode_t)
DECLARE_REAL(int, link, const char *, const char *)
DECLARE_REAL(int, linkat, int, const char *, int, const char *, int)
DECLARE_REAL(void *, mmap, void *, size_t, int, int, int, off_t)
DECLARE_REAL(void *, mmap64, void *, size_t, int, int, int, off_t)

// The real calls the shim itself makes, whatever the program interposes.
static int sys_open(const char *path, int flags, mode_t mode)
{
    resolve_open();
    return REAL(open)(path, flags, mode);
}

static ssize_t sys_write(int fd, const void *data, size_t size)
{
    resolve_write();
    return REAL(write)(fd, data, size);
}

static int sys_close(int fd)
{
    resolve_close();
    return REAL(close)(fd);
}

static int active(void)
{
    return g_journal >= 0;
}

__attribute__((constructor)) static void lostwrites_init(void)
{
    const char *root = getenv("LOSTWRITES_ROOT");
    const char *journal = getenv("LOSTWRITES_JOURNAL");
    const char *trash = getenv("LOSTWRITES_TRASH");
    if (!root || !journal || !trash || !*root || strlen(root) >= sizeof g_root || strlen(trash) >= sizeof g_trash)
        return;
    strcpy(g_root, root);
    g_rootLength = strlen(g_root);
    while (g_rootLength > 1 && g_root[g_rootLength - 1] == '/')
        g_root[--g_rootLength] = '\0';
    strcpy(g_trash, trash);
    g_journal = sys_open(journal, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    // Only this process: its children (none expected) write for real.
    unsetenv("LD_PRELOAD");
}

static void journal_bytes(const void *data, size_t size)
{
    const char *p = data;
    while (size > 0) {
        const ssize_t n = sys_write(g_journal, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            abort(); // a journal that misses a record would make the replay lie
        }
        p += n;
        size -= (size_t)n;
    }
}

static void journal_line(const char *format, ...)
{
    char line[3 * PATH_MAX + 256];
    va_list args;
    va_start(args, format);
    const int n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    if (n < 0 || (size_t)n >= sizeof line)
        abort();
    journal_bytes(line, (size_t)n);
}

// The absolute form of (dirfd, path), without resolving symbolic links.
static int absolute_path(int dirfd, const char *path, char *out)
{
    char base[PATH_MAX];
    if (path[0] == '/') {
        if (strlen(path) >= PATH_MAX)
            return 0;
        strcpy(out, path);
        return 1;
    }
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base))
            return 0;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        const ssize_t n = readlink(link, base, sizeof base - 1);
        if (n < 0)
            return 0;
        base[n] = '\0';
    }
    return snprintf(out, PATH_MAX, "%s/%s", base, path) < PATH_MAX;
}

static int is_shm(const char *path)
{
    const size_t n = strlen(path);
    return n > 4 && strcmp(path + n - 4, "-shm") == 0;
}

static int under_root(const char *path)
{
    return active() && strncmp(path, g_root, g_rootLength) == 0 && (path[g_rootLength] == '/' || path[g_rootLength] == '\0')
        && !is_shm(path);
}

// The folder that holds `path`, as (dev, ino); 0 when it cannot be found.
static int parent_of(const char *path, dev_t *dev, ino_t *ino)
{
    char parent[PATH_MAX];
    strcpy(parent, path);
    char *slash = strrchr(parent, '/');
    if (!slash)
        return 0;
    if (slash == parent)
        slash[1] = '\0';
    else
        *slash = '\0';
    struct stat info;
    if (stat(parent, &info) != 0)
        return 0;
    *dev = info.st_dev;
    *ino = info.st_ino;
    return 1;
}

static void track(int fd)
{
    struct stat info;
    if (fd < 0 || fd >= MAX_FDS || fstat(fd, &info) != 0)
        return;
    g_fds[fd].on = 1;
    g_fds[fd].dev = info.st_dev;
    g_fds[fd].ino = info.st_ino;
}

static int tracked(int fd)
{
    return active() && fd >= 0 && fd < MAX_FDS && g_fds[fd].on;
}

// Journals the bytes in [offset, offset + count) that the file holds now, and its size.
static void save_range(int fd, off_t offset, size_t count)
{
    struct stat info;
    if (fstat(fd, &info) != 0)
        abort();
    size_t old = 0;
    if (offset < info.st_size)
        old = (size_t)(info.st_size - offset) < count ? (size_t)(info.st_size - offset) : count;
    char *bytes = old ? malloc(old) : NULL;
    size_t got = 0;
    while (got < old) {
        const ssize_t n = pread(fd, bytes + got, old - got, offset + (off_t)got);
        if (n <= 0)
            abort();
        got += (size_t)n;
    }
    journal_line("W\t%llu\t%llu\t%lld\t%lld\t%zu\n", (unsigned long long)info.st_dev, (unsigned long long)info.st_ino,
                 (long long)offset, (long long)info.st_size, old);
    journal_bytes(bytes, old);
    journal_bytes("\n", 1);
    free(bytes);
}

static off_t write_offset(int fd)
{
    const int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && (flags & O_APPEND)) {
        struct stat info;
        return fstat(fd, &info) == 0 ? info.st_size : 0;
    }
    const off_t at = lseek(fd, 0, SEEK_CUR);
    return at < 0 ? 0 : at;
}

static size_t iov_size(const struct iovec *iov, int count)
{
    size_t total = 0;
    for (int i = 0; i < count; ++i)
        total += iov[i].iov_len;
    return total;
}

// ---- opening ----------------------------------------------------------------------------

static int do_open(int dirfd, const char *path, int flags, mode_t mode, int (*call)(int, const char *, int, mode_t))
{
    char absolute[PATH_MAX];
    if (!active() || !path || !absolute_path(dirfd, path, absolute) || !under_root(absolute))
        return call(dirfd, path, flags, mode);
    pthread_mutex_lock(&g_lock);
    struct stat before;
    const int existed = fstatat(dirfd, path, &before, 0) == 0;
    const int tmpfile = (flags & O_TMPFILE) == O_TMPFILE;
    if (!existed && (flags & O_CREAT) && !tmpfile) {
        dev_t pdev;
        ino_t pino;
        if (parent_of(absolute, &pdev, &pino))
            journal_line("C\t%llu\t%llu\t%s\n", (unsigned long long)pdev, (unsigned long long)pino, absolute);
    }
    if (existed && (flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY && S_ISREG(before.st_mode)) {
        const int old = sys_open(absolute, O_RDONLY | O_CLOEXEC, 0);
        if (old >= 0) {
            save_range(old, 0, (size_t)before.st_size);
            sys_close(old);
        }
    }
    const int fd = call(dirfd, path, flags, mode);
    const int saved = errno;
    if (fd >= 0)
        track(fd);
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return fd;
}

static int call_openat(int dirfd, const char *path, int flags, mode_t mode)
{
    resolve_openat();
    return REAL(openat)(dirfd, path, flags, mode);
}

static mode_t mode_argument(int flags, va_list args)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(args, int) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    return do_open(AT_FDCWD, path, flags, mode, call_openat);
}

int open64(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    return do_open(AT_FDCWD, path, flags, mode, call_openat);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    return do_open(dirfd, path, flags, mode, call_openat);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    return do_open(dirfd, path, flags, mode, call_openat);
}

int __open_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0, call_openat);
}

int __open64_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0, call_openat);
}

int __openat_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0, call_openat);
}

int __openat64_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0, call_openat);
}

int creat(const char *path, mode_t mode)
{
    return do_open(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, mode, call_openat);
}

int creat64(const char *path, mode_t mode)
{
    return do_open(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, mode, call_openat);
}

// ---- writing ----------------------------------------------------------------------------

#define GUARDED_WRITE(fd, offset, count, call)                                                                         \
    do {                                                                                                               \
        if (!tracked(fd))                                                                                              \
            return call;                                                                                               \
        pthread_mutex_lock(&g_lock);                                                                                   \
        save_range(fd, (offset), (count));                                                                             \
        const ssize_t result_ = call;                                                                                  \
        const int errno_ = errno;                                                                                      \
        pthread_mutex_unlock(&g_lock);                                                                                 \
        errno = errno_;                                                                                                \
        return result_;                                                                                                \
    } while (0)

ssize_t write(int fd, const void *data, size_t count)
{
    resolve_write();
    GUARDED_WRITE(fd, write_offset(fd), count, REAL(write)(fd, data, count));
}

ssize_t pwrite(int fd, const void *data, size_t count, off_t offset)
{
    resolve_pwrite();
    GUARDED_WRITE(fd, offset, count, REAL(pwrite)(fd, data, count, offset));
}

ssize_t pwrite64(int fd, const void *data, size_t count, off_t offset)
{
    resolve_pwrite64();
    GUARDED_WRITE(fd, offset, count, REAL(pwrite64)(fd, data, count, offset));
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
    resolve_writev();
    GUARDED_WRITE(fd, write_offset(fd), iov_size(iov, count), REAL(writev)(fd, iov, count));
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset)
{
    resolve_pwritev();
    GUARDED_WRITE(fd, offset, iov_size(iov, count), REAL(pwritev)(fd, iov, count, offset));
}

ssize_t pwritev64(int fd, const struct iovec *iov, int count, off_t offset)
{
    resolve_pwritev64();
    GUARDED_WRITE(fd, offset, iov_size(iov, count), REAL(pwritev64)(fd, iov, count, offset));
}

ssize_t pwritev2(int fd, const struct iovec *iov, int count, off_t offset, int flags)
{
    resolve_pwritev2();
    GUARDED_WRITE(fd, offset == -1 ? write_offset(fd) : offset, iov_size(iov, count), REAL(pwritev2)(fd, iov, count, offset, flags));
}

ssize_t pwritev64v2(int fd, const struct iovec *iov, int count, off_t offset, int flags)
{
    resolve_pwritev64v2();
    GUARDED_WRITE(fd, offset == -1 ? write_offset(fd) : offset, iov_size(iov, count), REAL(pwritev64v2)(fd, iov, count, offset, flags));
}

static int guarded_truncate(int fd, off_t length, int (*call)(int, off_t))
{
    if (!tracked(fd))
        return call(fd, length);
    pthread_mutex_lock(&g_lock);
    struct stat info;
    if (fstat(fd, &info) == 0)
        save_range(fd, length < info.st_size ? length : info.st_size, length < info.st_size ? (size_t)(info.st_size - length) : 0);
    const int result = call(fd, length);
    const int saved = errno;
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int ftruncate(int fd, off_t length)
{
    resolve_ftruncate();
    return guarded_truncate(fd, length, REAL(ftruncate));
}

int ftruncate64(int fd, off_t length)
{
    resolve_ftruncate64();
    return guarded_truncate(fd, length, REAL(ftruncate64));
}

int fallocate(int fd, int mode, off_t offset, off_t length)
{
    resolve_fallocate();
    GUARDED_WRITE(fd, offset, (size_t)length, REAL(fallocate)(fd, mode, offset, length));
}

int fallocate64(int fd, int mode, off_t offset, off_t length)
{
    resolve_fallocate64();
    GUARDED_WRITE(fd, offset, (size_t)length, REAL(fallocate64)(fd, mode, offset, length));
}

void *mmap(void *address, size_t length, int protection, int flags, int fd, off_t offset)
{
    resolve_mmap();
    if (tracked(fd) && (protection & PROT_WRITE) && (flags & MAP_SHARED)) {
        pthread_mutex_lock(&g_lock);
        journal_line("X\twritable shared mmap of a tracked file\n");
        pthread_mutex_unlock(&g_lock);
    }
    return REAL(mmap)(address, length, protection, flags, fd, offset);
}

void *mmap64(void *address, size_t length, int protection, int flags, int fd, off_t offset)
{
    resolve_mmap64();
    if (tracked(fd) && (protection & PROT_WRITE) && (flags & MAP_SHARED)) {
        pthread_mutex_lock(&g_lock);
        journal_line("X\twritable shared mmap of a tracked file\n");
        pthread_mutex_unlock(&g_lock);
    }
    return REAL(mmap64)(address, length, protection, flags, fd, offset);
}

// ---- syncing ----------------------------------------------------------------------------

static int guarded_sync(int fd, int (*call)(int))
{
    if (!tracked(fd))
        return call(fd);
    // Held across the call: a write of another thread must not slip between the sync and
    // its record, or the replay would count it as synced.
    pthread_mutex_lock(&g_lock);
    const int result = call(fd);
    const int saved = errno;
    if (result == 0)
        journal_line("S\t%llu\t%llu\n", (unsigned long long)g_fds[fd].dev, (unsigned long long)g_fds[fd].ino);
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int fsync(int fd)
{
    resolve_fsync();
    return guarded_sync(fd, REAL(fsync));
}

int fdatasync(int fd)
{
    resolve_fdatasync();
    return guarded_sync(fd, REAL(fdatasync));
}

void sync(void)
{
    resolve_sync();
    pthread_mutex_lock(&g_lock);
    REAL(sync)();
    if (active())
        journal_line("A\n");
    pthread_mutex_unlock(&g_lock);
}

int syncfs(int fd)
{
    resolve_syncfs();
    pthread_mutex_lock(&g_lock);
    const int result = REAL(syncfs)(fd);
    const int saved = errno;
    if (result == 0 && active())
        journal_line("A\n");
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

// ---- descriptors ------------------------------------------------------------------------

int close(int fd)
{
    resolve_close();
    if (fd >= 0 && fd < MAX_FDS && g_fds[fd].on) {
        pthread_mutex_lock(&g_lock);
        g_fds[fd].on = 0;
        pthread_mutex_unlock(&g_lock);
    }
    return REAL(close)(fd);
}

static void copy_tracking(int from, int to)
{
    if (to < 0 || to >= MAX_FDS || from < 0 || from >= MAX_FDS)
        return;
    pthread_mutex_lock(&g_lock);
    g_fds[to] = g_fds[from];
    pthread_mutex_unlock(&g_lock);
}

int dup(int fd)
{
    resolve_dup();
    const int copy = REAL(dup)(fd);
    if (copy >= 0)
        copy_tracking(fd, copy);
    return copy;
}

int dup2(int fd, int target)
{
    resolve_dup2();
    const int copy = REAL(dup2)(fd, target);
    if (copy >= 0)
        copy_tracking(fd, copy);
    return copy;
}

int dup3(int fd, int target, int flags)
{
    resolve_dup3();
    const int copy = REAL(dup3)(fd, target, flags);
    if (copy >= 0)
        copy_tracking(fd, copy);
    return copy;
}

// ---- names ------------------------------------------------------------------------------

static void next_trash_name(char *out)
{
    if (snprintf(out, PATH_MAX, "%s/%d-%lu", g_trash, (int)getpid(), ++g_trashCounter) >= PATH_MAX)
        abort();
}

static int do_rename(int olddir, const char *oldpath, int newdir, const char *newpath, unsigned int flags)
{
    resolve_renameat2();
    char from[PATH_MAX], to[PATH_MAX];
    if (!active() || !absolute_path(olddir, oldpath, from) || !absolute_path(newdir, newpath, to)
        || (!under_root(from) && !under_root(to)))
        return REAL(renameat2)(olddir, oldpath, newdir, newpath, flags);
    pthread_mutex_lock(&g_lock);
    if (flags & RENAME_EXCHANGE)
        journal_line("X\trename with RENAME_EXCHANGE\n");
    struct stat source, target;
    dev_t pdev = 0;
    ino_t pino = 0;
    char backup[PATH_MAX] = "-";
    resolve_link();
    if (lstat(from, &source) == 0 && parent_of(to, &pdev, &pino)) {
        // The file the rename replaces stays reachable, so that the replay can put it back.
        if (!(flags & RENAME_NOREPLACE) && lstat(to, &target) == 0 && !S_ISDIR(target.st_mode)) {
            next_trash_name(backup);
            if (REAL(link)(to, backup) != 0)
                strcpy(backup, "-");
        }
        journal_line("R\t%llu\t%llu\t%llu\t%s\t%s\t%s\n", (unsigned long long)pdev, (unsigned long long)pino,
                     (unsigned long long)source.st_ino, from, to, backup);
    }
    const int result = REAL(renameat2)(olddir, oldpath, newdir, newpath, flags);
    const int saved = errno;
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int rename(const char *oldpath, const char *newpath)
{
    return do_rename(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

int renameat(int olddir, const char *oldpath, int newdir, const char *newpath)
{
    return do_rename(olddir, oldpath, newdir, newpath, 0);
}

int renameat2(int olddir, const char *oldpath, int newdir, const char *newpath, unsigned int flags)
{
    return do_rename(olddir, oldpath, newdir, newpath, flags);
}

static int do_unlink(int dirfd, const char *path, int flags)
{
    resolve_unlinkat();
    char absolute[PATH_MAX];
    if (!active() || !absolute_path(dirfd, path, absolute) || !under_root(absolute))
        return REAL(unlinkat)(dirfd, path, flags);
    pthread_mutex_lock(&g_lock);
    dev_t pdev = 0;
    ino_t pino = 0;
    int result;
    if (!parent_of(absolute, &pdev, &pino)) {
        result = REAL(unlinkat)(dirfd, path, flags);
    } else if (flags & AT_REMOVEDIR) {
        journal_line("U\t%llu\t%llu\t%s\t-\n", (unsigned long long)pdev, (unsigned long long)pino, absolute);
        result = REAL(unlinkat)(dirfd, path, flags);
    } else {
        char backup[PATH_MAX];
        next_trash_name(backup);
        journal_line("U\t%llu\t%llu\t%s\t%s\n", (unsigned long long)pdev, (unsigned long long)pino, absolute, backup);
        resolve_renameat2();
        result = REAL(renameat2)(AT_FDCWD, absolute, AT_FDCWD, backup, 0);
    }
    const int saved = errno;
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int unlink(const char *path)
{
    return do_unlink(AT_FDCWD, path, 0);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    return do_unlink(dirfd, path, flags);
}

int rmdir(const char *path)
{
    return do_unlink(AT_FDCWD, path, AT_REMOVEDIR);
}

static int do_mkdir(int dirfd, const char *path, mode_t mode)
{
    resolve_mkdirat();
    char absolute[PATH_MAX];
    if (!active() || !absolute_path(dirfd, path, absolute) || !under_root(absolute))
        return REAL(mkdirat)(dirfd, path, mode);
    pthread_mutex_lock(&g_lock);
    struct stat info;
    dev_t pdev = 0;
    ino_t pino = 0;
    if (lstat(absolute, &info) != 0 && parent_of(absolute, &pdev, &pino))
        journal_line("D\t%llu\t%llu\t%s\n", (unsigned long long)pdev, (unsigned long long)pino, absolute);
    const int result = REAL(mkdirat)(dirfd, path, mode);
    const int saved = errno;
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int mkdir(const char *path, mode_t mode)
{
    return do_mkdir(AT_FDCWD, path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    return do_mkdir(dirfd, path, mode);
}

static int do_link(int olddir, const char *oldpath, int newdir, const char *newpath, int flags)
{
    resolve_linkat();
    char absolute[PATH_MAX];
    if (!active() || !absolute_path(newdir, newpath, absolute) || !under_root(absolute))
        return REAL(linkat)(olddir, oldpath, newdir, newpath, flags);
    pthread_mutex_lock(&g_lock);
    dev_t pdev = 0;
    ino_t pino = 0;
    struct stat info;
    if (lstat(absolute, &info) != 0 && parent_of(absolute, &pdev, &pino))
        journal_line("C\t%llu\t%llu\t%s\n", (unsigned long long)pdev, (unsigned long long)pino, absolute);
    const int result = REAL(linkat)(olddir, oldpath, newdir, newpath, flags);
    const int saved = errno;
    pthread_mutex_unlock(&g_lock);
    errno = saved;
    return result;
}

int link(const char *oldpath, const char *newpath)
{
    return do_link(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

int linkat(int olddir, const char *oldpath, int newdir, const char *newpath, int flags)
{
    return do_link(olddir, oldpath, newdir, newpath, flags);
}
