/* Correlation tables (describe.h): the matrices of egdi_correlate() over
 * dataset columns and egdi_index_correlate() over the nodes of two levels of
 * an index (optionally within the groups of a higher level), and
 * egdi_index_parent_correlations() (each node with its parent). Every pair
 * goes through the kernels of correlate.c with one workspace per call. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "analysis/analysis.h"
#include "data/data.h"
#include "model/model.h"

/* ---- matrices ---- */

static const size_t corr_options_sizes[] = {
    0, offsetof(egdi_corr_options, group_level) + sizeof(int) /* 1: 1.4 */
};
#define N_CORR_VERSIONS (sizeof corr_options_sizes / sizeof *corr_options_sizes)

egdi_status egdi_corr_options_init_version(egdi_corr_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    static const egdi_corr_options d = EGDI_CORR_OPTIONS_INIT;
    return egdi__versioned_init(opts, &d, corr_options_sizes, N_CORR_VERSIONS, version,
                                "egdi_corr_options");
}

static egdi_status read_corr_options(const egdi_corr_options *opts, egdi_corr_options *o)
{
    static const egdi_corr_options d = EGDI_CORR_OPTIONS_INIT;
    egdi_status st = egdi__versioned_read(o, &d, opts, corr_options_sizes, N_CORR_VERSIONS,
                                          "egdi_corr_options");
    if (st != EGDI_OK)
        return st;
    if ((unsigned)o->method > EGDI_CORR_KENDALL)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "correlations: unknown method %d",
                          (int)o->method);
    if (!(o->max_p >= 0 && o->max_p <= 1))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "correlations: max_p %g is not in 0..1",
                          o->max_p);
    if (o->group_level < 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "correlations: group_level %d is negative",
                          o->group_level);
    return EGDI_OK;
}

/* One side of a matrix: columns of data with their codes, names and groups. */
typedef struct side {
    const size_t *col;
    const char *const *code, *const *name;
    const long *group; /* NULL = no grouping; -1 = in no group */
    size_t n;
} side;

static egdi_status check_columns(const egdi_dataset *data, const side *s)
{
    for (size_t a = 0; a < s->n; a++) {
        const double *v = data->cols[s->col[a]].num;
        for (size_t i = 0; i < data->n_units; i++)
            if (isinf(v[i]))
                return egdi__fail(EGDI_ERR_DOMAIN, "correlations: %s of unit %s is infinite",
                                  s->code[a], data->codes[i]);
    }
    return EGDI_OK;
}

static egdi_status new_table(const side *rows, egdi_dataset **out)
{
    egdi_status st = egdi_dataset_new(out);
    if (st == EGDI_OK && (st = egdi_dataset_add_units(*out, (const char *const *)rows->code,
                                                      rows->name, rows->n)) != EGDI_OK) {
        egdi_dataset_free(*out);
        *out = NULL;
    }
    return st;
}

static egdi_status corr_matrix(const egdi_dataset *data, const side *rows, const side *cols,
                               const egdi_corr_options *o, egdi_dataset **corr,
                               egdi_dataset **p_values)
{
    size_t n = data->n_units, nr = rows->n, nc = cols->n;
    egdi_status st = check_columns(data, rows);
    if (st == EGDI_OK)
        st = check_columns(data, cols);
    if (st != EGDI_OK)
        return st;
    egdi__corr_ws ws;
    if ((st = egdi__corr_ws_init(&ws, n)) != EGDI_OK)
        return st;
    double *r = egdi__mallocarray(nr, sizeof *r), *p = egdi__mallocarray(nr, sizeof *p);
    egdi_dataset *rt = NULL, *pt = NULL;
    if (!r || !p)
        st = egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    if (st == EGDI_OK)
        st = new_table(rows, &rt);
    if (st == EGDI_OK && p_values)
        st = new_table(rows, &pt);
    for (size_t b = 0; st == EGDI_OK && b < nc; b++) {
        const double *y = data->cols[cols->col[b]].num;
        for (size_t a = 0; a < nr; a++) {
            size_t m;
            if (rows->group && cols->group &&
                (rows->group[a] < 0 || rows->group[a] != cols->group[b])) {
                r[a] = p[a] = NAN; /* outside the groups asked for */
                continue;
            }
            egdi__correlation(&ws, data->cols[rows->col[a]].num, y, n, o->method, &r[a], &p[a],
                              &m);
            if (rows->col[a] == cols->col[b] && !isnan(r[a]))
                p[a] = 0; /* a column with itself, as COINr's get_pvals */
            if (o->max_p > 0 && p[a] > o->max_p)
                r[a] = NAN;
        }
        st = egdi_dataset_add_numeric(rt, cols->code[b], r, nr);
        if (st == EGDI_OK && pt)
            st = egdi_dataset_add_numeric(pt, cols->code[b], p, nr);
    }
    free(r), free(p);
    egdi__corr_ws_free(&ws);
    if (st != EGDI_OK) {
        egdi_dataset_free(rt), egdi_dataset_free(pt);
        return st;
    }
    *corr = rt;
    if (p_values)
        *p_values = pt;
    return EGDI_OK;
}

