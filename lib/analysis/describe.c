/* Statistics of columns (describe.h): COINr's get_stats table with its flags,
 * type-2 skewness and kurtosis, Cronbach's alpha (get_cronbach), and the
 * index-level forms that read each node's column. The correlation kernels
 * are in correlate.c, the matrices in corr_tables.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "data/data.h"
#include "methods/methods.h"
#include "model/model.h"

/* ---- options ---- */

static const size_t describe_options_sizes[] = {
    0, offsetof(egdi_describe_options, t_unique) + sizeof(double) /* 1: 1.4 */
};
#define N_DESCRIBE_VERSIONS (sizeof describe_options_sizes / sizeof *describe_options_sizes)

egdi_status egdi_describe_options_init_version(egdi_describe_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    static const egdi_describe_options d = EGDI_DESCRIBE_OPTIONS_INIT;
    return egdi__versioned_init(opts, &d, describe_options_sizes, N_DESCRIBE_VERSIONS, version,
                                "egdi_describe_options");
}

/* ---- moments: egdi__moments_of() (methods.h), R's arithmetic, shared with the
 * outlier treatment ---- */

/* The skewness (kurt = 0) or the kurtosis (kurt = 1) of x (arguments checked);
 * fn names the caller. */
static egdi_status moment(const double *x, size_t n, int kurt, const char *fn, double *out)
{
    egdi_status st = egdi__check_finite(x, n, fn);
    if (st != EGDI_OK)
        return st;
    egdi__moments mo;
    egdi__moments_of(x, n, &mo);
    *out = kurt ? mo.kurt : mo.skew;
    return EGDI_OK;
}

egdi_status egdi_skewness(const double *x, size_t n, double *out)
{
    EGDI_CHECK_ARG(x || n == 0, "x");
    EGDI_CHECK_ARG(out, "out");
    return moment(x, n, 0, __func__, out);
}

egdi_status egdi_kurtosis(const double *x, size_t n, double *out)
{
    EGDI_CHECK_ARG(x || n == 0, "x");
    EGDI_CHECK_ARG(out, "out");
    return moment(x, n, 1, __func__, out);
}

/* ---- Cronbach's alpha ---- */

/* Covariance of x and y (strides sx, sy) over the complete pairs, divide by
 * m - 1 (R's cov(use = "pairwise.complete.obs")); NaN with fewer than 2. */
static double cov_pairwise(const double *x, size_t sx, const double *y, size_t sy, size_t n)
{
    long double mx = 0, my = 0;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i * sx]) && !isnan(y[i * sy]))
            mx += x[i * sx], my += y[i * sy], m++;
    if (m < 2)
        return NAN;
    mx /= (long double)m, my /= (long double)m;
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i * sx]) && !isnan(y[i * sy]))
            s += (x[i * sx] - mx) * (y[i * sy] - my);
    return (double)(s / (long double)(m - 1));
}

/* Item a is col[a] with stride `stride` (row-major matrix) or a column. */
static double cronbach(const double *const *item, size_t stride, size_t k, size_t n)
{
    double all = 0, diag = 0;
    for (size_t a = 0; a < k; a++)
        for (size_t b = a; b < k; b++) {
            double c = cov_pairwise(item[a], stride, item[b], stride, n);
            if (isnan(c))
                continue; /* sum(na.rm = TRUE) */
            all += a == b ? c : 2 * c;
            diag += a == b ? c : 0;
        }
    if (all == 0)
        return NAN;
    double dk = (double)k, av = (all - diag) / (dk * (dk - 1));
    return dk * dk * av / all;
}

egdi_status egdi_cronbach_alpha(const double *x, size_t n_units, size_t n_items, double *alpha)
{
    EGDI_CHECK_ARG(x || n_units == 0, "x");
    EGDI_CHECK_ARG(alpha, "alpha");
    if (n_items < 2)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_cronbach_alpha: %zu item(s); 2 or more "
                          "are needed", n_items);
    if (n_units > (size_t)-1 / n_items)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_cronbach_alpha: matrix too large");
    egdi_status st = egdi__check_finite(x, n_units * n_items, "egdi_cronbach_alpha");
    if (st != EGDI_OK)
        return st;
    const double **item = egdi__mallocarray(n_items, sizeof *item);
    if (!item)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_cronbach_alpha: out of memory");
    for (size_t a = 0; a < n_items; a++)
        item[a] = x + a;
    *alpha = cronbach(item, n_items, n_items, n_units);
    free((void *)item);
    return EGDI_OK;
}

/* ---- the get_stats table ---- */

