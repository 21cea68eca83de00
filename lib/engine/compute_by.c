/* An index on a panel (one row per unit and period): computed per period or
 * on all periods pooled, returned as one table in the rows' order with ranks
 * within each period (egdi_compute_by_period). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

static const egdi_compute_by_period_options by_defaults = EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT;
static const size_t by_sizes[] = {0, offsetof(egdi_compute_by_period_options, table) +
                                         sizeof(const egdi_result_table_options *)};
#define N_BY_VERSIONS (sizeof by_sizes / sizeof *by_sizes)

egdi_status egdi_compute_by_period_options_init_version(egdi_compute_by_period_options *opts,
                                                        unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &by_defaults, by_sizes, N_BY_VERSIONS, version,
                                "egdi_compute_by_period_options");
}

/* Everything one call works with. The rows of computation c are
 * rows[start[c] .. start[c + 1]), in input order. */
typedef struct panel {
    const egdi_dataset *data;
    const char *pcol;      /* the period column's name */
    size_t n, n_periods, n_calc;
    double *period;        /* per row */
    int *gid;              /* per row: its period's number, 0 = earliest */
    size_t *order;         /* rows by period, then input order */
    size_t *pstart;        /* n_periods + 1: the periods' runs in order */
    size_t *rows, *start;  /* the computations' rows (order, or 0..n-1 pooled) */
    egdi_dataset **tabs;   /* per computation: its table without ranks and labels */
    double *buf, *vals;    /* n each */
    const char **labels;   /* n */
    int *ranks;            /* n */
} panel;

static void panel_free(panel *p)
{
    for (size_t c = 0; p->tabs && c < p->n_calc; c++)
        egdi_dataset_free(p->tabs[c]);
    free(p->tabs);
    free(p->period);
    free(p->gid);
    free(p->order);
    free(p->pstart);
    if (p->rows != p->order)
        free(p->rows);
    free(p->start);
    free(p->buf);
    free(p->vals);
    free((void *)p->labels);
    free(p->ranks);
}

typedef struct row_key {
    double period;
    size_t row;
} row_key;

static int by_period(const void *pa, const void *pb)
{
    const row_key *a = pa, *b = pb;
    if (a->period != b->period)
        return a->period < b->period ? -1 : 1;
    return (a->row > b->row) - (a->row < b->row);
}

/* The period of every row, the rows grouped by period (ascending). */
static egdi_status group_rows(panel *p)
{
    size_t j;
    egdi_column_kind kind;
    if (egdi_dataset_find_column(p->data, p->pcol, &j) != EGDI_OK)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no period column '%s' in the data", p->pcol);
    egdi_status st = egdi_dataset_column_kind(p->data, j, &kind);
    if (st != EGDI_OK)
        return st;
    if (kind != EGDI_COLUMN_NUMERIC)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "period column '%s' is a label column: give a "
                          "numeric column (e.g. the year)", p->pcol);
    if ((st = egdi_dataset_get_numeric(p->data, j, p->period, p->n)) != EGDI_OK)
        return st;
    row_key *key = egdi__mallocarray(p->n, sizeof *key);
    if (!key)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < p->n; i++) {
        if (!isfinite(p->period[i])) {
            free(key);
            return egdi__fail(EGDI_ERR_INVALID_ARG, "unit '%s' has no period: its '%s' is %s",
                              egdi_dataset_unit_code(p->data, i), p->pcol,
                              isnan(p->period[i]) ? "missing" : "infinite");
        }
        key[i] = (row_key){p->period[i], i};
    }
    qsort(key, p->n, sizeof *key, by_period);
    p->n_periods = 0;
    for (size_t k = 0; k < p->n; k++) {
        if (k == 0 || key[k].period != key[k - 1].period)
            p->pstart[p->n_periods++] = k;
        p->order[k] = key[k].row;
        p->gid[key[k].row] = (int)p->n_periods - 1;
    }
    p->pstart[p->n_periods] = p->n;
    free(key);
    return EGDI_OK;
}

