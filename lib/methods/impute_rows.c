/* Row-wise imputation (egdi/impute.h): a unit's missing indicator value is
 * filled from the same unit's other indicators of its aggregation group,
 * as COINr's Impute(impute_by = "row", group_level = L) does: each column
 * direction-adjusted and min-max scaled over the units (normalise_first),
 * the row's mean or median on that scale, mapped back to the column. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort_double.h>

#include "data/data.h"
#include "methods/methods.h"

static const char *const fill_names[] = {"observed", "missing", "row", "carried",
                                         "interpolated", "extrapolated"};

const char *egdi_fill_name(int fill)
{
    if (fill < 0 || (size_t)fill >= sizeof fill_names / sizeof *fill_names)
        return NULL;
    return fill_names[fill];
}

static const egdi_impute_rows_options rows_defaults = EGDI_IMPUTE_ROWS_OPTIONS_INIT;
static const size_t rows_sizes[] = {0, offsetof(egdi_impute_rows_options, normalise_first) +
                                           sizeof(int)};
#define N_ROWS_VERSIONS (sizeof rows_sizes / sizeof *rows_sizes)

egdi_status egdi_impute_rows_options_init_version(egdi_impute_rows_options *opts,
                                                  unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &rows_defaults, rows_sizes, N_ROWS_VERSIONS, version,
                                "egdi_impute_rows_options");
}

static egdi_status read_options(egdi_impute_rows_options *o, const egdi_impute_rows_options *opts)
{
    egdi_status st = egdi__versioned_read(o, &rows_defaults, opts, rows_sizes, N_ROWS_VERSIONS,
                                          "egdi_impute_rows_options");
    if (st != EGDI_OK)
        return st;
    if (o->stat != EGDI_ROW_MEAN && o->stat != EGDI_ROW_MEDIAN)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "egdi_impute_rows: unknown statistic %d (expected mean 0 or median 1)",
                          (int)o->stat);
    return EGDI_OK;
}

/* A column with a group >= 0; sorted by group (then position), the groups
 * are the runs of equal keys. */
typedef struct col_key {
    int group;
    size_t col;
} col_key;