enum { MIN, MAX, MEAN, MEDIAN, STD, SKEW, KURT, N_AVAIL, N_NONZERO, N_UNIQUE, N_SAME,
       FRC_AVAIL, FRC_NONZERO, FRC_UNIQUE, FRC_SAME, N_STATS };
static const char *const stat_names[N_STATS] = {
    "Min",       "Max",       "Mean",      "Median",      "Std",        "Skew",
    "Kurt",      "N.Avail",   "N.NonZero", "N.Unique",    "N.Same",     "Frc.Avail",
    "Frc.NonZero", "Frc.Unique", "Frc.Same"};
enum { F_AVAIL, F_NONZERO, F_UNIQUE, F_SKEWKURT, N_FLAGS };
static const char *const flag_names[N_FLAGS] = {"Flag.Avail", "Flag.NonZero", "Flag.Unique",
                                                "Flag.SkewKurt"};

/* One column's statistics: s[N_STATS], flags, missing and zero counts. kv
 * and tmp have n entries. */
static void column_stats(const double *x, size_t n, const egdi_describe_options *o, egdi__kv *kv,
                         egdi__kv *tmp, double *s, const char **flag, double *n_zero)
{
    egdi__moments mo;
    egdi__moments_of(x, n, &mo);
    size_t m = 0, zeros = 0, unique = 0, same = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i])) {
            kv[m].key = x[i], kv[m++].pos = i;
            zeros += x[i] == 0;
        }
    egdi__sort_kv_desc(kv, m, tmp);
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j + 1 < m && kv[j + 1].key == kv[i].key)
            j++;
        unique++;
        same = j - i + 1 > same ? j - i + 1 : same;
        i = j + 1;
    }
    double dm = (double)m, dn = (double)n;
    s[MIN] = mo.min, s[MAX] = mo.max, s[MEAN] = mo.mean, s[STD] = mo.sd;
    s[SKEW] = mo.skew, s[KURT] = mo.kurt;
    /* kv is highest first: the median is the middle one or the mean of the middle two */
    s[MEDIAN] = !m ? NAN : m % 2 ? kv[m / 2].key : (kv[m / 2 - 1].key + kv[m / 2].key) / 2;
    s[N_AVAIL] = dm, s[N_NONZERO] = (double)(m - zeros), s[N_UNIQUE] = (double)unique;
    s[N_SAME] = m ? (double)same : NAN;
    s[FRC_AVAIL] = dm / dn;
    s[FRC_NONZERO] = s[N_NONZERO] / dm, s[FRC_UNIQUE] = s[N_UNIQUE] / dm;
    s[FRC_SAME] = s[N_SAME] / dm;
    flag[F_AVAIL] = s[FRC_AVAIL] >= o->t_avail ? "ok" : "LOW";
    flag[F_NONZERO] = s[N_NONZERO] / dn >= o->t_zero ? "ok" : "LOW";
    flag[F_UNIQUE] = s[N_UNIQUE] / dn >= o->t_unique ? "ok" : "LOW";
    /* R's three-valued (|skew| > t_skew) & (kurt > t_kurt): FALSE wins over NA */
    int a = isnan(mo.skew) ? -1 : fabs(mo.skew) > o->t_skew;
    int b = isnan(mo.kurt) ? -1 : mo.kurt > o->t_kurt;
    flag[F_SKEWKURT] = a == 0 || b == 0 ? "ok" : a == 1 && b == 1 ? "OUT" : "";
    *n_zero = (double)zeros;
}

static egdi_status read_describe_options(const egdi_describe_options *opts,
                                         egdi_describe_options *o)
{
    static const egdi_describe_options d = EGDI_DESCRIBE_OPTIONS_INIT;
    egdi_status st = egdi__versioned_read(o, &d, opts, describe_options_sizes,
                                          N_DESCRIBE_VERSIONS, "egdi_describe_options");
    if (st == EGDI_OK && (isnan(o->t_skew) || isnan(o->t_kurt) || isnan(o->t_avail) ||
                          isnan(o->t_zero) || isnan(o->t_unique)))
        st = egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_describe: a threshold is NaN");
    return st;
}

