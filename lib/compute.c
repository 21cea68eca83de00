/* Bottom-up evaluation of an index over all units. All buffers live in the
 * result, so egdi_compute_into() allocates nothing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"

struct egdi_result {
    size_t n_nodes, n_units;
    char **codes;        /* node codes, to look nodes up after the index is gone */
    double *scores;      /* n_nodes x n_units, output after normalisation */
    double *raw;         /* n_nodes x n_units, value before normalisation */
    double *work;        /* n_units scratch */
    size_t *order;       /* evaluation order */
    size_t *src;         /* per node: dataset column of an indicator's source */
    const double **kids; /* n_nodes child pointers */
    double *weights;     /* n_nodes child weights */
};

void egdi_result_free(egdi_result *res)
{
    if (!res)
        return;
    if (res->codes)
        for (size_t i = 0; i < res->n_nodes; i++)
            free(res->codes[i]);
    free(res->codes);
    free(res->scores);
    free(res->raw);
    free(res->work);
    free(res->order);
    free(res->src);
    free(res->kids);
    free(res->weights);
    free(res);
}

static egdi_status result_new(const egdi_index *idx, size_t n_units, egdi_result **out)
{
    egdi_result *r = calloc(1, sizeof *r);
    if (!r)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    r->n_nodes = idx->n_nodes;
    r->n_units = n_units;
    size_t cells = idx->n_nodes * (n_units ? n_units : 1);
    r->codes = calloc(idx->n_nodes, sizeof *r->codes);
    r->scores = egdi__reallocarray(NULL, cells, sizeof *r->scores);
    r->raw = egdi__reallocarray(NULL, cells, sizeof *r->raw);
    r->work = egdi__reallocarray(NULL, n_units ? n_units : 1, sizeof *r->work);
    r->order = egdi__reallocarray(NULL, idx->n_nodes, sizeof *r->order);
    r->src = egdi__reallocarray(NULL, idx->n_nodes, sizeof *r->src);
    r->kids = egdi__reallocarray(NULL, idx->n_nodes, sizeof *r->kids);
    r->weights = egdi__reallocarray(NULL, idx->n_nodes, sizeof *r->weights);
    int ok = r->codes && r->scores && r->raw && r->work && r->order && r->src && r->kids && r->weights;
    for (size_t i = 0; ok && i < idx->n_nodes; i++)
        ok = (r->codes[i] = egdi__strdup(idx->nodes[i].code)) != NULL;
    if (!ok) {
        egdi_result_free(r);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu nodes x %zu units",
                          idx->n_nodes, n_units);
    }
    *out = r;
    return EGDI_OK;
}

static egdi_status eval_node(const egdi_index *idx, size_t k, const egdi_dataset *data,
                             egdi_result *res)
{
    const egdi__node *node = &idx->nodes[k];
    size_t n = res->n_units;
    double *v = res->raw + k * n;
    egdi_status st = EGDI_OK;
    if (node->is_indicator) {
        memcpy(v, data->cols[res->src[k]].num, n * sizeof *v);
    } else {
        size_t m = 0;
        for (size_t c = k + 1; c < idx->n_nodes; c++) /* children follow their parent */
            if (idx->nodes[c].parent == (long)k) {
                res->kids[m] = res->scores + c * n;
                res->weights[m++] = idx->nodes[c].weight;
            }
        st = egdi__aggregate(node->agg, res->kids, res->weights, m, n, v);
        if (st != EGDI_OK) {
            egdi__error_prefix("aggregate '%s': ", node->code);
            return st;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (isnan(x))
            continue;
        if (!isnan(node->cap_lo) && x < node->cap_lo)
            x = node->cap_lo;
        if (!isnan(node->cap_hi) && x > node->cap_hi)
            x = node->cap_hi;
        v[i] = node->direction * x;
    }
    double *out = res->scores + k * n;
    memcpy(out, v, n * sizeof *out);
    return egdi__normalize(node, out, n, res->work);
}

egdi_status egdi_compute_into(const egdi_index *idx, const egdi_dataset *data, egdi_result *res)
{
    EGDI_CHECK_ARG(idx && data && res, "idx/data/res");
    egdi_status st = egdi_index_validate(idx);
    if (st != EGDI_OK)
        return st;
    if (res->n_nodes != idx->n_nodes || res->n_units != data->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "result is for %zu nodes x %zu units, not %zu x %zu",
                          res->n_nodes, res->n_units, idx->n_nodes, data->n_units);
    for (size_t i = 0; i < idx->n_nodes; i++)
        if (strcmp(res->codes[i], idx->nodes[i].code) != 0)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "result node %zu is '%s', index has '%s'",
                              i, res->codes[i], idx->nodes[i].code);
    /* resolve every source column once, before any work, so that a failure names
     * the first missing column in tree order */
    size_t missing = 0, first = 0;
    for (size_t i = 0; i < idx->n_nodes; i++) {
        const egdi__node *node = &idx->nodes[i];
        if (!node->is_indicator)
            continue;
        if (egdi_dataset_find_column(data, node->source, &res->src[i]) != EGDI_OK ||
            data->cols[res->src[i]].kind != EGDI_COLUMN_NUMERIC) {
            if (missing++ == 0)
                first = i;
        }
    }
    egdi_clear_error();
    if (missing)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "indicator '%s': the data has no numeric column "
                          "'%s' (%zu of the index's source columns are missing)",
                          idx->nodes[first].code, idx->nodes[first].source, missing);
    egdi__index_order(idx, res->order);
    for (size_t o = 0; o < idx->n_nodes && st == EGDI_OK; o++)
        st = eval_node(idx, res->order[o], data, res);
    return st;
}

egdi_status egdi_compute(const egdi_index *idx, const egdi_dataset *data, egdi_result **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_result *res = NULL;
    egdi_status st = result_new(idx, data->n_units, &res);
    if (st != EGDI_OK)
        return st;
    st = egdi_compute_into(idx, data, res);
    if (st != EGDI_OK) {
        egdi_result_free(res);
        return st;
    }
    *out = res;
    return EGDI_OK;
}

size_t egdi_result_n_units(const egdi_result *res) { return res ? res->n_units : 0; }
size_t egdi_result_n_nodes(const egdi_result *res) { return res ? res->n_nodes : 0; }

static egdi_status get_row(const egdi_result *res, const double *base, const char *node,
                           double *out, size_t n)
{
    EGDI_CHECK_ARG(res && node && (out || n == 0), "res/node/out");
    if (n != res->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu units", n, res->n_units);
    for (size_t k = 0; k < res->n_nodes; k++)
        if (strcmp(res->codes[k], node) == 0) {
            if (n)
                memcpy(out, base + k * n, n * sizeof *out);
            return EGDI_OK;
        }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the result", node);
}

egdi_status egdi_result_get_scores(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_row(res, res ? res->scores : NULL, node, out, n);
}

egdi_status egdi_result_get_raw(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_row(res, res ? res->raw : NULL, node, out, n);
}

egdi_status egdi_result_get_matrix(const egdi_result *res, double *out, size_t n)
{
    EGDI_CHECK_ARG(res && (out || n == 0), "res/out");
    if (n != res->n_nodes * res->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu nodes x %zu units", n,
                          res->n_nodes, res->n_units);
    if (n)
        memcpy(out, res->scores, n * sizeof *out);
    return EGDI_OK;
}
