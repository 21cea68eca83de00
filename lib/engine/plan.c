/* The plan: an index resolved against a dataset. The tree becomes arrays
 * (parents, children in CSR form, an evaluation order), every method is
 * bound to its registry entry with checked parameters, the source and group
 * columns are copied, and the sizes every evaluation context needs are
 * known. Nothing in a plan changes after egdi_plan_new(). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "engine/engine.h"
#include "model/model.h"

void egdi_plan_free(egdi_plan *p)
{
    if (!p)
        return;
    if (p->codes)
        for (size_t k = 0; k < p->n_nodes; k++)
            free(p->codes[k]);
    for (size_t g = 0; g < p->n_group_cols; g++) {
        free(p->group_cols[g].name);
        free(p->group_cols[g].codes);
    }
    free(p->group_cols);
    free(p->codes);
    free(p->nodes);
    free(p->kids);
    free(p->kid_codes);
    free(p->order);
    free(p->unit_text);
    free(p->unit_off);
    free(p->data);
    egdi__strmap_free(&p->node_map);
    egdi__strmap_free(&p->unit_map);
    free(p);
}

size_t egdi_plan_n_nodes(const egdi_plan *p) { return p ? p->n_nodes : 0; }
size_t egdi_plan_n_units(const egdi_plan *p) { return p ? p->n_units : 0; }

const char *egdi_plan_node_code(const egdi_plan *p, size_t i)
{
    return p && i < p->n_nodes ? p->codes[i] : NULL;
}

const char *egdi_plan_unit_code(const egdi_plan *p, size_t i)
{
    return p && i < p->n_units ? p->unit_text + p->unit_off[i] : NULL;
}

egdi_status egdi_plan_find_node(const egdi_plan *p, const char *code, size_t *out)
{
    EGDI_CHECK_ARG(p && code && out, "plan/code/out");
    if (egdi__strmap_get(&p->node_map, code, out))
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the index", code);
}

egdi_status egdi_plan_find_unit(const egdi_plan *p, const char *code, size_t *out)
{
    EGDI_CHECK_ARG(p && code && out, "plan/code/out");
    if (egdi__strmap_get(&p->unit_map, code, out))
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit with code '%s'", code);
}

/* The settings of node k as the engine runs them (everything but the data). */
static void bind_node(const egdi__node *src, egdi__pnode *d)
{
    d->parent = src->parent;
    d->is_indicator = src->is_indicator;
    d->weight = src->weight;
    d->direction = src->direction;
    d->cap_lo = src->cap_lo;
    d->cap_hi = src->cap_hi;
    d->treat_id = src->is_indicator ? src->treat.id : 0;
    memcpy(d->treat_p, src->treat.p, sizeof d->treat_p);
    d->treats = src->direction != 1 || !isnan(src->cap_lo) || !isnan(src->cap_hi) ||
                d->treat_id != 0;
    for (int s = 0; s < EGDI__N_STEPS; s++) {
        d->m[s] = egdi__method_get((egdi_step)s, src->m[s].id);
        memcpy(d->p[s], src->m[s].p, sizeof d->p[s]);
    }
    if (!src->is_indicator)
        d->m[EGDI_STEP_IMPUTE] = egdi__method_get(EGDI_STEP_IMPUTE, EGDI_IMPUTE_NONE);
    d->min_share = src->min_share;
}

/* What decides an evaluation context's buffers: equal layouts share them. */
static int same_layout(const egdi__pnode *a, const egdi__pnode *b)
{
    return a->is_indicator == b->is_indicator && a->treats == b->treats &&
           (a->treat_id != 0) == (b->treat_id != 0) &&
           (a->m[EGDI_STEP_IMPUTE]->id == 0) == (b->m[EGDI_STEP_IMPUTE]->id == 0) &&
           (a->m[EGDI_STEP_NORMALISE]->id == 0) == (b->m[EGDI_STEP_NORMALISE]->id == 0);
}

/* A label column standing where a numeric one is needed: name a cell that
 * is not a number, which is what made it text. */
