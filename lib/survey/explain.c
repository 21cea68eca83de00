/* Explaining a unit's score (explain.h): the gap to another unit, the best
 * unit or a group's mean split along the index tree, and the unit's strengths
 * and weaknesses by rank (labelled in strengths.c). Every value comes from the
 * plan/eval engine's stage buffers, so any index built from weighted
 * arithmetic means is explained the same way as the Survey's. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "survey/survey.h"

/* Size of each version of egdi_explain_options; a version's size never changes. */
static const size_t options_sizes[] = {
    0, offsetof(egdi_explain_options, survey) + sizeof(const egdi_survey_options *) /* 1: 1.3 */
};
#define N_OPTION_VERSIONS (sizeof options_sizes / sizeof *options_sizes)

static void defaults(egdi_explain_options *o)
{
    static const egdi_explain_options d = EGDI_EXPLAIN_OPTIONS_INIT;
    memcpy(o, &d, sizeof d);
}

egdi_status egdi_explain_options_init_version(egdi_explain_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_explain_options d;
    defaults(&d);
    return egdi__versioned_init(opts, &d, options_sizes, N_OPTION_VERSIONS, version,
                                "egdi_explain_options");
}

typedef egdi__explain_work work; /* survey.h */

static void work_free(work *w)
{
    egdi_eval_free(w->ev);
    egdi_plan_free(w->plan);
    free(w->parent), free(w->kid_off), free(w->kids), free(w->pre), free(w->depth);
    free(w->va), free(w->buf), free(w->ranks), free(w->member);
}

static egdi_status work_alloc(work *w)
{
    size_t m = w->m, n = w->n;
    w->parent = egdi__mallocarray(m, sizeof *w->parent);
    w->kid_off = egdi__mallocarray(m + 1, sizeof *w->kid_off);
    w->kids = egdi__mallocarray(2 * m, sizeof *w->kids); /* children, then the DFS stack */
    w->pre = egdi__mallocarray(m, sizeof *w->pre);
    w->depth = egdi__mallocarray(4 * m, sizeof *w->depth);
    w->va = egdi__mallocarray(8 * m, sizeof *w->va);
    w->buf = egdi__mallocarray(n, sizeof *w->buf);
    w->ranks = egdi__mallocarray(n, sizeof *w->ranks);
    w->member = egdi__mallocarray(n, 1);
    if (!w->parent || !w->kid_off || !w->kids || !w->pre || !w->depth || !w->va || !w->buf ||
        !w->ranks || !w->member)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    w->rank = w->depth + m, w->n_ranked = w->depth + 2 * m, w->worst = w->depth + 3 * m;
    /* no ranks until the strengths ask for them, no weights until the gap is
     * decomposed: each table reads what the other did not compute as none */
    memset(w->rank, 0, 3 * m * sizeof *w->rank);
    memset(w->va, 0, 8 * m * sizeof *w->va);
    w->vb = w->va + m, w->ta = w->va + 2 * m, w->tb = w->va + 3 * m, w->ia = w->va + 4 * m;
    w->ib = w->va + 5 * m, w->w = w->va + 6 * m, w->eff = w->va + 7 * m;
    return EGDI_OK;
}

/* Parents, children (in index order), the root and the root's subtree in tree
 * order (each node after its parent, siblings in index order). */
