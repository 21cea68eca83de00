/* Panel imputation (egdi/impute.h): each (unit, column) time series is
 * filled from its own observed values: carried forward (latest), copied to
 * the ends (constant extrapolation) or linearly interpolated, as COINr's
 * impute_panel(imp_type = "latest" | "constant" | "linear"), with per-cell
 * flags, optional limits on the age of a copied value, and the source time. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"

static const egdi_impute_panel_options panel_defaults = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
static const size_t panel_sizes[] = {0, offsetof(egdi_impute_panel_options, n_columns) +
                                            sizeof(size_t)};
#define N_PANEL_VERSIONS (sizeof panel_sizes / sizeof *panel_sizes)

egdi_status egdi_impute_panel_options_init_version(egdi_impute_panel_options *opts,
                                                   unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &panel_defaults, panel_sizes, N_PANEL_VERSIONS, version,
                                "egdi_impute_panel_options");
}

static egdi_status read_options(egdi_impute_panel_options *o,
                                const egdi_impute_panel_options *opts, const char *fn)
{
    egdi_status st = egdi__versioned_read(o, &panel_defaults, opts, panel_sizes,
                                          N_PANEL_VERSIONS, "egdi_impute_panel_options");
    if (st != EGDI_OK)
        return st;
    if (o->method != EGDI_PANEL_IMPUTE_LATEST && o->method != EGDI_PANEL_IMPUTE_CONSTANT &&
        o->method != EGDI_PANEL_IMPUTE_LINEAR)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "%s: unknown method %d (expected latest 0, constant 1 or linear 2)", fn,
                          (int)o->method);
    if (isnan(o->max_age) || o->max_age < 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "%s: max_age %g: expected a number >= 0 (0 = no limit)", fn, o->max_age);
    return EGDI_OK;
}

/* How rows and columns are named in messages: by the dataset's unit label
 * and row code, else by number. */
typedef struct panel_names {
    const egdi_dataset *ds;
    size_t unit_col;
    const char *const *columns; /* NULL = numbers */
} panel_names;

static const char *unit_text(const panel_names *nm, size_t row, int unit, char *buf, size_t size)
{
    if (nm && nm->ds)
        snprintf(buf, size, "'%s' (row '%s')", egdi_dataset_get_label(nm->ds, row, nm->unit_col),
                 egdi_dataset_unit_code(nm->ds, row));
    else
        snprintf(buf, size, "%d (row %zu)", unit, row);
    return buf;
}

static const char *column_text(const panel_names *nm, size_t c, char *buf, size_t size)
{
    if (nm && nm->columns)
        snprintf(buf, size, "'%s'", nm->columns[c]);
    else
        snprintf(buf, size, "%zu", c);
    return buf;
}

typedef struct entry {
    int unit;
    double time;
    size_t row;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->unit != y->unit)
        return x->unit < y->unit ? -1 : 1;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Position of t among the n sorted distinct times d. */
