/* The 1.0 interface, egdi_compute() and egdi_result, as a thin layer over a
 * plan and one evaluation context that the result owns. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct egdi_result {
    egdi_plan *plan;
    egdi_eval *eval;
    int failed; /* the last egdi_compute_into() failed: no valid scores */
};

void egdi_result_free(egdi_result *res)
{
    if (!res)
        return;
    egdi_eval_free(res->eval);
    egdi_plan_free(res->plan);
    free(res);
}

/* A new plan and context for idx on data, computed. */
static egdi_status build(const egdi_index *idx, const egdi_dataset *data, egdi_plan **plan,
                         egdi_eval **eval)
{
    egdi_status st = egdi_plan_new(idx, data, plan);
    if (st == EGDI_OK && (st = egdi_eval_new(*plan, eval)) != EGDI_OK)
        egdi_plan_free(*plan);
    if (st == EGDI_OK && (st = egdi_eval_run(*eval)) != EGDI_OK) {
        egdi_eval_free(*eval);
        egdi_plan_free(*plan);
    }
    return st;
}

egdi_status egdi_compute(const egdi_index *idx, const egdi_dataset *data, egdi_result **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_result *res = calloc(1, sizeof *res);
    if (!res)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = build(idx, data, &res->plan, &res->eval);
    if (st != EGDI_OK) {
        free(res);
        return st;
    }
    *out = res;
    return EGDI_OK;
}

egdi_status egdi_compute_into(const egdi_index *idx, const egdi_dataset *data, egdi_result *res)
{
    EGDI_CHECK_ARG(idx && data && res, "idx/data/res");
    res->failed = 1; /* until this call succeeds: no getter may return the old scores */
    egdi_status st = egdi_index_validate(idx);
    if (st != EGDI_OK)
        return st;
    size_t nn = egdi_index_n_nodes(idx), nu = egdi_dataset_n_units(data);
    const egdi_plan *p = res->plan;
    if (p->n_nodes != nn || p->n_units != nu)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "result is for %zu nodes x %zu units, not %zu x %zu", p->n_nodes,
                          p->n_units, nn, nu);
    for (size_t i = 0; i < nn; i++)
        if (strcmp(p->codes[i], egdi_index_node_code(idx, i)) != 0)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "result node %zu is '%s', index has '%s'", i,
                              p->codes[i], egdi_index_node_code(idx, i));
    /* same shape: reuse every buffer; otherwise (other stages in use, other
     * units) build anew and swap only on success */
    st = egdi__plan_rebind(res->plan, idx, data);
    if (st == EGDI_OK) {
        egdi_eval_reset(res->eval);
        st = egdi_eval_run(res->eval);
        res->failed = st != EGDI_OK; /* part of the nodes hold the new definition's values */
        return st;
    }
    if (st != EGDI_ERR_UNSUPPORTED)
        return st;
    egdi_plan *plan;
    egdi_eval *eval;
    if ((st = build(idx, data, &plan, &eval)) != EGDI_OK)
        return st;
    res->failed = 0;
    egdi_eval_free(res->eval);
    egdi_plan_free(res->plan);
    res->plan = plan;
    res->eval = eval;
    return EGDI_OK;
}

size_t egdi_result_n_units(const egdi_result *res) { return res ? res->plan->n_units : 0; }
size_t egdi_result_n_nodes(const egdi_result *res) { return res ? res->plan->n_nodes : 0; }

/* A result whose last egdi_compute_into() failed holds no scores. */
static egdi_status usable(const egdi_result *res)
{
    if (res->failed)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "the result holds no scores: the last "
                          "egdi_compute_into() on it failed");
    return EGDI_OK;
}

static egdi_status get_stage(const egdi_result *res, const char *node, egdi_stage stage,
                             double *out, size_t n)
{
    EGDI_CHECK_ARG(res && node && (out || n == 0), "res/node/out");
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    if (n != res->plan->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu units", n,
                          res->plan->n_units);
    size_t k;
    if (!egdi__strmap_get(&res->plan->node_map, node, &k))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the result", node);
    return egdi_eval_get_stage(res->eval, k, stage, out, n);
}

egdi_status egdi_result_get_scores(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_stage(res, node, EGDI_STAGE_SCORE, out, n);
}

egdi_status egdi_result_get_raw(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_stage(res, node, EGDI_STAGE_TREATED, out, n);
}

egdi_status egdi_result_get_imputed(const egdi_result *res, const char *node, int *out, size_t n)
{
    EGDI_CHECK_ARG(res && node && (out || n == 0), "res/node/out");
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    size_t k;
    if (!egdi__strmap_get(&res->plan->node_map, node, &k))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the result", node);
    if (!res->plan->nodes[k].is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s' is an aggregate; only indicators are "
                          "imputed", node);
    return egdi_eval_get_imputed(res->eval, k, out, n);
}

egdi_status egdi_result_get_matrix(const egdi_result *res, double *out, size_t n)
{
    EGDI_CHECK_ARG(res && (out || n == 0), "res/out");
    size_t nn = res->plan->n_nodes, nu = res->plan->n_units;
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    if (n != nn * nu)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu nodes x %zu units", n, nn,
                          nu);
    for (size_t k = 0; k < nn && st == EGDI_OK; k++)
        st = egdi_eval_get_scores(res->eval, k, out + k * nu, nu);
    return st;
}

const egdi_plan *egdi__result_plan(const egdi_result *res) { return res->plan; }
const egdi_eval *egdi__result_eval(const egdi_result *res) { return res->eval; }