static egdi_status tree(work *w)
{
    size_t m = w->m, n_roots = 0, root = SIZE_MAX;
    memset(w->kid_off, 0, (m + 1) * sizeof *w->kid_off);
    for (size_t k = 0; k < m; k++) {
        const char *p = egdi_index_node_parent(w->idx, k);
        size_t pk = 0;
        if (p && egdi_index_find_node(w->idx, p, &pk) != EGDI_OK) /* not after validation */
            return egdi__fail(EGDI_ERR_NOT_FOUND, "explain: node '%s' has the parent '%s', "
                              "which is not a node of the index", egdi_index_node_code(w->idx, k),
                              p);
        w->parent[k] = p ? (long)pk : -1;
        if (p)
            w->kid_off[pk + 1]++;
        else if (n_roots++ == 0)
            root = k;
    }
    for (size_t k = 0; k < m; k++)
        w->kid_off[k + 1] += w->kid_off[k];
    size_t *fill = w->kids + m; /* borrowed as a cursor per node, then as the stack */
    memcpy(fill, w->kid_off, m * sizeof *fill);
    for (size_t k = 0; k < m; k++)
        if (w->parent[k] >= 0)
            w->kids[fill[w->parent[k]]++] = k;
    if (w->o.root) {
        if (egdi_index_find_node(w->idx, w->o.root, &root) != EGDI_OK)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "explain: no node '%s' in the index",
                              w->o.root);
    } else if (n_roots != 1) {
        return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: the index has %zu roots; name the node "
                          "to explain (option root)", n_roots);
    }
    w->root = root;
    size_t *stack = w->kids + m, top = 0;
    stack[top++] = root;
    w->depth[root] = 0;
    w->n_pre = 0;
    while (top) {
        size_t k = stack[--top];
        w->pre[w->n_pre++] = k;
        for (size_t c = w->kid_off[k + 1]; c-- > w->kid_off[k];) {
            stack[top++] = w->kids[c];
            w->depth[w->kids[c]] = w->depth[k] + 1;
        }
    }
    return EGDI_OK;
}

/* A unit by code, else by name. */
static egdi_status find_unit(const work *w, const char *text, size_t *out)
{
    if (egdi_plan_find_unit(w->plan, text, out) == EGDI_OK ||
        egdi_dataset_find_unit_by_name(w->data, text, out) == EGDI_OK)
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "explain: no unit '%s' in the data", text);
}

/* The other side: a unit (w->b) or the members of a group (w->member). The
 * root's scores are in w->buf and its ranks in w->ranks. */
static egdi_status versus(work *w)
{
    const char *rc = egdi_plan_node_code(w->plan, w->root);
    w->b = SIZE_MAX;
    if (w->o.versus == EGDI_VERSUS_UNIT) {
        egdi_status st = find_unit(w, w->o.versus_unit, &w->b);
        if (st != EGDI_OK)
            return st;
        if (w->b == w->a)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: unit '%s' is compared with itself",
                              egdi_plan_unit_code(w->plan, w->a));
        if (isnan(w->buf[w->b]))
            return egdi__fail(EGDI_ERR_DATA, "explain: unit '%s' has no '%s' score",
                              egdi_plan_unit_code(w->plan, w->b), rc);
    } else if (w->o.versus == EGDI_VERSUS_BEST) {
        for (size_t i = 0; i < w->n; i++)
            if (i != w->a && w->ranks[i] > 0 && (w->b == SIZE_MAX || w->ranks[i] < w->ranks[w->b]))
                w->b = i;
        if (w->b == SIZE_MAX)
            return egdi__fail(EGDI_ERR_DATA, "explain: no unit other than '%s' has a '%s' score",
                              egdi_plan_unit_code(w->plan, w->a), rc);
    }
    if (w->b != SIZE_MAX) {
        w->versus = egdi_plan_unit_code(w->plan, w->b);
        return EGDI_OK;
    }
    size_t j = SIZE_MAX, count = 0;
    const char *label = NULL;
    if (w->o.group_column) {
        egdi_column_kind kind = EGDI_COLUMN_NUMERIC;
        if (egdi_dataset_find_column(w->data, w->o.group_column, &j) != EGDI_OK ||
            egdi_dataset_column_kind(w->data, j, &kind) != EGDI_OK || kind != EGDI_COLUMN_LABEL)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "explain: the data has no label column '%s'",
                              w->o.group_column);
        label = w->o.group_label ? w->o.group_label : egdi_dataset_get_label(w->data, w->a, j);
        if (!*label)
            return egdi__fail(EGDI_ERR_DATA, "explain: unit '%s' has no '%s' label",
                              egdi_plan_unit_code(w->plan, w->a), w->o.group_column);
    }
    for (size_t i = 0; i < w->n; i++) {
        w->member[i] = !isnan(w->buf[i]) &&
                       (!label || strcmp(egdi_dataset_get_label(w->data, i, j), label) == 0);
        count += w->member[i];
    }
    if (!count)
        return egdi__fail(EGDI_ERR_DATA, "explain: no unit with a '%s' score has the %s '%s'",
                          rc, w->o.group_column, label);
    w->versus = label ? label : "World";
    return EGDI_OK;
}