/* Columns of data by name (NULL/0 = every numeric column) as a side. */
static egdi_status data_side(const egdi_dataset *data, const char *const *names, size_t n,
                             size_t *col, const char **code, side *s)
{
    size_t m = 0;
    if (!names) {
        for (size_t j = 0; j < data->n_cols; j++)
            if (data->cols[j].kind == EGDI_COLUMN_NUMERIC)
                col[m] = j, code[m++] = data->cols[j].name;
    } else {
        for (size_t a = 0; a < n; a++) {
            EGDI_CHECK_ARG(names[a], "rows/cols");
            size_t j = egdi__dataset_column(data, names[a]);
            if (j == (size_t)-1)
                return egdi__fail(EGDI_ERR_NOT_FOUND, "correlations: no column '%s'", names[a]);
            if (data->cols[j].kind != EGDI_COLUMN_NUMERIC)
                return egdi__fail(EGDI_ERR_INVALID_ARG,
                                  "correlations: column '%s' holds labels, not numbers",
                                  names[a]);
            col[m] = j, code[m++] = data->cols[j].name;
        }
    }
    s->col = col, s->code = code, s->name = code, s->group = NULL, s->n = m;
    return EGDI_OK;
}

egdi_status egdi_correlate(const egdi_dataset *data, const char *const *rows, size_t n_rows,
                           const char *const *cols, size_t n_cols, const egdi_corr_options *opts,
                           egdi_dataset **corr, egdi_dataset **p_values)
{
    EGDI_CHECK_ARG(data, "data");
    EGDI_CHECK_ARG(corr, "corr");
    EGDI_CHECK_ARG(rows || n_rows == 0, "rows");
    EGDI_CHECK_ARG(cols || n_cols == 0, "cols");
    *corr = NULL;
    if (p_values)
        *p_values = NULL;
    egdi_corr_options o;
    egdi_status st = read_corr_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    if (!n_rows)
        rows = NULL;
    if (!n_cols)
        cols = NULL, n_cols = n_rows;
    size_t nr = rows ? n_rows : data->n_cols, nc = cols ? n_cols : nr;
    size_t *col = egdi__mallocarray(nr + data->n_cols + nc, sizeof *col);
    const char **code = egdi__mallocarray(nr + data->n_cols + nc, sizeof *code);
    side rs, cs;
    if (!col || !code)
        st = egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    if (st == EGDI_OK)
        st = data_side(data, rows, n_rows, col, code, &rs);
    if (st == EGDI_OK && cols)
        st = data_side(data, cols, n_cols, col + nr, code + nr, &cs);
    else if (st == EGDI_OK)
        cs = rs;
    if (st == EGDI_OK)
        st = corr_matrix(data, &rs, &cs, &o, corr, p_values);
    free(col), free((void *)code);
    return st;
}

/* ---- along an index ---- */

/* The nodes of `level` (positions, codes, names, columns) as a side. */
static egdi_status level_side(const egdi_index *idx, const egdi_dataset *values, const int *lev,
                              int level, size_t *pos, size_t *col, const char **code,
                              const char **name, side *s)
{
    size_t m = 0;
    for (size_t k = 0; k < idx->n_nodes; k++) {
        if (lev[k] != level)
            continue;
        egdi_status st = egdi__node_column(idx, values, k, &col[m]);
        if (st != EGDI_OK)
            return st;
        pos[m] = k, code[m] = idx->nodes[k].code, name[m] = idx->nodes[k].name, m++;
    }
    if (!m)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "correlations: the index has no node of level %d",
                          level);
    s->col = col, s->code = code, s->name = name, s->group = NULL, s->n = m;
    return EGDI_OK;
}

/* The ancestor of node k at level `level` (k itself if it has it), or -1. */
static long ancestor_at(const egdi_index *idx, const int *lev, size_t k, int level)
{
    long a = (long)k;
    while (a >= 0 && lev[a] < level)
        a = idx->nodes[a].parent;
    return a >= 0 && lev[a] == level ? a : -1;
}

