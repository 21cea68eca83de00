/* Index definitions: nodes, per-node methods (checked against the method
 * registry), the validator and the tree queries. Node codes are indexed by
 * a string map; parents are always stored before their children.
 * Denominators and outlier treatment (1.4) are in index_treat.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

egdi_status egdi_index_new(egdi_index **out)
{
    EGDI_CHECK_ARG(out, "out");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_index_new: out of memory");
    return EGDI_OK;
}

static void node_clear(egdi__node *n)
{
    free(n->code);
    free(n->name);
    free(n->source);
    free(n->impute_group);
    free(n->denominator);
    free(n->norm_unit);
}

void egdi_index_free(egdi_index *idx)
{
    if (!idx)
        return;
    for (size_t i = 0; i < idx->n_nodes; i++)
        node_clear(&idx->nodes[i]);
    free(idx->nodes);
    egdi__strmap_free(&idx->map);
    free(idx);
}

long egdi__index_find(const egdi_index *idx, const char *code)
{
    size_t i;
    return egdi__strmap_get(&idx->map, code, &i) ? (long)i : -1;
}

egdi_status egdi_index_find_node(const egdi_index *idx, const char *code, size_t *out)
{
    EGDI_CHECK_ARG(idx && code && out, "idx/code/out");
    long i = egdi__index_find(idx, code);
    if (i < 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the index", code);
    *out = (size_t)i;
    return EGDI_OK;
}

static egdi_status check_weight(const char *code, double w)
{
    if (!isfinite(w) || w < 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': weight %g must be finite and >= 0",
                          code, w);
    return EGDI_OK;
}

/* The defaults of a step: method 0 ("none" / "mean") with its default parameters. */
static void default_method(egdi__method_cfg *cfg, egdi_step step)
{
    const egdi__method *m = egdi__method_get(step, 0);
    cfg->id = 0;
    for (size_t k = 0; k < EGDI__MAX_PARAMS; k++)
        cfg->p[k] = k < m->n_params ? m->params[k].dflt : 0;
}

static egdi_status add_node(egdi_index *idx, const char *code, const char *parent, double weight,
                            int is_indicator)
{
    EGDI_CHECK_ARG(idx && code, "idx/code");
    if (!*code)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node %zu: empty code", idx->n_nodes + 1);
    if (egdi__index_find(idx, code) >= 0)
        return egdi__fail(EGDI_ERR_DUPLICATE, "duplicate node code '%s'", code);
    long p = -1;
    if (parent && *parent) {
        p = egdi__index_find(idx, parent);
        if (p < 0)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown parent '%s'", code,
                              parent);
        if (idx->nodes[p].is_indicator)
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "node '%s': parent '%s' is an indicator, not an aggregate", code,
                              parent);
    }
    egdi_status st = check_weight(code, weight);
    if (st != EGDI_OK)
        return st;
    if (idx->n_nodes == idx->cap_nodes) {
        size_t nc = idx->cap_nodes ? idx->cap_nodes * 2 : 16;
        egdi__node *nn = egdi__reallocarray(idx->nodes, nc, sizeof *nn);
        if (!nn)
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        idx->nodes = nn;
        idx->cap_nodes = nc;
    }
    if (!egdi__strmap_reserve(&idx->map, idx->n_nodes + 1))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi__node *n = &idx->nodes[idx->n_nodes];
    memset(n, 0, sizeof *n);
    n->code = egdi__strdup(code);
    n->name = egdi__strdup(code);
    n->source = is_indicator ? egdi__strdup(code) : NULL;
    if (!n->code || !n->name || (is_indicator && !n->source)) {
        node_clear(n);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    n->parent = p;
    n->is_indicator = is_indicator;
    n->weight = weight;
    n->direction = 1;
    n->cap_lo = n->cap_hi = NAN;
    for (int s = 0; s < EGDI__N_STEPS; s++)
        default_method(&n->m[s], (egdi_step)s);
    n->min_share = 0;
    n->treat.id = 0; /* no outlier treatment (methods/treat.h) */
    egdi__strmap_put(&idx->map, n->code, idx->n_nodes, NULL); /* reserved above */
    idx->n_nodes++;
    return EGDI_OK;
}

egdi_status egdi_index_add_indicator(egdi_index *idx, const char *code, const char *parent,
                                     double weight)
{
    return add_node(idx, code, parent, weight, 1);
}

egdi_status egdi_index_add_aggregate(egdi_index *idx, const char *code, const char *parent,
                                     double weight)
{
    return add_node(idx, code, parent, weight, 0);
}

