/* Small helpers: strings, locale-independent number I/O, files. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

char *egdi__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char *egdi__strndup_trim(const char *s, size_t len)
{
    while (len > 0 && is_space(*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
        len--;
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void *egdi__reallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return realloc(p, (n != 0 && size != 0) ? n * size : 1);
}

egdi_status egdi__locale_push(egdi__locale *l)
{
    l->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (l->c_locale == (locale_t)0)
        return egdi__fail(EGDI_ERR_NOMEM, "cannot create the C locale");
    l->saved = uselocale(l->c_locale);
    return EGDI_OK;
}

void egdi__locale_pop(egdi__locale *l)
{
    uselocale(l->saved);
    freelocale(l->c_locale);
}

int egdi__is_missing_marker(const char *s)
{
    static const char *const markers[] = {"", "NA", "NaN", "nan", "N/A", "n/a", "..", "-", "null"};
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++)
        if (strcmp(s, markers[i]) == 0)
            return 1;
    return 0;
}

int egdi__parse_number(const char *s, double *out)
{
    if (egdi__is_missing_marker(s)) {
        *out = NAN;
        return 1;
    }
    /* strtod accepts "inf", hex floats and leading blanks; a data cell should not. */
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!((*p >= '0' && *p <= '9') || *p == '.'))
        return 0;
    for (const char *q = p; *q; q++)
        if (*q == 'x' || *q == 'X')
            return 0;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

void egdi__format_number(double v, int decimals, char *buf, size_t size)
{
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (decimals >= 0) {
        snprintf(buf, size, "%.*f", decimals, v);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

egdi_status egdi__read_file(const char *path, char **text, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return egdi__fail(EGDI_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(fp);
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    }
    for (;;) {
        if (n == cap) {
            char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(fp);
                return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        free(buf);
        return egdi__fail(EGDI_ERR_IO, "%s: read error", path);
    }
    *text = buf;
    *len = n;
    return EGDI_OK;
}

egdi_status egdi__outfile_open(egdi__outfile *of, const char *path)
{
    of->fp = NULL;
    of->path = path;
    size_t n = strlen(path);
    of->tmp_path = malloc(n + 16);
    if (!of->tmp_path)
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", path);
    memcpy(of->tmp_path, path, n);
    memcpy(of->tmp_path + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(of->tmp_path);
    if (fd < 0) {
        egdi_status st = egdi__fail(EGDI_ERR_IO, "%s: cannot create a temporary file: %s", path,
                                    strerror(errno));
        free(of->tmp_path);
        of->tmp_path = NULL;
        return st;
    }
    (void)fchmod(fd, 0644); /* mkstemp creates 0600; outputs are ordinary files */
    of->fp = fdopen(fd, "wb");
    if (!of->fp) {
        close(fd);
        unlink(of->tmp_path);
        free(of->tmp_path);
        of->tmp_path = NULL;
        return egdi__fail(EGDI_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
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