static int cmp_key(const void *a, const void *b)
{
    const col_key *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

/* The work of egdi_impute_rows_values() on checked, finite input. */
static egdi_status impute_rows_core(const double *x, size_t n, size_t m, const int *groups,
                                    const int *dirs, const egdi_impute_rows_options *o,
                                    double *out, unsigned char *fill)
{
    /* column min and max (direction applied), the sorted keys, a row's values */
    double *lo = egdi__mallocarray(2 * m + 1, sizeof *lo);
    col_key *keys = egdi__mallocarray(m + 1, sizeof *keys);
    double *work = egdi__mallocarray(m + 1, sizeof *work);
    if (!lo || !keys || !work) {
        free(lo);
        free(keys);
        free(work);
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_impute_rows: out of memory");
    }
    double *hi = lo + m;
    size_t nk = 0;
    for (size_t c = 0; c < m; c++) {
        double d = dirs ? dirs[c] : 1;
        lo[c] = INFINITY;
        hi[c] = -INFINITY;
        for (size_t r = 0; r < n; r++) {
            double v = x[r * m + c];
            if (!isnan(v)) {
                v *= d;
                if (v < lo[c])
                    lo[c] = v;
                if (v > hi[c])
                    hi[c] = v;
            }
        }
        if (groups[c] >= 0)
            keys[nk++] = (col_key){groups[c], c};
    }
    qsort(keys, nk, sizeof *keys, cmp_key);

    for (size_t r = 0; r < n; r++) {
        const double *xr = x + r * m;
        double *or = out + r * m;
        unsigned char *fr = fill ? fill + r * m : NULL;
        /* columns outside every group: as they are */
        for (size_t c = 0; c < m; c++)
            if (groups[c] < 0) {
                if (fr)
                    fr[c] = isnan(xr[c]) ? EGDI_FILL_MISSING : EGDI_FILL_OBSERVED;
                or[c] = xr[c];
            }
        for (size_t a = 0; a < nk;) {
            size_t b = a + 1;
            while (b < nk && keys[b].group == keys[a].group)
                b++;
            /* the unit's statistic over the group's usable present values */
            size_t k = 0;
            for (size_t q = a; q < b; q++) {
                size_t c = keys[q].col;
                double v = xr[c];
                if (isnan(v))
                    continue;
                if (o->normalise_first) {
                    if (!(hi[c] > lo[c]))
                        continue; /* one value: no position on the scale (COINr: NaN) */
                    v = (v * (dirs ? dirs[c] : 1) - lo[c]) / (hi[c] - lo[c]);
                }
                work[k++] = v;
            }
            double s = NAN;
            if (k > 0 && o->stat == EGDI_ROW_MEAN) {
                double sum = 0;
                for (size_t q = 0; q < k; q++)
                    sum += work[q];
                s = sum / (double)k;
            } else if (k > 0) {
                gsl_sort(work, 1, k);
                s = k % 2 ? work[k / 2] : 0.5 * (work[k / 2 - 1] + work[k / 2]);
            }
            for (size_t q = a; q < b; q++) {
                size_t c = keys[q].col;
                double v = xr[c];
                unsigned char f = EGDI_FILL_OBSERVED;
                if (isnan(v)) {
                    f = EGDI_FILL_MISSING;
                    if (!isnan(s) && lo[c] <= hi[c]) { /* the column has a value */
                        v = o->normalise_first
                                ? (s * (hi[c] - lo[c]) + lo[c]) * (dirs ? dirs[c] : 1)
                                : s;
                        f = EGDI_FILL_ROW;
                    }
                }
                or[c] = v;
                if (fr)
                    fr[c] = f;
            }
            a = b;
        }
    }
    free(lo);
    free(keys);
    free(work);
    return EGDI_OK;
}

egdi_status egdi_impute_rows_values(const double *x, size_t n_rows, size_t n_cols,
                                    const int *groups, const int *directions,
                                    const egdi_impute_rows_options *opts, double *out,
                                    unsigned char *fill)
{
    EGDI_CHECK_ARG(x || n_rows * n_cols == 0, "x");
    EGDI_CHECK_ARG(groups || n_cols == 0, "groups");
    EGDI_CHECK_ARG(out || n_rows * n_cols == 0, "out");
    egdi_impute_rows_options o;
    egdi_status st = read_options(&o, opts);
    if (st != EGDI_OK)
        return st;
    if (n_cols && n_rows > SIZE_MAX / n_cols)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_impute_rows_values: %zu x %zu is too large",
                          n_rows, n_cols);
    for (size_t c = 0; directions && c < n_cols; c++)
        if (directions[c] != 1 && directions[c] != -1)
            return egdi__fail(EGDI_ERR_INVALID_ARG,
                              "egdi_impute_rows_values: column %zu: direction %d, expected +1 "
                              "or -1",
                              c, directions[c]);
    for (size_t i = 0; i < n_rows * n_cols; i++)
        if (isinf(x[i]))
            return egdi__fail(EGDI_ERR_DOMAIN,
                              "egdi_impute_rows_values: row %zu, column %zu: value is infinite",
                              i / n_cols, i % n_cols);
    return impute_rows_core(x, n_rows, n_cols, groups, directions, &o, out, fill);
}

/* The group of indicator node i: its nearest ancestor of level >= level, else
 * its root; 0 for level 0. */
static int group_of(const egdi_index *idx, size_t i, int level)
{
    if (level == 0)
        return 0;
    size_t node = i;
    const char *parent;
    while ((parent = egdi_index_node_parent(idx, node)) != NULL) {
        size_t p;
        if (egdi_index_find_node(idx, parent, &p) != EGDI_OK)
            break; /* not after egdi_index_validate() */
        node = p;
        if (egdi_index_node_level(idx, node) >= level)
            break;
    }
    return (int)node;
}

egdi_status egdi__units_with_columns(const egdi_dataset *src, const size_t *keep,
                                     size_t n_keep, egdi_dataset **out)
{
    egdi_status st = egdi_dataset_new(out);
    st = st ? st : egdi__dataset_copy_units(*out, src);
    for (size_t k = 0; k < n_keep && st == EGDI_OK; k++)
        st = egdi__dataset_copy_column(*out, src, keep[k], NULL);
    if (st != EGDI_OK) {
        egdi_dataset_free(*out);
        *out = NULL;
    }
    return st;
}

