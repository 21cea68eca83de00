/* Internal declarations shared by the library's modules; never installed. */
#ifndef EGDI_INTERNAL_H
#define EGDI_INTERNAL_H

#include <locale.h>
#include <stddef.h>
#include <stdio.h>

#include "egdi/egdi.h"

#define EGDI_HIDDEN __attribute__((visibility("hidden")))

#if defined(__GNUC__)
#define EGDI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define EGDI_PRINTF(a, b)
#endif

/* error.c: record the thread's last error; returns status for `return egdi__fail(...)`. */
EGDI_HIDDEN egdi_status egdi__fail(egdi_status status, const char *fmt, ...) EGDI_PRINTF(2, 3);
/* Prefix the current message with more context ("file.csv: " + message). */
EGDI_HIDDEN void egdi__error_prefix(const char *fmt, ...) EGDI_PRINTF(1, 2);

#define EGDI_CHECK_ARG(cond, name)                                                        \
    do {                                                                                  \
        if (!(cond))                                                                      \
            return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: invalid argument '%s'", __func__, \
                              name);                                                      \
    } while (0)

/* util.c */
EGDI_HIDDEN char *egdi__strdup(const char *s);
EGDI_HIDDEN char *egdi__strndup_trim(const char *s, size_t len);
EGDI_HIDDEN void *egdi__reallocarray(void *p, size_t n, size_t size);
/* Switch this thread to the C locale for number I/O; restore with egdi__locale_pop. */
typedef struct egdi__locale {
    locale_t c_locale;
    locale_t saved;
} egdi__locale;
EGDI_HIDDEN egdi_status egdi__locale_push(egdi__locale *l);
EGDI_HIDDEN void egdi__locale_pop(egdi__locale *l);
/* Parse a whole trimmed cell as a number; missing markers give NaN.
 * Returns 1 if a number or missing marker, 0 if not a number. */
EGDI_HIDDEN int egdi__parse_number(const char *s, double *out);
EGDI_HIDDEN int egdi__is_missing_marker(const char *s);
/* Shortest text that reads back to the same double (or fixed decimals >= 0). */
EGDI_HIDDEN void egdi__format_number(double v, int decimals, char *buf, size_t size);
EGDI_HIDDEN egdi_status egdi__read_file(const char *path, char **text, size_t *len);

/* Atomic output file: a temporary in the target's directory, renamed on commit. */
typedef struct egdi__outfile {
    FILE *fp;
    char *tmp_path;
    const char *path;
} egdi__outfile;
EGDI_HIDDEN egdi_status egdi__outfile_open(egdi__outfile *of, const char *path);
EGDI_HIDDEN egdi_status egdi__outfile_commit(egdi__outfile *of);
EGDI_HIDDEN void egdi__outfile_abort(egdi__outfile *of);

/* csv.c: an in-memory RFC 4180 table (all cells trimmed). */
typedef struct egdi__csv {
    char **cells;     /* n_rows * n_cols, row-major; row 0 = header */
    size_t *line;     /* physical line number where each row starts (1-based) */
    size_t n_rows, n_cols;
} egdi__csv;
EGDI_HIDDEN egdi_status egdi__csv_parse(const char *text, size_t len, char delimiter,
                                        const char *source, egdi__csv *out);
EGDI_HIDDEN void egdi__csv_free(egdi__csv *csv);
EGDI_HIDDEN const char *egdi__csv_cell(const egdi__csv *csv, size_t row, size_t col);
EGDI_HIDDEN long egdi__csv_find_col(const egdi__csv *csv, const char *name);
EGDI_HIDDEN char egdi__csv_detect_delimiter(const char *text, size_t len);
EGDI_HIDDEN void egdi__csv_write_field(FILE *fp, const char *s, char delimiter);

/* index.c: what compute.c needs to know about a node. */
typedef struct egdi__node {
    char *code, *name, *source;
    long parent;            /* -1 for roots */
    int is_indicator;
    double weight;
    int direction;
    double cap_lo, cap_hi;  /* NaN = none */
    egdi_norm norm;
    double norm_params[4];
    size_t n_norm_params;
    egdi_agg agg;
} egdi__node;

struct egdi_index {
    egdi__node *nodes;
    size_t n_nodes, cap_nodes;
};

EGDI_HIDDEN egdi_status egdi__index_order(const egdi_index *idx, size_t *order);
EGDI_HIDDEN const char *egdi__norm_name(egdi_norm m);
EGDI_HIDDEN const char *egdi__agg_name(egdi_agg m);
EGDI_HIDDEN int egdi__norm_from_name(const char *s, egdi_norm *out);
EGDI_HIDDEN int egdi__agg_from_name(const char *s, egdi_agg *out);

/* methods.c: per-node methods. x has n entries; NaN entries are left as NaN.
 * work has n doubles of scratch space. */
EGDI_HIDDEN egdi_status egdi__normalize(const egdi__node *node, double *x, size_t n,
                                        double *work);
EGDI_HIDDEN egdi_status egdi__aggregate(egdi_agg agg, const double *const *children,
                                        const double *weights, size_t n_children, size_t n,
                                        double *out);

#endif