/* The table of the columns col[0..nc) of data, rows named code/name. */
static egdi_status describe_columns(const egdi_dataset *data, const size_t *col,
                                    const char *const *code, const char *const *name, size_t nc,
                                    const egdi_describe_options *o, egdi_dataset **out)
{
    size_t n = data->n_units;
    if (!n)
        return egdi__fail(EGDI_ERR_DATA, "egdi_describe: the data have no units");
    for (size_t a = 0; a < nc; a++)
        for (size_t i = 0; i < n; i++)
            if (isinf(data->cols[col[a]].num[i]))
                return egdi__fail(EGDI_ERR_DOMAIN, "egdi_describe: %s of unit %s is infinite",
                                  code[a], data->codes[i]);
    double *stat = egdi__mallocarray((N_STATS + 2) * (nc ? nc : 1), sizeof *stat);
    const char **flag = egdi__mallocarray(N_FLAGS * (nc ? nc : 1), sizeof *flag);
    egdi__kv *kv = egdi__mallocarray(2 * n, sizeof *kv);
    double s[N_STATS], zeros;
    const char *f[N_FLAGS];
    egdi_dataset *t = NULL;
    egdi_status st = stat && flag && kv ? egdi_dataset_new(&t)
                                         : egdi__fail(EGDI_ERR_NOMEM, "egdi_describe: out of memory");
    for (size_t a = 0; st == EGDI_OK && a < nc; a++) {
        const double *x = data->cols[col[a]].num;
        column_stats(x, n, o, kv, kv + n, s, f, &zeros);
        for (size_t k = 0; k < N_STATS; k++)
            stat[k * nc + a] = s[k];
        for (size_t k = 0; k < N_FLAGS; k++)
            flag[k * nc + a] = f[k];
        stat[N_STATS * nc + a] = (double)n - s[N_AVAIL];
        stat[(N_STATS + 1) * nc + a] = zeros;
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(t, code, name, nc);
    for (size_t k = 0; st == EGDI_OK && k < N_STATS; k++)
        st = egdi_dataset_add_numeric(t, stat_names[k], stat + k * nc, nc);
    for (size_t k = 0; st == EGDI_OK && k < N_FLAGS; k++)
        st = egdi_dataset_add_labels(t, flag_names[k], flag + k * nc, nc);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "N.Missing", stat + N_STATS * nc, nc);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "N.Zero", stat + (N_STATS + 1) * nc, nc);
    free(stat), free((void *)flag), free(kv);
    if (st != EGDI_OK) {
        egdi_dataset_free(t);
        return st;
    }
    *out = t;
    return EGDI_OK;
}

egdi_status egdi_describe(const egdi_dataset *data, const char *const *columns, size_t n_columns,
                          const egdi_describe_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(data, "data");
    EGDI_CHECK_ARG(out, "out");
    EGDI_CHECK_ARG(columns || n_columns == 0, "columns");
    *out = NULL;
    egdi_describe_options o;
    egdi_status st = read_describe_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    size_t cap = columns ? n_columns : data->n_cols, nc = 0;
    size_t *col = egdi__mallocarray(cap, sizeof *col);
    const char **code = egdi__mallocarray(cap, sizeof *code);
    if (!col || !code)
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_describe: out of memory");
    for (size_t j = 0; st == EGDI_OK && !columns && j < data->n_cols; j++)
        if (data->cols[j].kind == EGDI_COLUMN_NUMERIC)
            col[nc] = j, code[nc++] = data->cols[j].name;
    for (size_t a = 0; st == EGDI_OK && columns && a < n_columns; a++) {
        size_t j = columns[a] ? egdi__dataset_column(data, columns[a]) : (size_t)-1;
        if (j == (size_t)-1)
            st = egdi__fail(EGDI_ERR_NOT_FOUND, "egdi_describe: no column '%s'",
                            columns[a] ? columns[a] : "(null)");
        else if (data->cols[j].kind != EGDI_COLUMN_NUMERIC)
            st = egdi__fail(EGDI_ERR_INVALID_ARG,
                            "egdi_describe: column '%s' holds labels, not numbers", columns[a]);
        else
            col[nc] = j, code[nc++] = data->cols[j].name;
    }
    if (st == EGDI_OK)
        st = describe_columns(data, col, code, code, nc, &o, out);
    free(col), free((void *)code);
    return st;
}

/* ---- along an index ---- */

egdi_status egdi__node_column(const egdi_index *idx, const egdi_dataset *values, size_t k,
                              size_t *col)
{
    const egdi__node *nd = &idx->nodes[k];
    size_t j = egdi__dataset_column(values, nd->code);
    if (j == (size_t)-1 && nd->is_indicator && nd->source)
        j = egdi__dataset_column(values, nd->source);
    if (j == (size_t)-1)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "node %s: the data have no column '%s'%s%s%s",
                          nd->code, nd->code, nd->is_indicator && nd->source ? " or '" : "",
                          nd->is_indicator && nd->source ? nd->source : "",
                          nd->is_indicator && nd->source ? "'" : "");
    if (values->cols[j].kind != EGDI_COLUMN_NUMERIC)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node %s: column '%s' holds labels, not numbers",
                          nd->code, values->cols[j].name);
    *col = j;
    return EGDI_OK;
}