static size_t time_step(const double *d, size_t n, double t)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static egdi_status panel_core(const int *units, const double *times, size_t n, const double *values,
                              size_t m, const egdi_impute_panel_options *o, double *out,
                              unsigned char *fill, double *source, const panel_names *nm,
                              const char *fn)
{
    char ub[320], cb[280];
    for (size_t r = 0; r < n; r++)
        if (!isfinite(times[r]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: unit %s: time is not a finite number",
                              fn, unit_text(nm, r, units[r], ub, sizeof ub));
    for (size_t i = 0; i < n * m; i++)
        if (isinf(values[i]))
            return egdi__fail(EGDI_ERR_DOMAIN, "%s: unit %s, time %g, column %s: value is infinite",
                              fn, unit_text(nm, i / m, units[i / m], ub, sizeof ub),
                              times[i / m], column_text(nm, i % m, cb, sizeof cb));

    entry *e = egdi__mallocarray(n + 1, sizeof *e);
    size_t *obs = egdi__mallocarray(n + 1, sizeof *obs);    /* a series' observed positions */
    size_t *step = egdi__mallocarray(n + 1, sizeof *step);  /* time point of each entry */
    double *distinct = egdi__mallocarray(n + 1, sizeof *distinct);
    if (!e || !obs || !step || !distinct) {
        free(e);
        free(obs);
        free(step);
        free(distinct);
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", fn);
    }
    for (size_t r = 0; r < n; r++)
        e[r] = (entry){units[r], times[r], r};
    qsort(e, n, sizeof *e, cmp_entry);
    for (size_t k = 1; k < n; k++)
        if (e[k].unit == e[k - 1].unit && e[k].time == e[k - 1].time) {
            char ub2[320];
            egdi_status st = egdi__fail(
                EGDI_ERR_DUPLICATE, "%s: unit %s and %s: two rows with the same unit and time %g",
                fn, unit_text(nm, e[k - 1].row, e[k - 1].unit, ub, sizeof ub),
                unit_text(nm, e[k].row, e[k].unit, ub2, sizeof ub2), e[k].time);
            free(e);
            free(obs);
            free(step);
            free(distinct);
            return st;
        }
    /* the panel's time points, for max_steps */
    size_t nd = 0;
    if (o->max_steps > 0) {
        memcpy(distinct, times, n * sizeof *distinct);
        qsort(distinct, n, sizeof *distinct, cmp_double);
        for (size_t k = 0; k < n; k++)
            if (nd == 0 || distinct[k] != distinct[nd - 1])
                distinct[nd++] = distinct[k];
        for (size_t k = 0; k < n; k++)
            step[k] = time_step(distinct, nd, e[k].time);
    }
    int limited_age = o->max_age > 0 && isfinite(o->max_age);

    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && e[b].unit == e[a].unit)
            b++;
        for (size_t c = 0; c < m; c++) {
            size_t no = 0;
            for (size_t k = a; k < b; k++)
                if (!isnan(values[e[k].row * m + c]))
                    obs[no++] = k;
            size_t p = 0; /* obs[p] is the first observation at or after k */
            for (size_t k = a; k < b; k++) {
                size_t cell = e[k].row * m + c;
                double v = values[cell], src = NAN;
                unsigned char f;
                while (p < no && obs[p] < k)
                    p++;
                if (p < no && obs[p] == k) {
                    f = EGDI_FILL_OBSERVED;
                    src = e[k].time;
                } else {
                    int has_prev = p > 0, has_next = p < no;
                    size_t from = SIZE_MAX; /* the entry copied */
                    f = EGDI_FILL_MISSING;
                    if (has_prev && has_next && o->method == EGDI_PANEL_IMPUTE_LINEAR) {
                        const entry *e0 = &e[obs[p - 1]], *e1 = &e[obs[p]];
                        double y0 = values[e0->row * m + c], y1 = values[e1->row * m + c];
                        v = y0 + (y1 - y0) * ((e[k].time - e0->time) / (e1->time - e0->time));
                        f = EGDI_FILL_INTERPOLATED;
                    } else if (has_prev && o->method != EGDI_PANEL_IMPUTE_LINEAR) {
                        from = obs[p - 1];
                        f = EGDI_FILL_CARRIED;
                    } else if (has_prev && o->extrapolate) { /* linear, after the last */
                        from = obs[p - 1];
                        f = EGDI_FILL_EXTRAPOLATED;
                    } else if (has_next && o->extrapolate &&
                               o->method != EGDI_PANEL_IMPUTE_LATEST) { /* before the first */
                        from = obs[p];
                        f = EGDI_FILL_EXTRAPOLATED;
                    }
                    if (from != SIZE_MAX) {
                        double age = fabs(e[k].time - e[from].time);
                        size_t steps = 0;
                        if (o->max_steps > 0)
                            steps = step[k] > step[from] ? step[k] - step[from]
                                                         : step[from] - step[k];
                        if ((limited_age && age > o->max_age) || steps > o->max_steps) {
                            f = EGDI_FILL_MISSING;
                        } else {
                            v = values[e[from].row * m + c];
                            src = e[from].time;
                        }
                    }
                }
                out[cell] = v;
                if (fill)
                    fill[cell] = f;
                if (source)
                    source[cell] = src;
            }
        }
        a = b;
    }
    free(e);
    free(obs);
    free(step);
    free(distinct);
    return EGDI_OK;
}