/* One stage of node k for unit a and the other side: b's value or the mean of
 * the members, each of whom must have one (else the node's mean would not be
 * of the same units as its parent's, and the means would not add up). */
static egdi_status side_values(work *w, size_t k, egdi_stage stage, double *xa, double *xb)
{
    egdi_status st = egdi_eval_get_stage(w->ev, k, stage, w->buf, w->n);
    if (st != EGDI_OK)
        return st;
    *xa = w->buf[w->a];
    if (w->b != SIZE_MAX) {
        *xb = w->buf[w->b];
        return EGDI_OK;
    }
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i < w->n; i++) {
        if (!w->member[i])
            continue;
        if (isnan(w->buf[i]))
            return egdi__fail(EGDI_ERR_DATA, "explain: unit '%s' of the group has no value of "
                              "'%s', so the group's mean is not a mean of whole units",
                              egdi_plan_unit_code(w->plan, i), egdi_plan_node_code(w->plan, k));
        sum += w->buf[i];
        count++;
    }
    *xb = sum / (double)count;
    return EGDI_OK;
}

/* Scores (and, for aggregates, values before normalisation; for indicators,
 * the values the scores come from, after imputation) of every node below the
 * root, both sides. */
static egdi_status node_values(work *w)
{
    egdi_status st = EGDI_OK;
    for (size_t q = 0; q < w->n_pre && st == EGDI_OK; q++) {
        size_t k = w->pre[q];
        int leaf = egdi_index_node_is_indicator(w->idx, k) == 1;
        w->ta[k] = w->tb[k] = w->ia[k] = w->ib[k] = NAN;
        st = side_values(w, k, EGDI_STAGE_SCORE, &w->va[k], &w->vb[k]);
        if (st == EGDI_OK)
            st = leaf ? side_values(w, k, EGDI_STAGE_IMPUTED, &w->ia[k], &w->ib[k])
                      : side_values(w, k, EGDI_STAGE_TREATED, &w->ta[k], &w->tb[k]);
    }
    return st;
}

/* Slope of aggregate k's normalisation between the two sides. */
static double slope(work *w, size_t k)
{
    if (egdi_index_node_method(w->idx, k, EGDI_STEP_NORMALISE) == EGDI_NORM_NONE)
        return 1.0;
    if (w->ta[k] != w->tb[k])
        return (w->va[k] - w->vb[k]) / (w->ta[k] - w->tb[k]);
    /* equal values: the gap is 0 whatever the slope; take the affine map's
     * slope over the whole range, so that the children's terms read right */
    double tl = INFINITY, th = -INFINITY, *t = w->buf;
    size_t il = 0, ih = 0;
    if (egdi_eval_get_stage(w->ev, k, EGDI_STAGE_TREATED, t, w->n) != EGDI_OK)
        return 0;
    for (size_t i = 0; i < w->n; i++) {
        if (!isnan(t[i]) && t[i] < tl)
            tl = t[i], il = i;
        if (!isnan(t[i]) && t[i] > th)
            th = t[i], ih = i;
    }
    if (!(th > tl) || egdi_eval_get_stage(w->ev, k, EGDI_STAGE_SCORE, t, w->n) != EGDI_OK)
        return 0;
    return (t[ih] - t[il]) / (th - tl);
}

/* Check that aggregate k's value is the weighted mean of its children for a
 * side (x: va or vb, t: ta or tb, name: the unit's code or the group). */
static egdi_status check_mean(work *w, size_t k, const double *x, double t, const char *name)
{
    double mean = 0;
    for (size_t c = w->kid_off[k]; c < w->kid_off[k + 1]; c++) {
        size_t kid = w->kids[c];
        if (w->w[kid] == 0)
            continue;
        if (isnan(x[kid]))
            return egdi__fail(EGDI_ERR_UNSUPPORTED, "explain: node '%s' of unit '%s' has no "
                              "value of its child '%s', so its weights differ from the other "
                              "side's and the gap cannot be split exactly",
                              egdi_plan_node_code(w->plan, k), name,
                              egdi_plan_node_code(w->plan, kid));
        mean += w->w[kid] * x[kid];
    }
    double want = egdi_index_node_direction(w->idx, k) * mean;
    if (!(fabs(t - want) <= 1e-9 * (1 + fabs(want))))
        return egdi__fail(EGDI_ERR_UNSUPPORTED, "explain: node '%s' of unit '%s' is %.17g, not "
                          "the weighted mean of its children (%.17g): a cap clips it, and the "
                          "gap cannot be split exactly", egdi_plan_node_code(w->plan, k), name, t,
                          want);
    return EGDI_OK;
}