/* With a unit column: each unit at most once per period. */
static egdi_status check_units(const panel *p, const char *ucol)
{
    size_t j, n_levels;
    egdi_column_kind kind;
    if (egdi_dataset_find_column(p->data, ucol, &j) != EGDI_OK)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit column '%s' in the data", ucol);
    egdi_status st = egdi_dataset_column_kind(p->data, j, &kind);
    if (st == EGDI_OK && kind != EGDI_COLUMN_LABEL)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unit column '%s' is numeric: give the label "
                          "column naming each row's unit", ucol);
    st = st ? st : egdi_dataset_n_levels(p->data, j, &n_levels);
    int *level = st ? NULL : egdi__mallocarray(p->n, sizeof *level);
    /* per level: the last period (+ 1) it was seen in, and the row */
    size_t *seen = st ? NULL : calloc(2 * (n_levels ? n_levels : 1), sizeof *seen);
    if (st == EGDI_OK && (!level || !seen))
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = st ? st : egdi_dataset_get_level_codes(p->data, j, level, p->n);
    for (size_t k = 0; k < p->n && st == EGDI_OK; k++) {
        size_t i = p->order[k], g = (size_t)p->gid[i] + 1;
        if (level[i] < 0)
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "unit '%s' has no label in unit column '%s'",
                            egdi_dataset_unit_code(p->data, i), ucol);
        else if (seen[2 * level[i]] == g)
            st = egdi__fail(EGDI_ERR_DUPLICATE, "unit '%s' appears twice in %s %.15g (rows '%s' "
                            "and '%s')", egdi_dataset_level(p->data, j, (size_t)level[i]),
                            p->pcol, p->period[i],
                            egdi_dataset_unit_code(p->data, seen[2 * level[i] + 1]),
                            egdi_dataset_unit_code(p->data, i));
        else
            seen[2 * level[i]] = g, seen[2 * level[i] + 1] = i;
    }
    free(level);
    free(seen);
    return st;
}

/* Computation c: the index on its rows, as a table without ranks and labels. */
static egdi_status compute_one(panel *p, size_t c, const egdi_index *idx, int pooled,
                               const egdi_result_table_options *to)
{
    size_t m = p->start[c + 1] - p->start[c];
    const egdi_dataset *d = p->data;
    egdi_dataset *sub = NULL;
    egdi_result *res = NULL;
    egdi_status st = EGDI_OK;
    if (!pooled && (st = egdi_dataset_select_units(p->data, p->rows + p->start[c], m, &sub)) ==
                       EGDI_OK)
        d = sub;
    if (st == EGDI_OK && (st = egdi_compute(idx, d, &res)) != EGDI_OK && !pooled)
        egdi__error_prefix("%s %.15g: ", p->pcol, p->period[p->rows[p->start[c]]]);
    st = st ? st : egdi_result_to_dataset(res, d, to, &p->tabs[c]);
    egdi_result_free(res);
    egdi_dataset_free(sub);
    return st;
}

/* Column j of the computations' tables, put back in the rows' order, appended to out. */
static egdi_status gather(panel *p, size_t j, egdi_dataset *out)
{
    egdi_column_kind kind;
    egdi_status st = egdi_dataset_column_kind(p->tabs[0], j, &kind);
    for (size_t c = 0; c < p->n_calc && st == EGDI_OK; c++) {
        const size_t *rows = p->rows + p->start[c];
        size_t m = p->start[c + 1] - p->start[c];
        if (kind == EGDI_COLUMN_NUMERIC) {
            st = egdi_dataset_get_numeric(p->tabs[c], j, p->buf, m);
            for (size_t i = 0; i < m && st == EGDI_OK; i++)
                p->vals[rows[i]] = p->buf[i];
        } else {
            for (size_t i = 0; i < m; i++)
                p->labels[rows[i]] = egdi_dataset_get_label(p->tabs[c], i, j);
        }
    }
    if (st != EGDI_OK)
        return st;
    const char *name = egdi_dataset_column_name(p->tabs[0], j);
    return kind == EGDI_COLUMN_NUMERIC ? egdi_dataset_add_numeric(out, name, p->vals, p->n)
                                       : egdi_dataset_add_labels(out, name, p->labels, p->n);
}

/* "NODE_rank" for the m score columns of out from position first: ranks within periods. */
static egdi_status add_ranks(panel *p, egdi_dataset *out, size_t first, size_t m, int decimals)
{
    egdi_status st = EGDI_OK;
    for (size_t k = 0; k < m && st == EGDI_OK; k++) {
        const char *code = egdi_dataset_column_name(out, first + k);
        size_t len = strlen(code) + sizeof "_rank";
        char *name = malloc(len);
        if (!name)
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        snprintf(name, len, "%s_rank", code);
        st = egdi_dataset_get_numeric(out, first + k, p->vals, p->n);
        st = st ? st : egdi_rank_within(p->vals, p->gid, p->n, decimals, EGDI_TIES_MIN, p->ranks);
        for (size_t i = 0; i < p->n && st == EGDI_OK; i++)
            p->vals[i] = p->ranks[i] ? (double)p->ranks[i] : NAN;
        st = st ? st : egdi_dataset_add_numeric(out, name, p->vals, p->n);
        free(name);
    }
    return st;
}

