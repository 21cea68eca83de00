/* Atomic output files: the data goes to a new temporary file next to the
 * target, which is renamed over the target only once everything is written
 * and flushed. The temporary is created with mode 0666, so the process's
 * umask decides its permissions, as for any file the user creates. */
#include <errno.h>
#include <fcntl.h>
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

egdi_status egdi__outfile_open(egdi__outfile *of, const char *path)
{
    of->fp = NULL;
    of->path = path;
    size_t n = strlen(path);
    of->tmp_path = malloc(n + 32);
    if (!of->tmp_path)
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        snprintf(of->tmp_path, n + 32, "%s.tmp.%012llx", path,
                 (unsigned long long)(random_bits() & 0xffffffffffffull));
        fd = open(of->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        egdi_status st = egdi__fail(EGDI_ERR_IO, "%s: cannot create a temporary file: %s", path,
                                    strerror(errno));
        free(of->tmp_path);
        of->tmp_path = NULL;
        return st;
    }
    of->fp = fdopen(fd, "wb");
    if (!of->fp) {
        egdi_status st = egdi__fail(EGDI_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        close(fd);
        unlink(of->tmp_path);
        free(of->tmp_path);
        of->tmp_path = NULL;
        return st;
    }
    return EGDI_OK;
}

egdi_status egdi__outfile_commit(egdi__outfile *of)
{
    int bad = ferror(of->fp);
    bad |= fflush(of->fp) != 0;
    bad |= fsync(fileno(of->fp)) != 0 && errno != EINVAL;
    bad |= fclose(of->fp) != 0;
    of->fp = NULL;
    if (bad || rename(of->tmp_path, of->path) != 0) {
        egdi_status st = egdi__fail(EGDI_ERR_IO, "%s: write failed: %s", of->path, strerror(errno));
        unlink(of->tmp_path);
        free(of->tmp_path);
        of->tmp_path = NULL;
        return st;
    }
    free(of->tmp_path);
    of->tmp_path = NULL;
    return EGDI_OK;
}

void egdi__outfile_abort(egdi__outfile *of)
{
    if (of->fp)
        fclose(of->fp);
    of->fp = NULL;
    if (of->tmp_path) {
        unlink(of->tmp_path);
        free(of->tmp_path);
        of->tmp_path = NULL;
    }
}