/* Refuse, before any computation, an aggregation under the root that a gap
 * does not split exactly for. */
static egdi_status check_linear(const work *w)
{
    for (size_t q = 0; q < w->n_pre; q++) {
        size_t k = w->pre[q];
        if (egdi_index_node_is_indicator(w->idx, k) == 1)
            continue;
        const char *code = egdi_index_node_code(w->idx, k);
        int agg = egdi_index_node_method(w->idx, k, EGDI_STEP_AGGREGATE);
        if (agg != EGDI_AGG_MEAN)
            return egdi__fail(EGDI_ERR_UNSUPPORTED, "explain: node '%s' aggregates with the %s; "
                              "a gap splits exactly into contributions only for weighted "
                              "arithmetic means", code,
                              agg == EGDI_AGG_GEOMEAN ? "weighted geometric mean"
                                                      : egdi_method_name(EGDI_STEP_AGGREGATE, agg));
        int norm = egdi_index_node_method(w->idx, k, EGDI_STEP_NORMALISE);
        if (norm < EGDI_NORM_NONE || norm > EGDI_NORM_FRACMAX)
            return egdi__fail(EGDI_ERR_UNSUPPORTED, "explain: node '%s' normalises with '%s', "
                              "which is not affine", code,
                              egdi_method_name(EGDI_STEP_NORMALISE, norm));
    }
    return EGDI_OK;
}

/* Weights within the parent and effective weights down the tree. */
static egdi_status decompose(work *w)
{
    w->w[w->root] = NAN;
    w->eff[w->root] = 1.0;
    for (size_t q = 0; q < w->n_pre; q++) {
        size_t k = w->pre[q];
        if (egdi_index_node_is_indicator(w->idx, k) == 1)
            continue;
        double total = 0;
        egdi_status st = EGDI_OK;
        for (size_t c = w->kid_off[k]; c < w->kid_off[k + 1] && st == EGDI_OK; c++) {
            st = egdi_eval_get_weight(w->ev, w->kids[c], &w->w[w->kids[c]]);
            total += w->w[w->kids[c]];
        }
        for (size_t c = w->kid_off[k]; c < w->kid_off[k + 1] && st == EGDI_OK; c++)
            w->w[w->kids[c]] /= total;
        st = st ? st : check_mean(w, k, w->va, w->ta[k], egdi_plan_unit_code(w->plan, w->a));
        st = st ? st : check_mean(w, k, w->vb, w->tb[k], w->versus);
        if (st != EGDI_OK)
            return st;
        double f = w->eff[k] * slope(w, k) * egdi_index_node_direction(w->idx, k);
        for (size_t c = w->kid_off[k]; c < w->kid_off[k + 1]; c++)
            w->eff[w->kids[c]] = f * w->w[w->kids[c]];
    }
    return EGDI_OK;
}

/* A new table whose rows are the subtree's nodes, with the columns below. */
static egdi_status new_table(const work *w, egdi_dataset **out, const char **labels)
{
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    for (size_t q = 0; q < w->n_pre && st == EGDI_OK; q++)
        st = egdi_dataset_add_unit(ds, egdi_index_node_code(w->idx, w->pre[q]),
                                   egdi_index_node_name(w->idx, w->pre[q]), NULL);
    for (size_t q = 0; q < w->n_pre; q++)
        labels[q] = w->parent[w->pre[q]] >= 0 && w->pre[q] != w->root
                        ? egdi_index_node_code(w->idx, (size_t)w->parent[w->pre[q]]) : NULL;
    st = st ? st : egdi_dataset_add_labels(ds, "parent", labels, w->n_pre);
    for (size_t q = 0; q < w->n_pre; q++)
        labels[q] = egdi_plan_unit_code(w->plan, w->a);
    st = st ? st : egdi_dataset_add_labels(ds, "unit", labels, w->n_pre);
    *out = ds;
    return st;
}

