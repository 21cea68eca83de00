/* Index definitions, 1.4 additions: each indicator's denominator (the data
 * column its source is divided by) and outlier treatment (a method of
 * methods/treat.h with its parameters, checked against the registry), and
 * the treatment registry's names for the API. */
#include <stdlib.h>
#include <string.h>

#include "methods/treat.h"
#include "model/model.h"

egdi_status egdi_index_set_denominator(egdi_index *idx, const char *code, const char *column)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (!n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an aggregate; only an indicator "
                          "is divided by a denominator", code);
    if (!column || !*column) {
        free(n->denominator);
        n->denominator = NULL;
        return EGDI_OK;
    }
    return egdi__index_set_string(&n->denominator, column);
}

const char *egdi_index_node_denominator(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].denominator : NULL;
}

/* Method `name` with parameters `params` for node `who` (messages), checked. */
static egdi_status treat_cfg(const char *name, const char *params, const char *who,
                             egdi__method_cfg *cfg)
{
    const egdi__method *m = egdi__treat_by_name(name);
    if (!m)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown treatment '%s' (%s)", who,
                          name, egdi__treat_names());
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    memset(cfg, 0, sizeof *cfg);
    cfg->id = m->id;
    st = egdi__method_params_text(m, params, who, cfg->p);
    egdi__locale_pop(&loc);
    return st;
}

egdi_status egdi_index_set_treatment(egdi_index *idx, const char *code, const char *method,
                                     const char *params)
{
    EGDI_CHECK_ARG(idx && method, "idx/method");
    egdi__method_cfg cfg;
    if (!code) { /* every indicator */
        egdi_status st = treat_cfg(method, params, "(every indicator)", &cfg);
        for (size_t k = 0; k < idx->n_nodes && st == EGDI_OK; k++)
            if (idx->nodes[k].is_indicator)
                idx->nodes[k].treat = cfg;
        return st;
    }
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (!n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an aggregate; outlier treatment "
                          "applies to indicators", code);
    if ((st = treat_cfg(method, params, code, &cfg)) == EGDI_OK)
        n->treat = cfg;
    return st;
}

int egdi_index_node_treatment(const egdi_index *idx, size_t i)
{
    if (!idx || i >= idx->n_nodes || !idx->nodes[i].is_indicator)
        return -1;
    return idx->nodes[i].treat.id;
}

egdi_status egdi_index_node_treatment_params(const egdi_index *idx, size_t i, double *out,
                                             size_t n)
{
    EGDI_CHECK_ARG(idx && (out || n == 0), "idx/out");
    if (i >= idx->n_nodes || !idx->nodes[i].is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node %zu is not an indicator", i);
    const egdi__method *m = egdi__treat_method(idx->nodes[i].treat.id);
    if (n != m->n_params)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s': treatment %s has %zu parameters, "
                          "not %zu", idx->nodes[i].code, m->name, m->n_params, n);
    memcpy(out, idx->nodes[i].treat.p, n * sizeof *out);
    return EGDI_OK;
}

const char *egdi_treat_name(int method)
{
    const egdi__method *m = egdi__treat_method(method);
    return m ? m->name : NULL;
}

size_t egdi_treat_n_params(int method)
{
    const egdi__method *m = egdi__treat_method(method);
    return m ? m->n_params : 0;
}

const char *egdi_treat_param_name(int method, size_t k)
{
    const egdi__method *m = egdi__treat_method(method);
    return m && k < m->n_params ? m->params[k].name : NULL;
}