static egdi_status not_numeric(const egdi__node *nd, const egdi_dataset *data, size_t j)
{
    const egdi__column *c = &data->cols[j];
    for (size_t i = 0; i < data->n_units; i++) {
        double v;
        const char *text = c->codes[i] >= 0 ? c->levels[c->codes[i]] : "";
        if (!egdi__parse_number(text, &v) && !egdi__parse_number_sep(text, ',', &v))
            return egdi__fail(EGDI_ERR_PARSE, "indicator '%s': column '%s' must be numeric, "
                              "but unit '%s' has '%s', which %s", nd->code, nd->source,
                              data->codes[i], text, egdi__number_problem(text, '.'));
    }
    for (size_t i = 0; i < data->n_units; i++) /* numbers stored as text */
        if (c->codes[i] >= 0 && *c->levels[c->codes[i]])
            return egdi__fail(EGDI_ERR_PARSE, "indicator '%s': column '%s' must be numeric, but "
                              "it holds text (unit '%s' has '%s'); convert it to numbers",
                              nd->code, nd->source, data->codes[i], c->levels[c->codes[i]]);
    return egdi__fail(EGDI_ERR_PARSE, "indicator '%s': column '%s' is a label column, not a "
                      "numeric one", nd->code, nd->source);
}

/* The denominator column of each indicator (src[n + k]; (size_t)-1 = none). */
static egdi_status resolve_denominators(const egdi_index *idx, const egdi_dataset *data,
                                        size_t *den)
{
    for (size_t k = 0; k < idx->n_nodes; k++) {
        const egdi__node *nd = &idx->nodes[k];
        den[k] = (size_t)-1;
        if (!nd->is_indicator || !nd->denominator)
            continue;
        den[k] = egdi__dataset_column(data, nd->denominator);
        if (den[k] == (size_t)-1)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "indicator '%s': the data has no denominator "
                              "column '%s'", nd->code, nd->denominator);
        if (data->cols[den[k]].kind != EGDI_COLUMN_NUMERIC)
            return egdi__fail(EGDI_ERR_PARSE, "indicator '%s': denominator column '%s' must be "
                              "numeric, but it is a label column", nd->code, nd->denominator);
    }
    return EGDI_OK;
}

/* Find every source column (all missing ones are counted, the first is named)
 * into src: 2 n entries, the source columns then the denominator columns. */
static egdi_status resolve_sources(const egdi_index *idx, const egdi_dataset *data, size_t *src)
{
    size_t missing = 0, first = 0;
    if (data->n_units == 0)
        return egdi__fail(EGDI_ERR_DATA, "the data has no units to compute");
    egdi_status st = resolve_denominators(idx, data, src + idx->n_nodes);
    if (st != EGDI_OK)
        return st;
    for (size_t k = 0; k < idx->n_nodes; k++) {
        const egdi__node *nd = &idx->nodes[k];
        if (!nd->is_indicator)
            continue;
        src[k] = egdi__dataset_column(data, nd->source);
        if (src[k] != (size_t)-1 && data->cols[src[k]].kind != EGDI_COLUMN_NUMERIC)
            return not_numeric(nd, data, src[k]);
        if (src[k] == (size_t)-1 && missing++ == 0)
            first = k;
    }
    if (missing)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "indicator '%s': the data has no numeric column "
                          "'%s' (%zu of the index's source columns are missing)",
                          idx->nodes[first].code, idx->nodes[first].source, missing);
    return EGDI_OK;
}