/* The numeric columns of the two tables, by name: node k's value. */
static double cell(const work *w, size_t k, const char *col)
{
    double gap = w->va[k] - w->vb[k], root_gap = w->va[w->root] - w->vb[w->root];
    double contribution = w->eff[k] == 0 ? 0 : w->eff[k] * gap;
    int ranked = w->rank[k] > 0, overall = w->rank[w->root];
    static const char *const names[] = {
        "depth", "weight", "effective_weight", "value_a", "value_b", "gap", "contribution",
        "share", "input_a", "input_b", "value", "rank", "n_ranked", "overall_rank",
        "difference"};
    const double v[] = {
        w->depth[k], w->w[k], w->eff[k], w->va[k], w->vb[k], gap, contribution,
        root_gap == 0 ? NAN : contribution / root_gap, w->ia[k], w->ib[k], w->va[k],
        ranked ? w->rank[k] : NAN, w->n_ranked[k], overall,
        ranked ? (double)(overall - w->rank[k]) : NAN};
    for (size_t c = 0; c < sizeof names / sizeof *names; c++)
        if (strcmp(col, names[c]) == 0)
            return v[c];
    return NAN;
}

egdi_status egdi__explain_table(const work *w, egdi_dataset **out, const char *extra,
                                const char **extra_labels, const char *const *cols,
                                size_t n_cols, const char **labels, double *tmp)
{
    egdi_status st = new_table(w, out, labels);
    st = st ? st : egdi_dataset_add_labels(*out, extra, extra_labels, w->n_pre);
    for (size_t c = 0; c < n_cols && st == EGDI_OK; c++) {
        for (size_t q = 0; q < w->n_pre; q++)
            tmp[q] = cell(w, w->pre[q], cols[c]);
        st = egdi_dataset_add_numeric(*out, cols[c], tmp, w->n_pre);
    }
    return st;
}

static egdi_status gap_table(work *w, egdi_dataset **out, const char **labels, double *tmp)
{
    static const char *const cols[] = {"depth", "weight", "effective_weight", "value_a",
                                       "value_b", "gap", "contribution", "share", "input_a",
                                       "input_b"};
    const char **versus = labels + w->n_pre;
    for (size_t q = 0; q < w->n_pre; q++)
        versus[q] = w->versus;
    return egdi__explain_table(w, out, "versus", versus, cols, sizeof cols / sizeof *cols,
                               labels, tmp);
}

static egdi_status check_options(const egdi_explain_options *o)
{
    if (o->versus != EGDI_VERSUS_MEAN && o->versus != EGDI_VERSUS_UNIT &&
        o->versus != EGDI_VERSUS_BEST)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: unknown versus %d", (int)o->versus);
    if (o->versus == EGDI_VERSUS_UNIT && !o->versus_unit)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: versus a unit needs versus_unit");
    if (o->rank_decimals < -2 || o->rank_decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: rank_decimals %d is not -2..15",
                          o->rank_decimals);
    if (o->min_rank_gap < 1)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "explain: min_rank_gap %d is not >= 1",
                          o->min_rank_gap);
    return EGDI_OK;
}