/* The units of the data, then the period, the tables' columns and the data's labels. */
static egdi_status assemble(panel *p, size_t m, const egdi_result_table_options *to, int ranks,
                            int labels, egdi_dataset *out)
{
    const char **names = egdi__mallocarray(p->n, sizeof *names);
    if (!names)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < p->n; i++) {
        p->labels[i] = egdi_dataset_unit_code(p->data, i);
        names[i] = egdi_dataset_unit_name(p->data, i);
    }
    egdi_status st = egdi_dataset_add_units(out, p->labels, names, p->n);
    free((void *)names);
    st = st ? st : egdi_dataset_add_numeric(out, p->pcol, p->period, p->n);
    size_t nc = egdi_dataset_n_columns(p->tabs[0]);
    for (size_t j = 0; j < nc && st == EGDI_OK; j++) {
        st = gather(p, j, out);
        if (st == EGDI_OK && ranks && j + 1 == m)
            st = add_ranks(p, out, 1, m, to->rank_decimals);
    }
    if (st == EGDI_OK && labels)
        st = egdi__add_label_columns(p->data, out, p->labels);
    return st;
}

egdi_status egdi_compute_by_period(const egdi_index *idx, const egdi_dataset *data,
                                   const egdi_compute_by_period_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_compute_by_period_options o;
    egdi_result_table_options to;
    egdi_status st = egdi__versioned_read(&o, &by_defaults, opts, by_sizes, N_BY_VERSIONS,
                                          "egdi_compute_by_period_options");
    st = st ? st : egdi__result_table_options_read(&to, o.table);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(o.period_column, "opts->period_column");
    size_t n = egdi_dataset_n_units(data);
    if (n == 0)
        return egdi__fail(EGDI_ERR_DATA, "the panel has no rows");
    int ranks = to.ranks, labels = to.labels;
    to.ranks = 0; /* ranked within the periods here */
    to.labels = 0;
    panel p = {.data = data, .pcol = o.period_column, .n = n};
    p.period = egdi__mallocarray(n, sizeof *p.period);
    p.gid = egdi__mallocarray(n, sizeof *p.gid);
    p.order = egdi__mallocarray(n, sizeof *p.order);
    p.pstart = egdi__mallocarray(n + 1, sizeof *p.pstart);
    p.buf = egdi__mallocarray(n, sizeof *p.buf);
    p.vals = egdi__mallocarray(n, sizeof *p.vals);
    p.labels = egdi__mallocarray(n, sizeof *p.labels);
    p.ranks = egdi__mallocarray(n, sizeof *p.ranks);
    if (!p.period || !p.gid || !p.order || !p.pstart || !p.buf || !p.vals || !p.labels ||
        !p.ranks)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = st ? st : group_rows(&p);
    if (st == EGDI_OK && o.unit_column)
        st = check_units(&p, o.unit_column);
    if (st == EGDI_OK && o.pooled) { /* one computation on the rows as they are */
        p.n_calc = 1;
        p.rows = egdi__mallocarray(n, sizeof *p.rows);
        p.start = egdi__mallocarray(2, sizeof *p.start);
        if (!p.rows || !p.start)
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        for (size_t i = 0; st == EGDI_OK && i < n; i++)
            p.rows[i] = i;
        if (st == EGDI_OK)
            p.start[0] = 0, p.start[1] = n;
    } else if (st == EGDI_OK) { /* one per period, on its rows in input order */
        p.n_calc = p.n_periods;
        p.rows = p.order;
        p.start = p.pstart;
        p.pstart = NULL;
    }
    if (st == EGDI_OK && !(p.tabs = calloc(p.n_calc, sizeof *p.tabs)))
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t c = 0; c < p.n_calc && st == EGDI_OK; c++)
        st = compute_one(&p, c, idx, o.pooled, &to);
    egdi_dataset *ds = NULL;
    st = st ? st : egdi_dataset_new(&ds);
    size_t m = to.nodes ? to.n_nodes : egdi_index_n_nodes(idx);
    st = st ? st : assemble(&p, m, &to, ranks, labels, ds);
    panel_free(&p);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}