egdi_status egdi__index_lookup(egdi_index *idx, const char *code, egdi__node **out)
{
    EGDI_CHECK_ARG(idx && code, "idx/code");
    long i = egdi__index_find(idx, code);
    if (i < 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the index", code);
    *out = &idx->nodes[i];
    return EGDI_OK;
}

egdi_status egdi__index_set_string(char **dst, const char *s)
{
    char *c = egdi__strdup(s);
    if (!c)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    free(*dst);
    *dst = c;
    return EGDI_OK;
}

egdi_status egdi_index_set_name(egdi_index *idx, const char *code, const char *name)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    return egdi__index_set_string(&n->name, name && *name ? name : code);
}

egdi_status egdi_index_set_weight(egdi_index *idx, const char *code, double weight)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st == EGDI_OK)
        st = check_weight(code, weight);
    if (st == EGDI_OK)
        n->weight = weight;
    return st;
}

egdi_status egdi_index_set_direction(egdi_index *idx, const char *code, int direction)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (direction != 1 && direction != -1)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': direction must be 1 or -1, not %d",
                          code, direction);
    n->direction = direction;
    return EGDI_OK;
}

egdi_status egdi_index_set_source(egdi_index *idx, const char *code, const char *column)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (!n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an aggregate; only indicators "
                          "read a source column", code);
    EGDI_CHECK_ARG(column && *column, "column");
    return egdi__index_set_string(&n->source, column);
}

egdi_status egdi_index_set_caps(egdi_index *idx, const char *code, double lower, double upper)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (isinf(lower) || isinf(upper) || (!isnan(lower) && !isnan(upper) && lower > upper))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': caps [%g, %g] are not a range",
                          code, lower, upper);
    n->cap_lo = lower;
    n->cap_hi = upper;
    return EGDI_OK;
}

egdi_status egdi_index_node_caps(const egdi_index *idx, size_t i, double *lower, double *upper)
{
    EGDI_CHECK_ARG(idx && lower && upper, "idx/lower/upper");
    if (i >= idx->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (the index has %zu)", i,
                          idx->n_nodes);
    *lower = idx->nodes[i].cap_lo;
    *upper = idx->nodes[i].cap_hi;
    return EGDI_OK;
}

static int step_applies(const egdi__node *n, egdi_step step)
{
    return step == EGDI_STEP_NORMALISE || (step == EGDI_STEP_AGGREGATE) == !n->is_indicator;
}

/* Check that `step` applies to the node and store method m with parameters p. */
static egdi_status store_method(egdi__node *n, egdi_step step, const egdi__method *m,
                                const double *p)
{
    if (step == EGDI_STEP_AGGREGATE && n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an indicator; only aggregates "
                          "aggregate", n->code);
    if (step == EGDI_STEP_IMPUTE && !n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an aggregate; only indicators are "
                          "imputed (an aggregate's missing children are handled by its MinShare)",
                          n->code);
    n->m[step].id = m->id;
    for (size_t k = 0; k < EGDI__MAX_PARAMS; k++)
        n->m[step].p[k] = k < m->n_params ? p[k] : 0;
    if (step == EGDI_STEP_NORMALISE) { /* a unit code belongs to the method it was given for */
        free(n->norm_unit);
        n->norm_unit = NULL;
    }
    return EGDI_OK;
}

static egdi_status set_by_id(egdi_index *idx, const char *code, egdi_step step, int id,
                             const double *params, size_t n_params, const char *what)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(params || n_params == 0, "params");
    const egdi__method *m = egdi__method_get(step, id);
    if (!m)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown %s %d", code, what, id);
    double p[EGDI__MAX_PARAMS];
    if (!step_applies(n, step)) /* the kind of node is checked before the parameters */
        return store_method(n, step, m, p);
    st = egdi__method_params(m, params, n_params, code, p);
    return st != EGDI_OK ? st : store_method(n, step, m, p);
}

egdi_status egdi_index_set_normalization(egdi_index *idx, const char *code, egdi_norm method,
                                         const double *params, size_t n_params)
{
    return set_by_id(idx, code, EGDI_STEP_NORMALISE, (int)method, params, n_params,
                     "normalisation");
}

egdi_status egdi_index_set_aggregation(egdi_index *idx, const char *code, egdi_agg method)
{
    return set_by_id(idx, code, EGDI_STEP_AGGREGATE, (int)method, NULL, 0, "aggregation");
}

egdi_status egdi_index_set_aggregation_params(egdi_index *idx, const char *code, egdi_agg method,
                                              const double *params, size_t n_params)
{
    return set_by_id(idx, code, EGDI_STEP_AGGREGATE, (int)method, params, n_params,
                     "aggregation");
}

