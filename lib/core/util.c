/* Small helpers: strings, allocation, whole-file reads, versioned structs,
 * locale-independent number I/O. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"

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

void *egdi__mallocarray(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return malloc((n != 0 && size != 0) ? n * size : 1);
}

egdi_status egdi__read_stream(FILE *fp, const char *source, char **text, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
    errno = 0;
    for (;;) {
        if (n + 1 >= cap) { /* room for a terminating NUL */
            char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int e = errno;
        free(buf);
        return egdi__fail(EGDI_ERR_IO, "%s: cannot read: %s", source,
                          e ? strerror(e) : "read error");
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return EGDI_OK;
}

egdi_status egdi__read_file(const char *path, char **text, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return egdi__fail(EGDI_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(fp), &sb) == 0 && (S_ISDIR(sb.st_mode) || S_ISBLK(sb.st_mode) ||
                                        S_ISCHR(sb.st_mode))) {
        fclose(fp);
        return egdi__fail(EGDI_ERR_IO, "%s: is a %s, not a file", path,
                          S_ISDIR(sb.st_mode) ? "directory" : "device");
    }
    egdi_status st = egdi__read_stream(fp, path, text, len);
    fclose(fp);
    return st;
}

egdi_status egdi__versioned_read(void *dst, const void *defaults, const void *src,
                                 const size_t *sizes, size_t n_versions, const char *what)
{
    size_t current = sizes[n_versions - 1];
    memcpy(dst, defaults, current);
    if (!src)
        return EGDI_OK;
    unsigned v = egdi__struct_version(src);
    if (v == 0 || v >= n_versions)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: version %u, expected 1..%zu", what, v,
                          n_versions - 1);
    memcpy(dst, src, sizes[v]);
    return EGDI_OK;
}

egdi_status egdi__versioned_init(void *dst, const void *defaults, const size_t *sizes,
                                 size_t n_versions, unsigned version, const char *what)
{
    if (version == 0 || version >= n_versions)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: version %u, expected 1..%zu", what, version,
                          n_versions - 1);
    memcpy(dst, defaults, sizes[version]);
    *(unsigned *)dst = version;
    return EGDI_OK;
}

egdi_status egdi__versioned_write(void *dst, const void *src, const size_t *sizes,
                                  size_t n_versions, const char *what)
{
    unsigned v = egdi__struct_version(dst);
    if (v == 0 || v >= n_versions)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: version %u, expected 1..%zu", what, v,
                          n_versions - 1);
    memcpy(dst, src, sizes[v]);
    *(unsigned *)dst = v; /* the caller's version stays */
    return EGDI_OK;
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
    /* an underflow (1e-400, 5e-324) reads as the nearest double, as printf
     * writes it; an overflow is refused */
    if (end == s || *end != '\0' || !isfinite(v) || (errno == ERANGE && fabs(v) > 1))
        return 0;
    *out = v;
    return 1;
}

int egdi__parse_number_sep(const char *s, char decimal, double *out)
{
    if (decimal != ',')
        return egdi__parse_number(s, out);
    /* "0,5" -> "0.5"; a cell that already has a '.' is not a decimal-comma number */
    char buf[64];
    size_t n = strlen(s);
    if (n >= sizeof buf || strchr(s, '.'))
        return egdi__is_missing_marker(s) ? egdi__parse_number(s, out) : 0;
    memcpy(buf, s, n + 1);
    char *comma = strchr(buf, ',');
    if (comma) {
        *comma = '.';
        if (strchr(comma + 1, ','))
            return 0;
    }
    return egdi__parse_number(buf, out);
}

const char *egdi__number_problem(const char *s, char decimal)
{
    const char *p = s + (*s == '+' || *s == '-');
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        return "is a hexadecimal number; write it in decimal";
    double v;
    if (decimal != ',' && strchr(s, ',') && egdi__parse_number_sep(s, ',', &v))
        return "has a decimal comma; read the file with the decimal comma option "
               "(egdi: --decimal-comma)";
    if (decimal == ',' && egdi__parse_number(s, &v))
        return "has a decimal point, but the file is read with a decimal comma";
    char *end;
    errno = 0;
    v = strtod(s, &end);
    if (end != s && *end == '\0') {
        if (isinf(v) && errno != ERANGE)
            return "is not a finite number";
        if (errno == ERANGE)
            return "is too large for a double";
    }
    return "is not a number";
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
        if (prec == 17 || strtod(buf, NULL) == v)
            return;
    }
}

double egdi__pow10(int d)
{
    static const double p[18] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,
                                 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
    return d >= 0 && d < 18 ? p[d] : pow(10.0, d);
}

int egdi__same_ascii(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        x += x >= 'A' && x <= 'Z' ? 'a' - 'A' : 0;
        y += y >= 'A' && y <= 'Z' ? 'a' - 'A' : 0;
        if (x != y)
            return 0;
    }
    return *a == *b;
}
