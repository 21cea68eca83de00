/* Atomic output files. The data goes to a new temporary file in the target's
 * directory, which is renamed over the target only once everything is written
 * and flushed. Only a new path, a regular file or a symbolic link to one is
 * ever replaced (see egdi/output.h): a link is written through, so the link
 * stays and the file it names is replaced; an existing file keeps its mode.
 * A new file is created with mode 0666, so the umask decides its permissions.
 *
 * Where the file system supports it (Linux O_TMPFILE), the temporary file has
 * no name while it is written: it is linked next to the target only when
 * complete, just before the rename, so a process killed in the middle of a
 * write leaves nothing behind. Elsewhere it is a named file removed on
 * failure. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"

static uint64_t random_bits(void)
{
    uint64_t r = 0;
    if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        r = (uint64_t)ts.tv_nsec * 6364136223846793005u + (uint64_t)getpid() +
            ((uint64_t)(uintptr_t)&ts << 16);
    }
    return r;
}

static const char *kind_name(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO (named pipe)";
    if (S_ISCHR(m))
        return "a character device";
    if (S_ISBLK(m))
        return "a block device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a regular file";
}

/* The directory part of path ("." if none), newly allocated. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return egdi__strdup(".");
    if (slash == path)
        return egdi__strdup("/");
    char *d = malloc((size_t)(slash - path) + 1);
    if (d) {
        memcpy(d, path, (size_t)(slash - path));
        d[slash - path] = '\0';
    }
    return d;
}

/* Decide where a write of `path` goes. *target: the file to replace (path
 * itself, or the file a symbolic link resolves to), newly allocated; *sb its
 * status when *exists. Refuses anything but a new file in a writable
 * directory, a writable regular file or a link to one. */
/* The directory the replacement of target is created in must exist and
 * take new files. */
static egdi_status check_dir(const char *path, const char *target)
{
    char *dir = dir_of(target);
    struct stat dsb;
    egdi_status st = EGDI_OK;
    if (!dir)
        st = egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    else if (stat(dir, &dsb) != 0 || !S_ISDIR(dsb.st_mode))
        st = egdi__fail(EGDI_ERR_IO, "%s: cannot write: the directory '%s' does not exist", path,
                        dir);
    else if (access(dir, W_OK | X_OK) != 0)
        st = egdi__fail(EGDI_ERR_IO, "%s: cannot write: no permission to create files in '%s'",
                        path, dir);
    free(dir);
    return st;
}

static egdi_status resolve(const char *path, char **target, struct stat *sb, int *exists)
{
    struct stat lsb;
    *target = NULL;
    *exists = 0;
    if (!*path)
        return egdi__fail(EGDI_ERR_IO, "the output path is empty");
    if (lstat(path, &lsb) != 0) {
        if (errno != ENOENT)
            return egdi__fail(EGDI_ERR_IO, "%s: cannot write: %s", path, strerror(errno));
        if (!(*target = egdi__strdup(path)))
            return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
        return check_dir(path, *target);
    }
    if (S_ISLNK(lsb.st_mode)) {
        if (stat(path, sb) != 0)
            return egdi__fail(EGDI_ERR_IO, "%s: a symbolic link to a missing file (%s); "
                              "refusing to write through it", path, strerror(errno));
    } else {
        *sb = lsb;
    }
    if (!S_ISREG(sb->st_mode))
        return egdi__fail(EGDI_ERR_IO, "%s: is %s%s; only a regular file (or a link to one) is "
                          "replaced", path, kind_name(sb->st_mode),
                          S_ISLNK(lsb.st_mode) ? " (through a symbolic link)" : "");
    if (access(path, W_OK) != 0)
        return egdi__fail(EGDI_ERR_IO, "%s: cannot write: %s", path, strerror(errno));
    *target = S_ISLNK(lsb.st_mode) ? realpath(path, NULL) : egdi__strdup(path);
    if (!*target)
        return egdi__fail(EGDI_ERR_IO, "%s: cannot resolve the link: %s", path, strerror(errno));
    *exists = 1;
    return check_dir(path, *target);
}

egdi_status egdi_output_check(const char *path, const char *const *inputs, size_t n_inputs)
{
    EGDI_CHECK_ARG(path && (inputs || n_inputs == 0), "path/inputs");
    char *target;
    struct stat sb;
    int exists;
    egdi_status st = resolve(path, &target, &sb, &exists);
    free(target);
    for (size_t k = 0; k < n_inputs && st == EGDI_OK && exists; k++) {
        struct stat isb;
        if (inputs[k] && stat(inputs[k], &isb) == 0 && isb.st_dev == sb.st_dev &&
            isb.st_ino == sb.st_ino)
            st = egdi__fail(EGDI_ERR_IO, "%s: is the input file '%s'; refusing to overwrite "
                            "an input", path, inputs[k]);
    }
    return st;
}

/* Try `make` (an open or a link creating of->tmp_path) under fresh random
 * names next to the target until one is free: its result (>= 0), or -1 with
 * errno once a failure is not a name already taken. */