/* The label column of an imputation by group; copies it into the plan once. */
static egdi_status bind_groups(egdi_plan *p, const egdi__node *nd, const egdi_dataset *data,
                               egdi__pnode *d)
{
    d->groups = NULL;
    d->n_groups = 0;
    if (!(d->m[EGDI_STEP_IMPUTE]->flags & EGDI__M_USES_GROUPS))
        return EGDI_OK;
    for (size_t g = 0; g < p->n_group_cols; g++)
        if (strcmp(p->group_cols[g].name, nd->impute_group) == 0) {
            d->group_col = g;
            d->groups = p->group_cols[g].codes;
            d->n_groups = p->group_cols[g].n_levels;
            return EGDI_OK;
        }
    size_t j = egdi__dataset_column(data, nd->impute_group);
    if (j == (size_t)-1 || data->cols[j].kind != EGDI_COLUMN_LABEL)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "indicator '%s': imputation %s: the data has no "
                          "label column '%s' for the groups", nd->code,
                          d->m[EGDI_STEP_IMPUTE]->name, nd->impute_group);
    egdi__group_col *gc = &p->group_cols[p->n_group_cols];
    gc->name = egdi__strdup(nd->impute_group);
    gc->codes = egdi__mallocarray(p->n_units, sizeof *gc->codes);
    if (!gc->name || !gc->codes) {
        free(gc->name), free(gc->codes);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    memcpy(gc->codes, data->cols[j].codes, p->n_units * sizeof *gc->codes);
    gc->n_levels = data->cols[j].n_levels;
    d->group_col = p->n_group_cols++;
    d->groups = gc->codes;
    d->n_groups = gc->n_levels;
    return EGDI_OK;
}

static int find_unit(const void *ctx, const char *code, size_t *pos)
{
    return egdi__strmap_get(&((const egdi_plan *)ctx)->unit_map, code, pos);
}

/* Normalisation parameters given as unit codes (dist2ref ref=CODE) become the
 * units' positions in the data. */
static egdi_status bind_units(egdi_plan *p, const egdi_index *idx)
{
    for (size_t k = 0; k < p->n_nodes; k++) {
        const egdi__node *nd = &idx->nodes[k];
        egdi__pnode *d = &p->nodes[k];
        egdi_status st = EGDI_OK;
        if (nd->norm_unit)
            st = egdi__method_resolve_unit(d->m[EGDI_STEP_NORMALISE], d->p[EGDI_STEP_NORMALISE],
                                           nd->norm_unit, nd->code, find_unit, p);
        if (st != EGDI_OK)
            return st;
    }
    return EGDI_OK;
}

/* Offsets of the fitted statistics and the largest working sizes. */
static void finish_sizes(egdi_plan *p)
{
    size_t off = 0;
    p->max_groups = 0;
    p->max_kids = 0;
    for (size_t k = 0; k < p->n_nodes; k++) {
        egdi__pnode *d = &p->nodes[k];
        for (int s = 0; s < EGDI__N_STEPS; s++) {
            d->n_fitted[s] = egdi__method_fitted_size(d->m[s], d->n_groups);
            d->fitted[s] = off;
            off += d->n_fitted[s];
        }
        if (d->n_groups > p->max_groups)
            p->max_groups = d->n_groups;
        if (d->n_kids > p->max_kids)
            p->max_kids = d->n_kids;
    }
    p->n_fitted = off;
}

static const char *plan_unit(const void *ctx, size_t i)
{
    const egdi_plan *p = ctx;
    return p->unit_text + p->unit_off[i];
}

static egdi_status copy_units(egdi_plan *p, const egdi_dataset *data)
{
    size_t bytes = 0;
    for (size_t i = 0; i < p->n_units; i++)
        bytes += strlen(data->codes[i]) + 1;
    p->unit_text = malloc(bytes ? bytes : 1);
    p->unit_off = egdi__mallocarray(p->n_units, sizeof *p->unit_off);
    if (!p->unit_text || !p->unit_off)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", p->n_units);
    size_t at = 0;
    for (size_t i = 0; i < p->n_units; i++) {
        size_t len = strlen(data->codes[i]) + 1;
        memcpy(p->unit_text + at, data->codes[i], len);
        p->unit_off[i] = at;
        at += len;
    }
    /* the dataset's code index, pointed at the plan's copies (no re-hashing) */
    if (!egdi__strmap_copy(&p->unit_map, &data->code_map, plan_unit, p))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", p->n_units);
    return EGDI_OK;
}

/* Check every indicator's input before anything is written: an infinite
 * value is refused (missing is NaN), as egdi_eval_set_value() refuses it, and
 * so is a value whose denominator is zero or infinite (COINr: Inf); a missing
 * denominator makes the value missing, as in COINr. */
