/* lib/core: what every module uses: errors, strings, allocation, the string
 * map, the C locale for number I/O, atomic output files, versioned structs.
 * Internal; never installed. */
#ifndef EGDI_CORE_H
#define EGDI_CORE_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "egdi/egdi.h"

#define EGDI_HIDDEN __attribute__((visibility("hidden")))

#if defined(__GNUC__)
#define EGDI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define EGDI_PRINTF(a, b)
#endif

/* ---- errors (error.c) ---- */
/* Record the thread's last error; returns status for `return egdi__fail(...)`. */
EGDI_HIDDEN egdi_status egdi__fail(egdi_status status, const char *fmt, ...) EGDI_PRINTF(2, 3);
/* Prefix the current message with more context ("file.csv: " + message). */
EGDI_HIDDEN void egdi__error_prefix(const char *fmt, ...) EGDI_PRINTF(1, 2);

#define EGDI_CHECK_ARG(cond, name)                                                        \
    do {                                                                                  \
        if (!(cond))                                                                      \
            return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: invalid argument '%s'", __func__, \
                              name);                                                      \
    } while (0)

/* ---- strings and allocation (util.c) ---- */
EGDI_HIDDEN char *egdi__strdup(const char *s);
/* Equal ignoring ASCII case (country codes and names as people type them). */
EGDI_HIDDEN int egdi__same_ascii(const char *a, const char *b);
EGDI_HIDDEN char *egdi__strndup_trim(const char *s, size_t len);
/* realloc(p, n * size) with overflow check; never returns a zero-size block. */
EGDI_HIDDEN void *egdi__reallocarray(void *p, size_t n, size_t size);
/* malloc(n * size) with overflow check, at least one byte. */
EGDI_HIDDEN void *egdi__mallocarray(size_t n, size_t size);
/* The whole file (a directory is refused) or stream, NUL-terminated; *len
 * excludes the NUL. `source` names the stream in messages. */
EGDI_HIDDEN egdi_status egdi__read_file(const char *path, char **text, size_t *len);
EGDI_HIDDEN egdi_status egdi__read_stream(FILE *fp, const char *source, char **text, size_t *len);

/* ---- versioned structs (util.c) ----
 * sizes[v] is the size of version v of a struct (sizes[0] unused). Copies the
 * caller's version (1..n_versions-1) of src into dst, which is first set to
 * `defaults` (a current-version struct): fields a caller's version lacks keep
 * their defaults. Unknown versions are EGDI_ERR_INVALID_ARG naming `what`. */
EGDI_HIDDEN egdi_status egdi__versioned_read(void *dst, const void *defaults, const void *src,
                                             const size_t *sizes, size_t n_versions,
                                             const char *what);
/* Fill version `version` of a caller's struct with `defaults` (a current-
 * version struct): only that version's bytes are written, then its version. */
EGDI_HIDDEN egdi_status egdi__versioned_init(void *dst, const void *defaults, const size_t *sizes,
                                             size_t n_versions, unsigned version,
                                             const char *what);
/* The version number stored in the first member of a versioned struct. */
#define egdi__struct_version(p) (*(const unsigned *)(const void *)(p))
/* Write src (a current-version struct) into dst, whose caller declared version
 * *dst (first member); only that version's bytes are written. */
EGDI_HIDDEN egdi_status egdi__versioned_write(void *dst, const void *src, const size_t *sizes,
                                              size_t n_versions, const char *what);

/* ---- string map (strmap.c): open addressing, keys not owned ----
 * Maps a NUL-terminated string (which must outlive its entry) to a size_t. */
typedef struct egdi__strmap_entry {
    const char *key;   /* NULL = empty slot */
    size_t value;
    uint64_t hash;
} egdi__strmap_entry;
typedef struct egdi__strmap {
    egdi__strmap_entry *slots; /* one array: a probe touches one cache line */
    size_t n, cap;             /* cap is 0 or a power of two */
} egdi__strmap;
EGDI_HIDDEN void egdi__strmap_free(egdi__strmap *m);
EGDI_HIDDEN void egdi__strmap_clear(egdi__strmap *m);
/* Make room for `n` entries in total without rehashing. 0 on no memory. */
EGDI_HIDDEN int egdi__strmap_reserve(egdi__strmap *m, size_t n);
/* 1 and *value if found, else 0. */
EGDI_HIDDEN int egdi__strmap_get(const egdi__strmap *m, const char *key, size_t *value);
/* dst = a copy of src whose keys are key_of(ctx, value) for each entry: the
 * same strings stored elsewhere (their hashes are reused). 0 on no memory. */
EGDI_HIDDEN int egdi__strmap_copy(egdi__strmap *dst, const egdi__strmap *src,
                                  const char *(*key_of)(const void *ctx, size_t value),
                                  const void *ctx);
/* Insert key -> value unless present. Returns 1 inserted, 0 present (then
 * *existing, if given, is its value), -1 no memory. */
EGDI_HIDDEN int egdi__strmap_put(egdi__strmap *m, const char *key, size_t value,
                                 size_t *existing);

/* ---- number I/O in the C locale (util.c) ---- */
typedef struct egdi__locale {
    locale_t c_locale;
    locale_t saved;
} egdi__locale;
/* Switch this thread to the C locale for number I/O; restore with egdi__locale_pop. */
EGDI_HIDDEN egdi_status egdi__locale_push(egdi__locale *l);
EGDI_HIDDEN void egdi__locale_pop(egdi__locale *l);
/* Parse a whole trimmed cell as a number; missing markers give NaN.
 * Returns 1 if a number or missing marker, 0 if not a number. */
EGDI_HIDDEN int egdi__parse_number(const char *s, double *out);
EGDI_HIDDEN int egdi__is_missing_marker(const char *s);
/* egdi__parse_number() with a decimal separator '.' (or 0) or ','. */
EGDI_HIDDEN int egdi__parse_number_sep(const char *s, char decimal, double *out);
/* Why a cell that egdi__parse_number_sep() refused is not a number, for a
 * message: "is not a finite number", "has a decimal comma; ...", ... */
EGDI_HIDDEN const char *egdi__number_problem(const char *s, char decimal);
/* Shortest text that reads back to the same double (or fixed decimals >= 0). */
EGDI_HIDDEN void egdi__format_number(double v, int decimals, char *buf, size_t size);
/* 10^d for d = 0..17, exact. */
EGDI_HIDDEN double egdi__pow10(int d);

/* ---- atomic output files (outfile.c): a temporary in the target's
 * directory, renamed over the target on commit; what may be replaced is
 * egdi/output.h's rule ---- */
typedef struct egdi__outfile {
    FILE *fp;
    char *tmp_path;   /* the temporary file */
    char *target;     /* the file replaced on commit (a symbolic link's target) */
    int named;        /* tmp_path names the temporary (else it is anonymous, O_TMPFILE) */
    const char *path; /* as the caller gave it, for messages */
} egdi__outfile;
EGDI_HIDDEN egdi_status egdi__outfile_open(egdi__outfile *of, const char *path);
EGDI_HIDDEN egdi_status egdi__outfile_commit(egdi__outfile *of);
EGDI_HIDDEN void egdi__outfile_abort(egdi__outfile *of);

#endif