static int with_tmp_name(egdi__outfile *of, int (*make)(const char *, void *), void *ctx)
{
    size_t size = strlen(of->target) + 32;
    for (int attempt = 0; attempt < 100; attempt++) {
        snprintf(of->tmp_path, size, "%s.tmp.%012llx", of->target,
                 (unsigned long long)(random_bits() & 0xffffffffffffull));
        int r = make(of->tmp_path, ctx);
        if (r >= 0 || errno != EEXIST)
            return r;
    }
    return -1;
}

static int create_named(const char *tmp_path, void *ctx)
{
    (void)ctx;
    return open(tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

egdi_status egdi__outfile_open(egdi__outfile *of, const char *path)
{
    of->fp = NULL;
    of->path = path;
    of->tmp_path = NULL;
    of->target = NULL;
    of->named = 0;
    struct stat sb;
    int exists;
    egdi_status st = resolve(path, &of->target, &sb, &exists);
    if (st != EGDI_OK) {
        free(of->target);
        of->target = NULL;
        return st;
    }
    size_t n = strlen(of->target);
    of->tmp_path = malloc(n + 32);
    if (!of->tmp_path) {
        free(of->target);
        of->target = NULL;
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    }
    int fd = -1;
#ifdef O_TMPFILE
    /* an anonymous file is named at the end through /proc/self/fd */
    char *dir = access("/proc/self/fd", X_OK) == 0 ? dir_of(of->target) : NULL;
    if (dir)
        fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    free(dir);
#endif
    if (fd < 0 && (fd = with_tmp_name(of, create_named, NULL)) >= 0)
        of->named = 1;
    if (fd < 0) {
        st = egdi__fail(EGDI_ERR_IO, "%s: cannot create a temporary file: %s", path,
                        strerror(errno));
        egdi__outfile_abort(of);
        return st;
    }
    if (exists) { /* the replacement keeps the file's permissions (and owner if we may) */
        if (fchown(fd, sb.st_uid, sb.st_gid) != 0 && errno == EPERM)
            (void)!fchown(fd, (uid_t)-1, sb.st_gid);
        if (fchmod(fd, sb.st_mode & 07777) != 0) {
            st = egdi__fail(EGDI_ERR_IO, "%s: cannot keep the file's mode: %s", path,
                            strerror(errno));
            close(fd);
            egdi__outfile_abort(of);
            return st;
        }
    }
    of->fp = fdopen(fd, "wb");
    if (!of->fp) {
        st = egdi__fail(EGDI_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        close(fd);
        egdi__outfile_abort(of);
        return st;
    }
    return EGDI_OK;
}

/* Give a complete anonymous temporary file a name next to the target. */
static int link_proc(const char *tmp_path, void *proc)
{
    return linkat(AT_FDCWD, proc, AT_FDCWD, tmp_path, AT_SYMLINK_FOLLOW);
}

static int link_anonymous(egdi__outfile *of)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(of->fp));
    if (with_tmp_name(of, link_proc, proc) < 0)
        return -1;
    of->named = 1;
    return 0;
}

egdi_status egdi__outfile_commit(egdi__outfile *of)
{
    int err = ferror(of->fp) ? EIO : 0;
    if (!err && fflush(of->fp) != 0)
        err = errno;
    if (!err && fsync(fileno(of->fp)) != 0 && errno != EINVAL)
        err = errno;
    if (!err && !of->named && link_anonymous(of) != 0)
        err = errno;
    if (fclose(of->fp) != 0 && !err)
        err = errno;
    of->fp = NULL;
    if (!err && rename(of->tmp_path, of->target) != 0)
        err = errno;
    if (err) {
        egdi_status st = egdi__fail(EGDI_ERR_IO, "%s: write failed: %s", of->path, strerror(err));
        egdi__outfile_abort(of);
        return st;
    }
    free(of->tmp_path);
    free(of->target);
    of->tmp_path = of->target = NULL;
    return EGDI_OK;
}

void egdi__outfile_abort(egdi__outfile *of)
{
    if (of->fp)
        fclose(of->fp);
    of->fp = NULL;
    if (of->tmp_path && of->named)
        unlink(of->tmp_path); /* ours: created or linked by this writer */
    free(of->tmp_path);
    free(of->target);
    of->tmp_path = of->target = NULL;
}

/* ---- the public handle over the same machinery ---- */

struct egdi_output {
    egdi__outfile of;
    char *path; /* our copy: of.path points here, the caller's may be gone by commit */
};

egdi_status egdi_output_open(const char *path, egdi_output **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    *out = NULL;
    egdi_output *o = calloc(1, sizeof *o);
    char *copy = egdi__strdup(path);
    if (!o || !copy) {
        free(o);
        free(copy);
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    }
    egdi_status st = egdi__outfile_open(&o->of, copy);
    if (st != EGDI_OK) {
        free(copy);
        free(o);
        return st;
    }
    o->path = copy;
    *out = o;
    return EGDI_OK;
}

FILE *egdi_output_stream(egdi_output *out)
{
    return out ? out->of.fp : NULL;
}

egdi_status egdi_output_commit(egdi_output *out)
{
    EGDI_CHECK_ARG(out, "out");
    /* a write error seen on the stream fails here, the temporary removed */
    egdi_status st = egdi__outfile_commit(&out->of);
    free(out->path);
    free(out);
    return st;
}

void egdi_output_abort(egdi_output *out)
{
    if (!out)
        return;
    egdi__outfile_abort(&out->of);
    free(out->path);
    free(out);
}