egdi_status egdi_explain(const egdi_index *idx, const egdi_dataset *data, const char *unit,
                         const egdi_explain_options *opts, egdi_dataset **gap,
                         egdi_dataset **strengths)
{
    EGDI_CHECK_ARG(idx && data && unit && (gap || strengths), "idx/data/unit/gap|strengths");
    work w;
    memset(&w, 0, sizeof w);
    w.idx = idx, w.data = data;
    egdi_explain_options d;
    defaults(&d);
    egdi_status st = egdi__versioned_read(&w.o, &d, opts, options_sizes, N_OPTION_VERSIONS,
                                          "egdi_explain_options");
    st = st ? st : check_options(&w.o);
    if (st == EGDI_OK && w.o.rank_decimals == -2)
        w.o.rank_decimals = -1;
    /* plan positions are the index's nodes and the dataset's units */
    w.n = egdi_dataset_n_units(data), w.m = egdi_index_n_nodes(idx);
    st = st ? st : work_alloc(&w);
    st = st ? st : tree(&w);
    if (st == EGDI_OK && gap)
        st = check_linear(&w);
    st = st ? st : egdi_plan_new(idx, data, &w.plan);
    st = st ? st : egdi_eval_new(w.plan, &w.ev);
    st = st ? st : egdi_eval_run(w.ev);
    st = st ? st : find_unit(&w, unit, &w.a);
    st = st ? st : egdi_eval_get_scores(w.ev, w.root, w.buf, w.n);
    if (st == EGDI_OK && isnan(w.buf[w.a]))
        st = egdi__fail(EGDI_ERR_DATA, "explain: unit '%s' has no '%s' score (a value it needs "
                        "is missing)", egdi_plan_unit_code(w.plan, w.a),
                        egdi_plan_node_code(w.plan, w.root));
    st = st ? st : egdi_eval_rank(w.ev, w.root, w.o.rank_decimals, w.ranks, w.n);
    st = st ? st : versus(&w);
    st = st ? st : node_values(&w);
    if (st == EGDI_OK && gap)
        st = decompose(&w);
    if (st == EGDI_OK && strengths)
        st = egdi__explain_ranks(&w);
    const char **labels = st == EGDI_OK ? egdi__mallocarray(2 * w.n_pre + w.m, sizeof *labels) : NULL;
    double *tmp = st == EGDI_OK ? egdi__mallocarray(w.n_pre, sizeof *tmp) : NULL;
    if (st == EGDI_OK && (!labels || !tmp))
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_dataset *g = NULL, *s = NULL;
    if (st == EGDI_OK && gap)
        st = gap_table(&w, &g, labels, tmp);
    if (st == EGDI_OK && strengths)
        st = egdi__explain_strengths(&w, &s, labels, tmp);
    free(labels);
    free(tmp);
    work_free(&w);
    if (st != EGDI_OK) {
        egdi_dataset_free(g);
        egdi_dataset_free(s);
        return st;
    }
    if (gap)
        *gap = g;
    if (strengths)
        *strengths = s;
    return EGDI_OK;
}

egdi_status egdi_survey_explain(int edition, egdi_survey_input input, const egdi_dataset *data,
                                const char *unit, const egdi_explain_options *opts,
                                egdi_dataset **gap, egdi_dataset **strengths)
{
    EGDI_CHECK_ARG(data && unit && (gap || strengths), "data/unit/gap|strengths");
    egdi_explain_options o, d;
    defaults(&d);
    egdi__survey_rules rules; /* the ranking table's, as it resolves them */
    egdi_status st = egdi__versioned_read(&o, &d, opts, options_sizes, N_OPTION_VERSIONS,
                                          "egdi_explain_options");
    st = st ? st : check_options(&o);
    st = st ? st : egdi__survey_rules_resolve(edition, o.survey, &rules);
    if (st == EGDI_OK && o.rank_decimals == -2)
        o.rank_decimals = rules.info.rank_decimals;
    /* the index and the units the ranking table computes; the data refused as
     * it refuses it */
    egdi_index *idx = NULL;
    egdi_dataset *sub = NULL;
    size_t row;
    st = st ? st : egdi__survey_prepare(&rules, input, data, &idx, &sub, NULL);
    if (st == EGDI_OK && sub && egdi_dataset_find_unit(sub, unit, &row) != EGDI_OK &&
        egdi_dataset_find_unit_by_name(sub, unit, &row) != EGDI_OK &&
        (egdi_dataset_find_unit(data, unit, &row) == EGDI_OK ||
         egdi_dataset_find_unit_by_name(data, unit, &row) == EGDI_OK))
        st = egdi__fail(EGDI_ERR_DATA, "explain: unit '%s' is not assessed: it has no value for "
                        "any indicator", unit);
    st = st ? st : egdi_explain(idx, sub ? sub : data, unit, &o, gap, strengths);
    egdi_dataset_free(sub);
    egdi_index_free(idx);
    return st;
}