egdi_status egdi_index_set_imputation(egdi_index *idx, const char *code, egdi_impute method,
                                      const char *group_column)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    const egdi__method *m = egdi__method_get(EGDI_STEP_IMPUTE, (int)method);
    if (!m)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown imputation %d", code,
                          (int)method);
    int grouped = (m->flags & EGDI__M_USES_GROUPS) != 0;
    int have_group = group_column && *group_column;
    if (grouped && !have_group)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': imputation %s needs a group "
                          "column (a label column of the data)", code, m->name);
    if (!grouped && have_group)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': imputation %s takes no group column "
                          "(got '%s')", code, m->name, group_column);
    char *g = NULL;
    if (have_group && !(g = egdi__strdup(group_column)))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = store_method(n, EGDI_STEP_IMPUTE, m, NULL);
    if (st != EGDI_OK) {
        free(g);
        return st;
    }
    free(n->impute_group);
    n->impute_group = g;
    return EGDI_OK;
}

egdi_status egdi_index_set_method(egdi_index *idx, const char *code, egdi_step step,
                                  const char *name, const char *params)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(name, "name");
    const char *step_name = egdi_step_name(step);
    if (!step_name)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s': unknown step %d", code, (int)step);
    const egdi__method *m = egdi__method_by_name(step, name);
    if (!m) {
        char names[256];
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown %s method '%s' (%s)", code,
                          step_name, name, egdi__method_names(step, names, sizeof names));
    }
    if (step == EGDI_STEP_IMPUTE && (m->flags & EGDI__M_USES_GROUPS))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': imputation %s needs a group column; "
                          "set it with egdi_index_set_imputation()", code, m->name);
    double p[EGDI__MAX_PARAMS];
    if (!step_applies(n, step))
        return store_method(n, step, m, p); /* fails: wrong kind of node */
    egdi__locale loc; /* "0.5" is a number whatever the caller's locale */
    if ((st = egdi__locale_push(&loc)) != EGDI_OK)
        return st;
    const char *unit = NULL; /* a unit parameter given by code: kept for the plan */
    size_t unit_len = 0;
    st = egdi__method_params_text_unit(m, params, code, p, &unit, &unit_len);
    egdi__locale_pop(&loc);
    char *unit_copy = NULL;
    if (st == EGDI_OK && unit && !(unit_copy = egdi__strndup_trim(unit, unit_len)))
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK)
        st = store_method(n, step, m, p);
    if (st == EGDI_OK)
        n->norm_unit = unit_copy; /* only normalisations have unit parameters */
    else
        free(unit_copy);
    if (st == EGDI_OK && step == EGDI_STEP_IMPUTE) {
        free(n->impute_group);
        n->impute_group = NULL;
    }
    return st;
}

egdi_status egdi_index_set_min_share(egdi_index *idx, const char *code, double share)
{
    egdi__node *n = NULL;
    egdi_status st = egdi__index_lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an indicator; MinShare applies to "
                          "aggregates", code);
    if (!(share >= 0 && share <= 1))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': MinShare %g is not in [0, 1]", code,
                          share);
    n->min_share = share;
    return EGDI_OK;
}

egdi_status egdi_index_validate(const egdi_index *idx)
{
    EGDI_CHECK_ARG(idx, "idx");
    if (idx->n_nodes == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "the index has no nodes");
    size_t n = idx->n_nodes;
    size_t *kids = calloc(n, sizeof *kids);
    double *wsum = calloc(n, sizeof *wsum);
    if (!kids || !wsum) {
        free(kids), free(wsum);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    for (size_t k = 0; k < n; k++)
        if (idx->nodes[k].parent >= 0) {
            kids[idx->nodes[k].parent]++;
            wsum[idx->nodes[k].parent] += idx->nodes[k].weight;
        }
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        const egdi__node *nd = &idx->nodes[i];
        if (nd->is_indicator)
            continue;
        if (kids[i] == 0)
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s' has no children", nd->code);
        else if (!(wsum[i] > 0))
            st = egdi__fail(EGDI_ERR_INVALID_INDEX,
                            "aggregate '%s': the weights of its children are all zero", nd->code);
    }
    free(kids);
    free(wsum);
    return st;
}

size_t egdi_index_n_nodes(const egdi_index *idx) { return idx ? idx->n_nodes : 0; }

const char *egdi_index_node_code(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].code : NULL;
}

const char *egdi_index_node_name(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].name : NULL;
}

const char *egdi_index_node_parent(const egdi_index *idx, size_t i)
{
    if (!idx || i >= idx->n_nodes || idx->nodes[i].parent < 0)
        return NULL;
    return idx->nodes[idx->nodes[i].parent].code;
}