egdi_status egdi_impute_rows(const egdi_index *idx, const egdi_dataset *data,
                             const egdi_impute_rows_options *opts, egdi_dataset **out,
                             egdi_dataset **flags)
{
    EGDI_CHECK_ARG(idx, "idx");
    EGDI_CHECK_ARG(data, "data");
    EGDI_CHECK_ARG(out, "out");
    *out = NULL;
    if (flags)
        *flags = NULL;
    egdi_impute_rows_options o;
    egdi_status st = read_options(&o, opts);
    if (st != EGDI_OK)
        return st;
    st = egdi_index_validate(idx);
    if (st != EGDI_OK)
        return st;

    size_t n_nodes = egdi_index_n_nodes(idx), n = egdi_dataset_n_units(data);
    size_t n_data_cols = egdi_dataset_n_columns(data);
    int max_level = 1;
    size_t m = 0;
    for (size_t i = 0; i < n_nodes; i++) {
        int lv = egdi_index_node_level(idx, i);
        if (lv > max_level)
            max_level = lv;
        m += egdi_index_node_is_indicator(idx, i) == 1;
    }
    if (o.group_level != 0 && (o.group_level < 2 || o.group_level > max_level))
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "egdi_impute_rows: group level %d: the index's aggregate levels are "
                          "2..%d (0 = all indicators in one group)",
                          o.group_level, max_level);

    if (m && n > (SIZE_MAX / sizeof(double) - 1) / m)
        return egdi__fail(EGDI_ERR_NOMEM,
                          "egdi_impute_rows: %zu units x %zu indicators is too large", n, m);
    /* per indicator: column, group, direction; the matrix n x m */
    size_t *col = egdi__mallocarray(m + 1, sizeof *col);
    int *grp = egdi__mallocarray(2 * m + 1, sizeof *grp);
    size_t *owner = egdi__mallocarray(n_data_cols + 1, sizeof *owner);
    double *x = egdi__mallocarray(n * m + 1, sizeof *x);
    double *colv = egdi__mallocarray(n + 1, sizeof *colv);
    unsigned char *fl = egdi__mallocarray(n * m + 1, 1);
    egdi_dataset *res = NULL, *fds = NULL;
    if (!col || !grp || !owner || !x || !colv || !fl) {
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_impute_rows: out of memory");
        goto done;
    }
    int *dir = grp + m;
    for (size_t j = 0; j < n_data_cols; j++)
        owner[j] = SIZE_MAX;
    size_t k = 0;
    for (size_t i = 0; i < n_nodes; i++) {
        if (egdi_index_node_is_indicator(idx, i) != 1)
            continue;
        const char *code = egdi_index_node_code(idx, i), *src = egdi_index_node_source(idx, i);
        egdi_column_kind kind;
        if (egdi_dataset_find_column(data, src, &col[k]) != EGDI_OK) {
            st = egdi__fail(EGDI_ERR_NOT_FOUND, "egdi_impute_rows: indicator '%s': no column '%s'",
                            code, src);
            goto done;
        }
        egdi_dataset_column_kind(data, col[k], &kind);
        if (kind != EGDI_COLUMN_NUMERIC) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG,
                            "egdi_impute_rows: indicator '%s': column '%s' is a label column", code,
                            src);
            goto done;
        }
        if (owner[col[k]] != SIZE_MAX) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG,
                            "egdi_impute_rows: indicators '%s' and '%s' both read column '%s'",
                            egdi_index_node_code(idx, owner[col[k]]), code, src);
            goto done;
        }
        owner[col[k]] = i;
        grp[k] = group_of(idx, i, o.group_level);
        dir[k] = egdi_index_node_direction(idx, i);
        egdi_dataset_get_numeric(data, col[k], colv, n);
        for (size_t r = 0; r < n; r++) {
            if (isinf(colv[r])) {
                st = egdi__fail(EGDI_ERR_DOMAIN,
                                "egdi_impute_rows: unit '%s', indicator '%s': value is infinite",
                                egdi_dataset_unit_code(data, r), code);
                goto done;
            }
            x[r * m + k] = colv[r];
        }
        k++;
    }
    st = impute_rows_core(x, n, m, grp, dir, &o, x, fl);
    if (st == EGDI_OK)
        st = egdi_dataset_clone(data, &res);
    if (st == EGDI_OK && flags)
        st = egdi__units_with_columns(data, NULL, 0, &fds);
    for (size_t q = 0; st == EGDI_OK && q < m; q++) {
        for (size_t r = 0; r < n; r++)
            colv[r] = x[r * m + q];
        st = egdi_dataset_set_numeric(res, col[q], colv, n);
        for (size_t r = 0; st == EGDI_OK && fds && r < n; r++)
            colv[r] = fl[r * m + q];
        if (st == EGDI_OK && fds)
            st = egdi_dataset_add_numeric(fds, egdi_dataset_column_name(data, col[q]), colv, n);
    }
done:
    free(col);
    free(grp);
    free(owner);
    free(x);
    free(colv);
    free(fl);
    if (st != EGDI_OK) {
        egdi_dataset_free(res);
        egdi_dataset_free(fds);
        return st;
    }
    *out = res;
    if (flags)
        *flags = fds;
    else
        egdi_dataset_free(fds);
    return EGDI_OK;
}