egdi_status egdi_index_correlate(const egdi_index *idx, const egdi_dataset *values, int row_level,
                                 int col_level, const egdi_corr_options *opts, egdi_dataset **corr,
                                 egdi_dataset **p_values)
{
    EGDI_CHECK_ARG(idx, "idx");
    EGDI_CHECK_ARG(values, "values");
    EGDI_CHECK_ARG(corr, "corr");
    *corr = NULL;
    if (p_values)
        *p_values = NULL;
    egdi_corr_options o;
    egdi_status st = read_corr_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    size_t nn = idx->n_nodes;
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    size_t *pos = egdi__mallocarray(2 * nn, sizeof *pos), *col = egdi__mallocarray(2 * nn, sizeof *col);
    const char **code = egdi__mallocarray(2 * nn, sizeof *code);
    const char **name = egdi__mallocarray(2 * nn, sizeof *name);
    long *group = egdi__mallocarray(2 * nn, sizeof *group);
    side rs, cs;
    if (!lev || !pos || !col || !code || !name || !group)
        st = egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    if (st == EGDI_OK) {
        egdi__index_levels(idx, lev);
        st = level_side(idx, values, lev, row_level, pos, col, code, name, &rs);
    }
    if (st == EGDI_OK)
        st = level_side(idx, values, lev, col_level, pos + nn, col + nn, code + nn, name + nn,
                        &cs);
    if (st == EGDI_OK && o.group_level > 0) {
        if (row_level != col_level || o.group_level <= row_level)
            st = egdi__fail(EGDI_ERR_INVALID_ARG,
                            "correlations: group level %d needs one level below it (rows at "
                            "level %d, columns at level %d)",
                            o.group_level, row_level, col_level);
        for (size_t a = 0; st == EGDI_OK && a < rs.n; a++)
            group[a] = group[nn + a] = ancestor_at(idx, lev, pos[a], o.group_level);
        rs.group = group, cs.group = group + nn;
    }
    if (st == EGDI_OK)
        st = corr_matrix(values, &rs, &cs, &o, corr, p_values);
    free(lev), free(pos), free(col), free((void *)code), free((void *)name), free(group);
    return st;
}

egdi_status egdi_index_parent_correlations(const egdi_index *idx, const egdi_dataset *values,
                                           const egdi_corr_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(idx, "idx");
    EGDI_CHECK_ARG(values, "values");
    EGDI_CHECK_ARG(out, "out");
    *out = NULL;
    egdi_corr_options o;
    egdi_status st = read_corr_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    size_t nn = idx->n_nodes, n = values->n_units, m = 0;
    size_t *col = egdi__mallocarray(nn, sizeof *col);
    const char **code = egdi__mallocarray(nn, sizeof *code), **name = egdi__mallocarray(nn, sizeof *name);
    const char **parent = egdi__mallocarray(nn, sizeof *parent);
    double *r = egdi__mallocarray(3 * nn, sizeof *r), *p = r + nn, *cnt = r + 2 * nn;
    egdi__corr_ws ws = {0};
    if (!col || !code || !name || !parent || !r)
        st = egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    if (st == EGDI_OK)
        st = egdi__corr_ws_init(&ws, n);
    for (size_t k = 0; st == EGDI_OK && k < nn; k++) /* every node's column, checked */
        if ((st = egdi__node_column(idx, values, k, &col[k])) == EGDI_OK)
            st = egdi__check_finite(values->cols[col[k]].num, n, idx->nodes[k].code);
    for (size_t k = 0; st == EGDI_OK && k < nn; k++) {
        long pk = idx->nodes[k].parent;
        if (pk < 0)
            continue;
        size_t pairs;
        egdi__correlation(&ws, values->cols[col[k]].num, values->cols[col[pk]].num, n, o.method,
                          &r[m], &p[m], &pairs);
        if (o.max_p > 0 && p[m] > o.max_p)
            r[m] = NAN;
        cnt[m] = (double)pairs;
        code[m] = idx->nodes[k].code, name[m] = idx->nodes[k].name;
        parent[m++] = idx->nodes[pk].code;
    }
    egdi__corr_ws_free(&ws);
    egdi_dataset *t = NULL;
    if (st == EGDI_OK && !m)
        st = egdi__fail(EGDI_ERR_NOT_FOUND, "correlations: no node of the index has a parent");
    if (st == EGDI_OK)
        st = egdi_dataset_new(&t);
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(t, code, name, m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(t, "parent", parent, m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "correlation", r, m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "p_value", p, m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(t, "n", cnt, m);
    free(col), free((void *)code), free((void *)name), free((void *)parent), free(r);
    if (st != EGDI_OK) {
        egdi_dataset_free(t);
        return st;
    }
    *out = t;
    return EGDI_OK;
}
