/* Index definitions: nodes, per-node methods, validation and evaluation order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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
}

void egdi_index_free(egdi_index *idx)
{
    if (!idx)
        return;
    for (size_t i = 0; i < idx->n_nodes; i++)
        node_clear(&idx->nodes[i]);
    free(idx->nodes);
    free(idx);
}

static long find(const egdi_index *idx, const char *code)
{
    for (size_t i = 0; i < idx->n_nodes; i++)
        if (strcmp(idx->nodes[i].code, code) == 0)
            return (long)i;
    return -1;
}

egdi_status egdi_index_find_node(const egdi_index *idx, const char *code, size_t *out)
{
    EGDI_CHECK_ARG(idx && code && out, "idx/code/out");
    long i = find(idx, code);
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

static egdi_status add_node(egdi_index *idx, const char *code, const char *parent, double weight,
                            int is_indicator)
{
    EGDI_CHECK_ARG(idx && code, "idx/code");
    if (!*code)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node %zu: empty code", idx->n_nodes + 1);
    if (find(idx, code) >= 0)
        return egdi__fail(EGDI_ERR_DUPLICATE, "duplicate node code '%s'", code);
    long p = -1;
    if (parent && *parent) {
        p = find(idx, parent);
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
    n->norm = EGDI_NORM_NONE;
    n->agg = EGDI_AGG_MEAN;
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

static egdi_status lookup(egdi_index *idx, const char *code, egdi__node **out)
{
    EGDI_CHECK_ARG(idx && code, "idx/code");
    long i = find(idx, code);
    if (i < 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the index", code);
    *out = &idx->nodes[i];
    return EGDI_OK;
}

static egdi_status set_string(char **dst, const char *s)
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
    egdi_status st = lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    return set_string(&n->name, name && *name ? name : code);
}

egdi_status egdi_index_set_weight(egdi_index *idx, const char *code, double weight)
{
    egdi__node *n = NULL;
    egdi_status st = lookup(idx, code, &n);
    if (st == EGDI_OK)
        st = check_weight(code, weight);
    if (st == EGDI_OK)
        n->weight = weight;
    return st;
}

egdi_status egdi_index_set_direction(egdi_index *idx, const char *code, int direction)
{
    egdi__node *n = NULL;
    egdi_status st = lookup(idx, code, &n);
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
    egdi_status st = lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (!n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an aggregate; only indicators "
                          "read a source column", code);
    EGDI_CHECK_ARG(column && *column, "column");
    return set_string(&n->source, column);
}

egdi_status egdi_index_set_caps(egdi_index *idx, const char *code, double lower, double upper)
{
    egdi__node *n = NULL;
    egdi_status st = lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (isinf(lower) || isinf(upper) || (!isnan(lower) && !isnan(upper) && lower > upper))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': caps [%g, %g] are not a range",
                          code, lower, upper);
    n->cap_lo = lower;
    n->cap_hi = upper;
    return EGDI_OK;
}

egdi_status egdi_index_set_normalization(egdi_index *idx, const char *code, egdi_norm method,
                                         const double *params, size_t n_params)
{
    egdi__node *n = NULL;
    egdi_status st = lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(params || n_params == 0, "params");
    double p[4] = {0, 1, 1, 0};
    size_t need_min = 0, max_p = 0;
    switch (method) {
    case EGDI_NORM_NONE: case EGDI_NORM_FRACMAX: max_p = 0; break;
    case EGDI_NORM_ZSCORE: max_p = 2; p[0] = 0; p[1] = 1; break;
    case EGDI_NORM_MINMAX: max_p = 2; p[0] = 0; p[1] = 1; break;
    case EGDI_NORM_GOALPOSTS: need_min = 2; max_p = 3; p[2] = 1; break;
    default:
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown normalisation %d", code,
                          (int)method);
    }
    if (n_params < need_min || n_params > max_p)
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "node '%s': %s takes %zu to %zu parameters, not %zu", code,
                          egdi__norm_name(method), need_min, max_p, n_params);
    for (size_t k = 0; k < n_params; k++) {
        if (!isfinite(params[k]))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': parameter %zu is not finite",
                              code, k + 1);
        p[k] = params[k];
    }
    if ((method == EGDI_NORM_ZSCORE && !(p[1] > 0)) ||
        (method == EGDI_NORM_MINMAX && !(p[1] > p[0])) ||
        (method == EGDI_NORM_GOALPOSTS && (!(p[1] > p[0]) || !(p[2] > 0))))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters", code,
                          egdi__norm_name(method));
    n->norm = method;
    memcpy(n->norm_params, p, sizeof p);
    n->n_norm_params = max_p;
    return EGDI_OK;
}

egdi_status egdi_index_set_aggregation(egdi_index *idx, const char *code, egdi_agg method)
{
    egdi__node *n = NULL;
    egdi_status st = lookup(idx, code, &n);
    if (st != EGDI_OK)
        return st;
    if (method != EGDI_AGG_MEAN && method != EGDI_AGG_GEOMEAN)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown aggregation %d", code,
                          (int)method);
    if (n->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s' is an indicator; only aggregates "
                          "aggregate", code);
    n->agg = method;
    return EGDI_OK;
}

/* Children-before-parents order (parents always precede children in storage,
 * because a parent must exist when a child is added, so reverse storage order works). */