egdi_status egdi_impute_panel_values(const int *units, const double *times, size_t n_rows,
                                     const double *values, size_t n_cols,
                                     const egdi_impute_panel_options *opts, double *out,
                                     unsigned char *fill, double *source)
{
    static const char fn[] = "egdi_impute_panel_values";
    EGDI_CHECK_ARG(units || n_rows == 0, "units");
    EGDI_CHECK_ARG(times || n_rows == 0, "times");
    EGDI_CHECK_ARG(values || n_rows * n_cols == 0, "values");
    EGDI_CHECK_ARG(out || n_rows * n_cols == 0, "out");
    if (n_cols && n_rows > SIZE_MAX / sizeof(double) / n_cols)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: %zu x %zu is too large", fn, n_rows, n_cols);
    egdi_impute_panel_options o;
    egdi_status st = read_options(&o, opts, fn);
    if (st != EGDI_OK)
        return st;
    return panel_core(units, times, n_rows, values, n_cols, &o, out, fill, source, NULL, fn);
}

/* Positions of the columns to impute (*m of them) into cols (room for all). */
static egdi_status panel_columns(const egdi_dataset *ds, const egdi_impute_panel_options *o,
                                 size_t time_col, size_t *cols, size_t *m, const char *fn)
{
    size_t nc = egdi_dataset_n_columns(ds);
    egdi_column_kind kind;
    *m = 0;
    if (!o->columns) {
        for (size_t j = 0; j < nc; j++)
            if (j != time_col && egdi_dataset_column_kind(ds, j, &kind) == EGDI_OK &&
                kind == EGDI_COLUMN_NUMERIC)
                cols[(*m)++] = j;
        return EGDI_OK;
    }
    for (size_t k = 0; k < o->n_columns; k++) {
        const char *name = o->columns[k];
        size_t j;
        if (!name)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: column %zu of the list is NULL", fn, k);
        if (egdi_dataset_find_column(ds, name, &j) != EGDI_OK)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "%s: no column '%s'", fn, name);
        egdi_dataset_column_kind(ds, j, &kind);
        if (kind != EGDI_COLUMN_NUMERIC || j == time_col)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: column '%s' %s", fn, name,
                              j == time_col ? "is the time column" : "is not numeric");
        for (size_t q = 0; q < *m; q++)
            if (cols[q] == j)
                return egdi__fail(EGDI_ERR_DUPLICATE, "%s: column '%s' is listed twice", fn, name);
        cols[(*m)++] = j;
    }
    return EGDI_OK;
}