egdi_status egdi_index_describe(const egdi_index *idx, const egdi_dataset *values, int level,
                                const egdi_describe_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(idx, "idx");
    EGDI_CHECK_ARG(values, "values");
    EGDI_CHECK_ARG(out, "out");
    *out = NULL;
    egdi_describe_options o;
    egdi_status st = read_describe_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    size_t nn = idx->n_nodes, nc = 0;
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    size_t *col = egdi__mallocarray(nn, sizeof *col);
    const char **code = egdi__mallocarray(nn, sizeof *code);
    const char **name = egdi__mallocarray(nn, sizeof *name);
    if (!lev || !col || !code || !name)
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_index_describe: out of memory");
    if (st == EGDI_OK)
        egdi__index_levels(idx, lev);
    for (size_t k = 0; st == EGDI_OK && k < nn; k++) {
        if (lev[k] != level)
            continue;
        st = egdi__node_column(idx, values, k, &col[nc]);
        code[nc] = idx->nodes[k].code, name[nc++] = idx->nodes[k].name;
    }
    if (st == EGDI_OK && !nc)
        st = egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_index_describe: the index has no node of "
                        "level %d", level);
    if (st == EGDI_OK)
        st = describe_columns(values, col, code, name, nc, &o, out);
    free(lev), free(col), free((void *)code), free((void *)name);
    return st;
}

/* 1 if node k lies below node a. */
static int is_below(const egdi_index *idx, size_t k, size_t a)
{
    for (long p = idx->nodes[k].parent; p >= 0; p = idx->nodes[p].parent)
        if ((size_t)p == a)
            return 1;
    return 0;
}

egdi_status egdi_index_cronbach(const egdi_index *idx, const egdi_dataset *values,
                                int item_level, egdi_dataset **out)
{
    EGDI_CHECK_ARG(idx, "idx");
    EGDI_CHECK_ARG(values, "values");
    EGDI_CHECK_ARG(out, "out");
    EGDI_CHECK_ARG(item_level >= 0, "item_level");
    *out = NULL;
    size_t nn = idx->n_nodes, n = values->n_units, rows = 0;
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    const double **item = egdi__mallocarray(nn, sizeof *item);
    const char **code = egdi__mallocarray(nn, sizeof *code);
    const char **name = egdi__mallocarray(nn, sizeof *name);
    double *res = egdi__mallocarray(2 * nn, sizeof *res);
    egdi_status st = lev && item && code && name && res
                         ? EGDI_OK
                         : egdi__fail(EGDI_ERR_NOMEM, "egdi_index_cronbach: out of memory");
    if (st == EGDI_OK)
        egdi__index_levels(idx, lev);
    for (size_t a = 0; st == EGDI_OK && a < nn; a++) {
        if (idx->nodes[a].is_indicator)
            continue;
        size_t k_items = 0, j;
        for (size_t k = 0; st == EGDI_OK && k < nn; k++) {
            int in = item_level == 0 ? idx->nodes[k].parent == (long)a
                                     : lev[k] == item_level && is_below(idx, k, a);
            if (!in)
                continue;
            if ((st = egdi__node_column(idx, values, k, &j)) == EGDI_OK)
                st = egdi__check_finite(values->cols[j].num, n, idx->nodes[k].code);
            if (st == EGDI_OK)
                item[k_items++] = values->cols[j].num;
        }
        if (st != EGDI_OK || k_items < 2)
            continue;
        res[rows] = (double)k_items;
        res[nn + rows] = cronbach(item, 1, k_items, n);
        code[rows] = idx->nodes[a].code, name[rows++] = idx->nodes[a].name;
    }
    egdi_dataset *t = NULL;
    if (st == EGDI_OK && !rows)
        st = egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_index_cronbach: no aggregate has 2 or more "
                        "items at level %d", item_level);
    if (st == EGDI_OK)
        st = egdi_dataset_new(&t);
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(t, code, name, rows);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "n_items", res, rows);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "alpha", res + nn, rows);
    free(lev), free((void *)item), free((void *)code), free((void *)name), free(res);
    if (st != EGDI_OK) {
        egdi_dataset_free(t);
        return st;
    }
    *out = t;
    return EGDI_OK;
}