egdi_status egdi__index_order(const egdi_index *idx, size_t *order)
{
    for (size_t i = 0; i < idx->n_nodes; i++)
        order[i] = idx->n_nodes - 1 - i;
    return EGDI_OK;
}

egdi_status egdi_index_validate(const egdi_index *idx)
{
    EGDI_CHECK_ARG(idx, "idx");
    if (idx->n_nodes == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "the index has no nodes");
    for (size_t i = 0; i < idx->n_nodes; i++) {
        const egdi__node *n = &idx->nodes[i];
        if (n->is_indicator)
            continue;
        size_t kids = 0;
        double wsum = 0;
        for (size_t k = 0; k < idx->n_nodes; k++)
            if (idx->nodes[k].parent == (long)i) {
                kids++;
                wsum += idx->nodes[k].weight;
            }
        if (kids == 0)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s' has no children", n->code);
        if (!(wsum > 0))
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "aggregate '%s': the weights of its children are all zero", n->code);
    }
    return EGDI_OK;
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

int egdi_index_node_level(const egdi_index *idx, size_t i)
{
    if (!idx || i >= idx->n_nodes)
        return 0;
    if (idx->nodes[i].is_indicator)
        return 1;
    int level = 1; /* children come after their parent in storage */
    for (size_t k = i + 1; k < idx->n_nodes; k++)
        if (idx->nodes[k].parent == (long)i) {
            int l = egdi_index_node_level(idx, k) + 1;
            if (l > level)
                level = l;
        }
    return level;
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
            st = set_string(&cp->nodes[i].name, n->name);
        if (st == EGDI_OK && n->source)
            st = set_string(&cp->nodes[i].source, n->source);
        if (st == EGDI_OK) {
            egdi__node *c = &cp->nodes[i];
            c->direction = n->direction;
            c->cap_lo = n->cap_lo;
            c->cap_hi = n->cap_hi;
            c->norm = n->norm;
            memcpy(c->norm_params, n->norm_params, sizeof c->norm_params);
            c->n_norm_params = n->n_norm_params;
            c->agg = n->agg;
        }
    }
    if (st != EGDI_OK) {
        egdi_index_free(cp);
        return st;
    }
    *out = cp;
    return EGDI_OK;
}

static const char *const norm_names[] = {"none", "zscore", "minmax", "goalposts", "fracmax"};
static const char *const agg_names[] = {"mean", "geomean"};

const char *egdi__norm_name(egdi_norm m)
{
    return (unsigned)m < sizeof norm_names / sizeof *norm_names ? norm_names[m] : "?";
}

const char *egdi__agg_name(egdi_agg m)
{
    return (unsigned)m < sizeof agg_names / sizeof *agg_names ? agg_names[m] : "?";
}

int egdi__norm_from_name(const char *s, egdi_norm *out)
{
    for (size_t k = 0; k < sizeof norm_names / sizeof *norm_names; k++)
        if (strcmp(s, norm_names[k]) == 0) {
            *out = (egdi_norm)k;
            return 1;
        }
    return 0;
}

int egdi__agg_from_name(const char *s, egdi_agg *out)
{
    for (size_t k = 0; k < sizeof agg_names / sizeof *agg_names; k++)
        if (strcmp(s, agg_names[k]) == 0) {
            *out = (egdi_agg)k;
            return 1;
        }
    return 0;
}