const char *egdi_index_node_source(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].source : NULL;
}

int egdi_index_node_is_indicator(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].is_indicator : -1;
}

double egdi_index_node_weight(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].weight : NAN;
}

int egdi_index_node_direction(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].direction : 0;
}

int egdi_index_node_method(const egdi_index *idx, size_t i, egdi_step step)
{
    if (!idx || i >= idx->n_nodes || (unsigned)step >= EGDI__N_STEPS)
        return -1;
    const egdi__node *n = &idx->nodes[i];
    if ((step == EGDI_STEP_AGGREGATE && n->is_indicator) ||
        (step == EGDI_STEP_IMPUTE && !n->is_indicator))
        return -1;
    return n->m[step].id;
}

egdi_status egdi_index_node_params(const egdi_index *idx, size_t i, egdi_step step, double *out,
                                   size_t n)
{
    EGDI_CHECK_ARG(idx && (out || n == 0), "idx/out");
    int id = egdi_index_node_method(idx, i, step);
    if (id < 0)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu has no %s method", i,
                          egdi_step_name(step) ? egdi_step_name(step) : "such");
    const egdi__method *m = egdi__method_get(step, id);
    if (n != m->n_params)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s': %s has %zu parameters, buffer of %zu",
                          idx->nodes[i].code, m->name, m->n_params, n);
    for (size_t k = 0; k < n; k++)
        out[k] = idx->nodes[i].m[step].p[k];
    return EGDI_OK;
}

double egdi_index_node_min_share(const egdi_index *idx, size_t i)
{
    if (!idx || i >= idx->n_nodes || idx->nodes[i].is_indicator)
        return NAN;
    return idx->nodes[i].min_share;
}

const char *egdi_index_node_impute_group(const egdi_index *idx, size_t i)
{
    return idx && i < idx->n_nodes ? idx->nodes[i].impute_group : NULL;
}

int egdi_index_node_level(const egdi_index *idx, size_t i)
{
    if (!idx || i >= idx->n_nodes)
        return 0;
    if (idx->nodes[i].is_indicator)
        return 1;
    /* 1 + the depth of the deepest descendant (the deepest one is a leaf);
     * descendants come after i in storage */
    int level = 1;
    for (size_t k = i + 1; k < idx->n_nodes; k++) {
        int d = 0;
        long p = (long)k;
        while (p > (long)i) {
            p = idx->nodes[p].parent;
            d++;
        }
        if (p == (long)i && d + 1 > level)
            level = d + 1;
    }
    return level;
}

void egdi__index_levels(const egdi_index *idx, int *levels)
{
    for (size_t i = 0; i < idx->n_nodes; i++)
        levels[i] = 1;
    for (size_t k = idx->n_nodes; k-- > 0;) { /* children before parents */
        long p = idx->nodes[k].parent;
        if (p >= 0 && levels[k] + 1 > levels[p])
            levels[p] = levels[k] + 1;
    }
}

egdi_status egdi_index_clone(const egdi_index *idx, egdi_index **out)
{
    EGDI_CHECK_ARG(idx && out, "idx/out");
    egdi_index *cp = NULL;
    egdi_status st = egdi_index_new(&cp);
    for (size_t i = 0; st == EGDI_OK && i < idx->n_nodes; i++) {
        const egdi__node *n = &idx->nodes[i];
        const char *parent = n->parent >= 0 ? idx->nodes[n->parent].code : NULL;
        st = add_node(cp, n->code, parent, n->weight, n->is_indicator);
        if (st == EGDI_OK)
            st = egdi__index_set_string(&cp->nodes[i].name, n->name);
        if (st == EGDI_OK && n->source)
            st = egdi__index_set_string(&cp->nodes[i].source, n->source);
        if (st == EGDI_OK && n->impute_group)
            st = egdi__index_set_string(&cp->nodes[i].impute_group, n->impute_group);
        if (st == EGDI_OK && n->denominator)
            st = egdi__index_set_string(&cp->nodes[i].denominator, n->denominator);
        if (st == EGDI_OK && n->norm_unit)
            st = egdi__index_set_string(&cp->nodes[i].norm_unit, n->norm_unit);
        if (st == EGDI_OK) {
            egdi__node *c = &cp->nodes[i];
            c->direction = n->direction;
            c->cap_lo = n->cap_lo;
            c->cap_hi = n->cap_hi;
            memcpy(c->m, n->m, sizeof c->m);
            c->min_share = n->min_share;
            c->treat = n->treat;
        }
    }
    if (st != EGDI_OK) {
        egdi_index_free(cp);
        return st;
    }
    *out = cp;
    return EGDI_OK;
}