static egdi_status check_data(const egdi_index *idx, const egdi_dataset *data, const size_t *src)
{
    size_t n = idx->n_nodes;
    for (size_t k = 0; k < n; k++) {
        if (!idx->nodes[k].is_indicator)
            continue;
        const double *x = data->cols[src[k]].num;
        const double *d = src[n + k] != (size_t)-1 ? data->cols[src[n + k]].num : NULL;
        for (size_t i = 0; i < data->n_units; i++) {
            if (isinf(x[i]))
                return egdi__fail(EGDI_ERR_DOMAIN, "indicator '%s': unit '%s': column '%s' "
                                  "holds %g, not a finite number", idx->nodes[k].code,
                                  data->codes[i], data->cols[src[k]].name, x[i]);
            if (d && !isnan(x[i]) && (isinf(d[i]) || d[i] == 0))
                return egdi__fail(EGDI_ERR_DOMAIN, "indicator '%s': unit '%s': denominator "
                                  "column '%s' is %s; %s / %s is not a finite number",
                                  idx->nodes[k].code, data->codes[i],
                                  data->cols[src[n + k]].name, d[i] == 0 ? "zero" : "infinite",
                                  data->cols[src[k]].name, data->cols[src[n + k]].name);
        }
    }
    return EGDI_OK;
}

/* Copy every indicator's input (checked by check_data), divided by its
 * denominator if it has one. */
static void copy_data(egdi_plan *p, const egdi_index *idx, const egdi_dataset *data,
                      const size_t *src)
{
    for (size_t k = 0; k < p->n_nodes; k++) {
        if (!idx->nodes[k].is_indicator || !p->n_units)
            continue;
        const double *x = data->cols[src[k]].num;
        double *to = p->data + p->nodes[k].ind * p->n_units;
        if (src[p->n_nodes + k] == (size_t)-1) {
            memcpy(to, x, p->n_units * sizeof *p->data);
            continue;
        }
        const double *d = data->cols[src[p->n_nodes + k]].num;
        for (size_t i = 0; i < p->n_units; i++)
            to[i] = x[i] / d[i]; /* NaN stays NaN */
    }
}

egdi_status egdi_plan_new(const egdi_index *idx, const egdi_dataset *data, egdi_plan **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_status st = egdi_index_validate(idx);
    if (st != EGDI_OK)
        return st;
    size_t n = idx->n_nodes;
    size_t *src = egdi__mallocarray(n, 2 * sizeof *src);
    if (!src)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if ((st = resolve_sources(idx, data, src)) != EGDI_OK) {
        free(src);
        return st;
    }
    egdi_plan *p = calloc(1, sizeof *p);
    if (!p) {
        free(src);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    p->n_nodes = n;
    p->n_units = data->n_units;
    p->nodes = calloc(n, sizeof *p->nodes);
    p->kids = egdi__mallocarray(n, sizeof *p->kids);
    p->kid_codes = egdi__mallocarray(n, sizeof *p->kid_codes);
    p->order = egdi__mallocarray(n, sizeof *p->order);
    p->codes = calloc(n, sizeof *p->codes);
    p->group_cols = calloc(n, sizeof *p->group_cols);
    int ok = p->nodes && p->kids && p->kid_codes && p->order && p->codes && p->group_cols &&
             egdi__strmap_reserve(&p->node_map, n);
    for (size_t k = 0; ok && k < n; k++)
        ok = (p->codes[k] = egdi__strdup(idx->nodes[k].code)) != NULL;
    st = ok ? copy_units(p, data) : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK) {
        for (size_t k = 0; k < n; k++) {
            egdi__strmap_put(&p->node_map, p->codes[k], k, NULL);
            p->order[k] = n - 1 - k; /* parents are stored first: reverse order is bottom-up */
            egdi__pnode *d = &p->nodes[k];
            bind_node(&idx->nodes[k], d);
            d->ind = d->is_indicator ? p->n_ind++ : (size_t)-1;
            if (d->parent >= 0)
                p->nodes[d->parent].n_kids++;
        }
        /* children in CSR form, each aggregate's in storage order */
        size_t at = 0;
        for (size_t k = 0; k < n; k++) {
            p->nodes[k].kid_start = at;
            at += p->nodes[k].n_kids;
            p->nodes[k].n_kids = 0;
        }
        for (size_t k = 0; k < n; k++) {
            long par = p->nodes[k].parent;
            if (par >= 0) {
                egdi__pnode *pp = &p->nodes[par];
                p->kids[pp->kid_start + pp->n_kids] = k;
                p->kid_codes[pp->kid_start + pp->n_kids++] = p->codes[k];
            }
        }
        p->data = egdi__mallocarray(p->n_ind, p->n_units * sizeof *p->data);
        if (!p->data || (p->n_units && p->n_ind > SIZE_MAX / sizeof(double) / p->n_units))
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu indicators x %zu units",
                            p->n_ind, p->n_units);
    }
    for (size_t k = 0; k < n && st == EGDI_OK; k++)
        st = bind_groups(p, &idx->nodes[k], data, &p->nodes[k]);
    if (st == EGDI_OK)
        st = bind_units(p, idx);
    if (st == EGDI_OK && (st = check_data(idx, data, src)) == EGDI_OK)
        copy_data(p, idx, data, src);
    if (st == EGDI_OK) {
        finish_sizes(p);
        p->fitted_capacity = p->n_fitted;
    }
    free(src);
    if (st != EGDI_OK) {
        egdi_plan_free(p);
        return st;
    }
    *out = p;
    return EGDI_OK;
}