egdi_status egdi_impute_panel(const egdi_dataset *panel, const egdi_impute_panel_options *opts,
                              egdi_dataset **out, egdi_dataset **fill, egdi_dataset **source)
{
    static const char fn[] = "egdi_impute_panel";
    EGDI_CHECK_ARG(panel, "panel");
    EGDI_CHECK_ARG(out, "out");
    *out = NULL;
    if (fill)
        *fill = NULL;
    if (source)
        *source = NULL;
    egdi_impute_panel_options o;
    egdi_status st = read_options(&o, opts, fn);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(o.unit_column, "opts->unit_column");
    EGDI_CHECK_ARG(o.time_column, "opts->time_column");
    size_t n = egdi_dataset_n_units(panel), nc = egdi_dataset_n_columns(panel), uc, tc;
    egdi_column_kind kind;
    if (egdi_dataset_find_column(panel, o.unit_column, &uc) != EGDI_OK)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "%s: no unit column '%s'", fn, o.unit_column);
    if (egdi_dataset_find_column(panel, o.time_column, &tc) != EGDI_OK)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "%s: no time column '%s'", fn, o.time_column);
    egdi_dataset_column_kind(panel, uc, &kind);
    if (kind != EGDI_COLUMN_LABEL)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: unit column '%s' is not a label column", fn,
                          o.unit_column);
    egdi_dataset_column_kind(panel, tc, &kind);
    if (kind != EGDI_COLUMN_NUMERIC)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: time column '%s' is not numeric", fn,
                          o.time_column);

    size_t *cols = egdi__mallocarray(nc + 1, sizeof *cols), m = 0;
    int *units = egdi__mallocarray(n + 1, sizeof *units);
    double *times = egdi__mallocarray(n + 1, sizeof *times);
    const char **names = egdi__mallocarray(nc + 1, sizeof *names);
    double *x = NULL, *src = NULL, *colv = NULL;
    unsigned char *fl = NULL;
    egdi_dataset *res = NULL, *fds = NULL, *sds = NULL;
    if (!cols || !units || !times || !names) {
        st = egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", fn);
        goto done;
    }
    st = panel_columns(panel, &o, tc, cols, &m, fn);
    if (st != EGDI_OK)
        goto done;
    if (m && n > SIZE_MAX / sizeof(double) / m - 1) {
        st = egdi__fail(EGDI_ERR_NOMEM, "%s: %zu rows x %zu columns is too large", fn, n, m);
        goto done;
    }
    x = egdi__mallocarray(n * m + 1, sizeof *x);
    src = source ? egdi__mallocarray(n * m + 1, sizeof *src) : NULL;
    colv = egdi__mallocarray(n + 1, sizeof *colv);
    fl = egdi__mallocarray(n * m + 1, 1);
    if (!x || (source && !src) || !colv || !fl) {
        st = egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", fn);
        goto done;
    }
    egdi_dataset_get_level_codes(panel, uc, units, n);
    egdi_dataset_get_numeric(panel, tc, times, n);
    for (size_t r = 0; r < n; r++)
        if (units[r] < 0) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "%s: row '%s' has no unit in column '%s'", fn,
                            egdi_dataset_unit_code(panel, r), o.unit_column);
            goto done;
        }
    for (size_t q = 0; q < m; q++) {
        names[q] = egdi_dataset_column_name(panel, cols[q]);
        egdi_dataset_get_numeric(panel, cols[q], colv, n);
        for (size_t r = 0; r < n; r++)
            x[r * m + q] = colv[r];
    }
    panel_names nm = {panel, uc, names};
    st = panel_core(units, times, n, x, m, &o, x, fl, src, &nm, fn);
    if (st == EGDI_OK)
        st = egdi_dataset_clone(panel, &res);
    /* the flag and source tables keep the unit and time columns, in the panel's order */
    const size_t keys[2] = {uc < tc ? uc : tc, uc < tc ? tc : uc};
    if (st == EGDI_OK && fill)
        st = egdi__units_with_columns(panel, keys, 2, &fds);
    if (st == EGDI_OK && source)
        st = egdi__units_with_columns(panel, keys, 2, &sds);
    for (size_t q = 0; st == EGDI_OK && q < m; q++) {
        for (size_t r = 0; r < n; r++)
            colv[r] = x[r * m + q];
        st = egdi_dataset_set_numeric(res, cols[q], colv, n);
        for (size_t r = 0; st == EGDI_OK && fds && r < n; r++)
            colv[r] = fl[r * m + q];
        if (st == EGDI_OK && fds)
            st = egdi_dataset_add_numeric(fds, names[q], colv, n);
        for (size_t r = 0; st == EGDI_OK && sds && r < n; r++)
            colv[r] = src[r * m + q];
        if (st == EGDI_OK && sds)
            st = egdi_dataset_add_numeric(sds, names[q], colv, n);
    }
done:
    free(cols);
    free(units);
    free(times);
    free(names);
    free(x);
    free(src);
    free(colv);
    free(fl);
    if (st != EGDI_OK) {
        egdi_dataset_free(res);
        egdi_dataset_free(fds);
        egdi_dataset_free(sds);
        return st;
    }
    *out = res;
    if (fill)
        *fill = fds;
    if (source)
        *source = sds;
    return EGDI_OK;
}