egdi_status egdi__plan_rebind(egdi_plan *p, const egdi_index *idx, const egdi_dataset *data)
{
    if (idx->n_nodes != p->n_nodes || data->n_units != p->n_units)
        return EGDI_ERR_UNSUPPORTED;
    size_t *src = egdi__mallocarray(p->n_nodes, 2 * sizeof *src);
    if (!src)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = resolve_sources(idx, data, src);
    for (size_t i = 0; i < p->n_units && st == EGDI_OK; i++)
        if (strcmp(p->unit_text + p->unit_off[i], data->codes[i]) != 0)
            st = EGDI_ERR_UNSUPPORTED;
    /* the same tree, the same buffers, the same group columns of the same size */
    size_t fitted = 0;
    for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
        const egdi__node *nd = &idx->nodes[k];
        egdi__pnode d = p->nodes[k];
        bind_node(nd, &d);
        if (nd->parent != p->nodes[k].parent || !same_layout(&d, &p->nodes[k]) ||
            d.m[EGDI_STEP_IMPUTE]->flags != p->nodes[k].m[EGDI_STEP_IMPUTE]->flags)
            st = EGDI_ERR_UNSUPPORTED;
        else if (p->nodes[k].groups) {
            const egdi__group_col *gc = &p->group_cols[p->nodes[k].group_col];
            size_t j = egdi__dataset_column(data, nd->impute_group);
            if (strcmp(gc->name, nd->impute_group) != 0 || j == (size_t)-1 ||
                data->cols[j].kind != EGDI_COLUMN_LABEL || data->cols[j].n_levels != gc->n_levels)
                st = EGDI_ERR_UNSUPPORTED;
        }
        size_t pos; /* an unknown unit code: a new plan reports it */
        if (nd->norm_unit && !egdi__strmap_get(&p->unit_map, nd->norm_unit, &pos))
            st = EGDI_ERR_UNSUPPORTED;
        for (int s = 0; s < EGDI__N_STEPS; s++)
            fitted += egdi__method_fitted_size(d.m[s], d.n_groups);
    }
    if (st == EGDI_OK && fitted > p->fitted_capacity)
        st = EGDI_ERR_UNSUPPORTED;
    if (st == EGDI_OK) /* infinities, denominators: refuse up front */
        st = check_data(idx, data, src);
    if (st == EGDI_OK) {
        for (size_t k = 0; k < p->n_nodes; k++)
            bind_node(&idx->nodes[k], &p->nodes[k]);
        bind_units(p, idx); /* every code was found above */
        for (size_t g = 0; g < p->n_group_cols; g++) {
            size_t j = egdi__dataset_column(data, p->group_cols[g].name);
            memcpy(p->group_cols[g].codes, data->cols[j].codes,
                   p->n_units * sizeof *p->group_cols[g].codes);
        }
        copy_data(p, idx, data, src); /* checked above */
        finish_sizes(p); /* never more fitted statistics than the contexts have room for */
    }
    free(src);
    return st;
}
