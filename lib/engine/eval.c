/* Evaluation contexts: every buffer that changes, allocated once, and the
 * dirty-path recomputation. Per node the values pass through stage buffers:
 *
 *   indicator: in -> (impute) -> pre -> (caps, outlier treatment, direction) -> raw
 *              -> (normalise) -> score
 *   aggregate: children's scores -> (aggregate) -> raw -> (caps, direction, in place)
 *              -> (normalise) -> score
 *
 * A stage that leaves the values as they are shares its input's buffer, so
 * a node without imputation, caps, direction -1 or normalisation costs no
 * copy. run() and rank() allocate nothing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct egdi_eval {
    const egdi_plan *plan;
    double *weights;          /* current weight of every node */
    double *in;               /* n_ind x n: current inputs */
    double **pre, **raw, **score;
    unsigned char **flags;    /* imputed cells of imputing indicators, else NULL */
    double *fitted;
    unsigned char *dirty;     /* must be recomputed */
    unsigned char *fresh;     /* its buffers hold the current result */
    double *work;
    size_t *iwork;
    const double **kidbuf;
    double *kidw;
    egdi__kv *rank_ws;        /* 2 n */
    size_t *rank_order;       /* the last ranking's order, where the next sort starts */
    size_t rank_node;         /* the node it belongs to */
    double *values;           /* the stage buffers */
    unsigned char *flag_block;
    unsigned char **pts;      /* point labels of treating indicators, else NULL */
    egdi__treat_report *treat_rep; /* per node */
    unsigned char *pts_block;
};

void egdi_eval_free(egdi_eval *ev)
{
    if (!ev)
        return;
    free(ev->weights);
    free(ev->in);
    free(ev->pre);
    free(ev->raw);
    free(ev->score);
    free(ev->flags);
    free(ev->fitted);
    free(ev->dirty);
    free(ev->fresh);
    free(ev->work);
    free(ev->iwork);
    free(ev->kidbuf);
    free(ev->kidw);
    free(ev->rank_ws);
    free(ev->rank_order);
    free(ev->values);
    free(ev->flag_block);
    free(ev->pts);
    free(ev->treat_rep);
    free(ev->pts_block);
    free(ev);
}

static int imputes(const egdi__pnode *d)
{
    return d->m[EGDI_STEP_IMPUTE]->id != EGDI_IMPUTE_NONE;
}

static int normalises(const egdi__pnode *d)
{
    return d->m[EGDI_STEP_NORMALISE]->id != EGDI_NORM_NONE;
}

egdi_status egdi_eval_reset(egdi_eval *ev)
{
    EGDI_CHECK_ARG(ev, "ev");
    const egdi_plan *p = ev->plan;
    for (size_t k = 0; k < p->n_nodes; k++) {
        ev->weights[k] = p->nodes[k].weight;
        ev->dirty[k] = 1;
        ev->fresh[k] = 0;
    }
    if (p->n_ind && p->n_units)
        memcpy(ev->in, p->data, p->n_ind * p->n_units * sizeof *ev->in);
    return EGDI_OK;
}

egdi_status egdi_eval_new(const egdi_plan *p, egdi_eval **out)
{
    EGDI_CHECK_ARG(p && out, "plan/out");
    size_t n = p->n_units, nn = p->n_nodes;
    /* count the buffers the stages need */
    size_t n_buf = 0, n_flag = 0, n_pts = 0;
    for (size_t k = 0; k < nn; k++) {
        const egdi__pnode *d = &p->nodes[k];
        if (d->is_indicator) {
            n_buf += imputes(d) + d->treats;
            n_flag += imputes(d);
            n_pts += d->treat_id != 0;
        } else {
            n_buf += 1;
        }
        n_buf += normalises(d);
    }
    egdi_eval *ev = calloc(1, sizeof *ev);
    if (!ev)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    ev->plan = p;
    ev->weights = egdi__mallocarray(nn, sizeof *ev->weights);
    ev->in = egdi__mallocarray(p->n_ind, n * sizeof *ev->in);
    ev->pre = calloc(nn ? nn : 1, sizeof *ev->pre);
    ev->raw = calloc(nn ? nn : 1, sizeof *ev->raw);
    ev->score = calloc(nn ? nn : 1, sizeof *ev->score);
    ev->flags = calloc(nn ? nn : 1, sizeof *ev->flags);
    ev->fitted = egdi__mallocarray(p->fitted_capacity, sizeof *ev->fitted);
    ev->dirty = malloc(nn ? nn : 1);
    ev->fresh = malloc(nn ? nn : 1);
    ev->work = egdi__mallocarray(egdi__work_size(n, p->max_groups), sizeof *ev->work);
    ev->iwork = egdi__mallocarray(egdi__iwork_size(p->max_groups), sizeof *ev->iwork);
    ev->kidbuf = egdi__mallocarray(p->max_kids, sizeof *ev->kidbuf);
    ev->kidw = egdi__mallocarray(p->max_kids, sizeof *ev->kidw);
    ev->rank_ws = egdi__mallocarray(n, 2 * sizeof *ev->rank_ws);
    ev->rank_order = egdi__mallocarray(n, sizeof *ev->rank_order);
    ev->values = egdi__mallocarray(n_buf, n * sizeof *ev->values);
    ev->flag_block = egdi__mallocarray(n_flag, n);
    ev->pts = calloc(nn ? nn : 1, sizeof *ev->pts);
    ev->treat_rep = calloc(nn ? nn : 1, sizeof *ev->treat_rep);
    ev->pts_block = egdi__mallocarray(n_pts, n);
    int overflow = n && (p->n_ind > SIZE_MAX / sizeof(double) / n ||
                         n_buf > SIZE_MAX / sizeof(double) / n || n_flag > SIZE_MAX / n ||
                         n_pts > SIZE_MAX / n);
    if (overflow || !ev->weights || !ev->in || !ev->pre || !ev->raw || !ev->score || !ev->flags ||
        !ev->fitted || !ev->dirty || !ev->fresh || !ev->work || !ev->iwork || !ev->kidbuf ||
        !ev->kidw || !ev->rank_ws || !ev->rank_order || !ev->values || !ev->flag_block ||
        !ev->pts || !ev->treat_rep || !ev->pts_block) {
        egdi_eval_free(ev);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for an evaluation context of %zu nodes "
                          "x %zu units", nn, n);
    }
    /* hand out the buffers; identity stages share their input's buffer */
    double *next = ev->values;
    unsigned char *next_flag = ev->flag_block, *next_pts = ev->pts_block;
    for (size_t k = 0; k < nn; k++) {
        const egdi__pnode *d = &p->nodes[k];
        if (d->is_indicator && d->treat_id)
            ev->pts[k] = next_pts, next_pts += n;
        if (d->is_indicator) {
            double *in = ev->in + d->ind * n;
            ev->pre[k] = in;
            if (imputes(d)) {
                ev->pre[k] = next, next += n;
                ev->flags[k] = next_flag, next_flag += n;
            }
            ev->raw[k] = ev->pre[k];
            if (d->treats)
                ev->raw[k] = next, next += n;
        } else {
            ev->raw[k] = next, next += n;
        }
        ev->score[k] = ev->raw[k];
        if (normalises(d))
            ev->score[k] = next, next += n;
    }
    for (size_t i = 0; i < n; i++)
        ev->rank_order[i] = i;
    ev->rank_node = 0;
    egdi_eval_reset(ev);
    *out = ev;
    return EGDI_OK;
}

/* Mark node k changed: it and its ancestors are out of date. */
static void touch(egdi_eval *ev, size_t k, int from_self)
{
    const egdi_plan *p = ev->plan;
    long a = from_self ? (long)k : p->nodes[k].parent;
    if (a >= 0)
        ev->dirty[a] = 1;
    for (; a >= 0; a = p->nodes[a].parent)
        ev->fresh[a] = 0;
}

egdi_status egdi_eval_set_weight(egdi_eval *ev, size_t node, double weight)
{
    EGDI_CHECK_ARG(ev, "ev");
    const egdi_plan *p = ev->plan;
    if (node >= p->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (%zu nodes)", node, p->n_nodes);
    if (!isfinite(weight) || weight < 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s': weight %g must be finite and >= 0",
                          p->codes[node], weight);
    if (ev->weights[node] != weight) {
        ev->weights[node] = weight;
        touch(ev, node, 0);
    }
    return EGDI_OK;
}

egdi_status egdi_eval_get_weight(const egdi_eval *ev, size_t node, double *weight)
{
    EGDI_CHECK_ARG(ev && weight, "ev/weight");
    if (node >= ev->plan->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (%zu nodes)", node,
                          ev->plan->n_nodes);
    *weight = ev->weights[node];
    return EGDI_OK;
}

egdi_status egdi_eval_set_value(egdi_eval *ev, size_t unit, size_t node, double value)
{
    EGDI_CHECK_ARG(ev, "ev");
    const egdi_plan *p = ev->plan;
    if (node >= p->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (%zu nodes)", node, p->n_nodes);
    if (unit >= p->n_units)
        return egdi__fail(EGDI_ERR_RANGE, "node '%s': unit %zu out of range (%zu units)",
                          p->codes[node], unit, p->n_units);
    const egdi__pnode *d = &p->nodes[node];
    if (!d->is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s' is an aggregate; only an indicator's "
                          "input can be set", p->codes[node]);
    if (isinf(value))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "indicator '%s': unit '%s': value %g is not "
                          "finite", p->codes[node], p->unit_text + p->unit_off[unit], value);
    double *x = &ev->in[d->ind * p->n_units + unit];
    if (!(*x == value) && !(isnan(*x) && isnan(value))) {
        *x = value;
        touch(ev, node, 1);
    }
    return EGDI_OK;
}

egdi_status egdi_eval_set_values(egdi_eval *ev, size_t node, const double *values, size_t n)
{
    EGDI_CHECK_ARG(ev && (values || n == 0), "ev/values");
    const egdi_plan *p = ev->plan;
    if (node >= p->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (%zu nodes)", node, p->n_nodes);
    if (!p->nodes[node].is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s' is an aggregate; only an indicator's "
                          "input can be set", p->codes[node]);
    if (n != p->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "indicator '%s': %zu values for %zu units",
                          p->codes[node], n, p->n_units);
    for (size_t i = 0; i < n; i++)
        if (isinf(values[i]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "indicator '%s': unit '%s': value %g is not "
                              "finite", p->codes[node], p->unit_text + p->unit_off[i], values[i]);
    if (n)
        memcpy(ev->in + p->nodes[node].ind * n, values, n * sizeof *values);
    touch(ev, node, 1);
    return EGDI_OK;
}

/* Caps, then the outlier treatment (on the indicator's own scale, as COINr
 * treats before it applies directions), then the direction. */
static egdi_status treat(egdi_eval *ev, size_t k, const double *x, double *out,
                         const egdi__names *nm)
{
    const egdi__pnode *d = &ev->plan->nodes[k];
    size_t n = ev->plan->n_units;
    double *capped = d->treat_id ? ev->work : out; /* work: n doubles free between methods */
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (!isnan(v) && !isnan(d->cap_lo) && v < d->cap_lo)
            v = d->cap_lo;
        if (!isnan(v) && !isnan(d->cap_hi) && v > d->cap_hi)
            v = d->cap_hi;
        capped[i] = v;
    }
    if (d->treat_id) {
        egdi_status st = egdi__treat_apply(d->treat_id, d->treat_p, capped, out, ev->pts[k], n,
                                           &ev->treat_rep[k], nm);
        if (st != EGDI_OK)
            return st;
    }
    if (d->direction != 1)
        for (size_t i = 0; i < n; i++)
            out[i] = d->direction * out[i];
    return EGDI_OK;
}

/* Fit (if the method has statistics) and apply one method. */
static egdi_status run_method(egdi_eval *ev, const egdi__pnode *d, egdi_step s, egdi__args *a)
{
    const egdi__method *m = d->m[s];
    double *f = ev->fitted + d->fitted[s];
    a->params = d->p[s];
    egdi_status st = m->fit ? m->fit(a, f) : EGDI_OK;
    return st == EGDI_OK ? m->apply(a, f) : st;
}

static egdi_status eval_node(egdi_eval *ev, size_t k)
{
    const egdi_plan *p = ev->plan;
    const egdi__pnode *d = &p->nodes[k];
    size_t n = p->n_units;
    egdi__names nm = egdi__plan_names(p, k);
    egdi__args a;
    memset(&a, 0, sizeof a);
    a.n = n;
    a.names = &nm;
    a.work = ev->work;
    a.iwork = ev->iwork;
    egdi_status st = EGDI_OK;
    const double *value;
    if (d->is_indicator) {
        if (imputes(d)) {
            a.x = ev->in + d->ind * n;
            a.out = ev->pre[k];
            a.groups = d->groups;
            a.n_groups = d->n_groups;
            a.flags = ev->flags[k];
            if ((st = run_method(ev, d, EGDI_STEP_IMPUTE, &a)) != EGDI_OK)
                return st;
        }
        value = ev->pre[k];
    } else {
        for (size_t c = 0; c < d->n_kids; c++) {
            size_t kid = p->kids[d->kid_start + c];
            ev->kidbuf[c] = ev->score[kid];
            ev->kidw[c] = ev->weights[kid];
        }
        a.kids = ev->kidbuf;
        a.weights = ev->kidw;
        a.n_kids = d->n_kids;
        a.min_share = d->min_share;
        a.out = ev->raw[k];
        if ((st = run_method(ev, d, EGDI_STEP_AGGREGATE, &a)) != EGDI_OK)
            return st;
        value = ev->raw[k];
    }
    if (d->treats && (st = treat(ev, k, value, ev->raw[k], &nm)) != EGDI_OK)
        return st;
    if (normalises(d)) {
        memset(&a, 0, sizeof a);
        a.n = n;
        a.names = &nm;
        a.work = ev->work;
        a.iwork = ev->iwork;
        a.x = ev->raw[k];
        a.out = ev->score[k];
        a.direction = d->direction; /* goalposts, targets, bounds: in the indicator's units */
        st = run_method(ev, d, EGDI_STEP_NORMALISE, &a);
    }
    return st;
}

egdi_status egdi_eval_run(egdi_eval *ev)
{
    EGDI_CHECK_ARG(ev, "ev");
    const egdi_plan *p = ev->plan;
    for (size_t o = 0; o < p->n_nodes; o++) {
        size_t k = p->order[o];
        if (!ev->dirty[k])
            continue;
        egdi_status st = eval_node(ev, k);
        if (st != EGDI_OK)
            return st;
        ev->dirty[k] = 0;
        ev->fresh[k] = 1;
        if (p->nodes[k].parent >= 0)
            ev->dirty[p->nodes[k].parent] = 1;
    }
    return EGDI_OK;
}

/* The buffer of a stage, after the checks every getter shares. */
static egdi_status stage_buffer(const egdi_eval *ev, size_t node, egdi_stage stage, size_t n,
                                const char *what, const double **out)
{
    EGDI_CHECK_ARG(ev, "ev");
    const egdi_plan *p = ev->plan;
    if (node >= p->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "%s: node %zu out of range (%zu nodes)", what, node,
                          p->n_nodes);
    if (n != p->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: node '%s': buffer of %zu for %zu units", what,
                          p->codes[node], n, p->n_units);
    const egdi__pnode *d = &p->nodes[node];
    if (!d->is_indicator && (stage == EGDI_STAGE_INPUT || stage == EGDI_STAGE_IMPUTED))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: node '%s' is an aggregate: it has no input "
                          "or imputation stage", what, p->codes[node]);
    if (stage == EGDI_STAGE_INPUT) {
        *out = ev->in + d->ind * n;
        return EGDI_OK;
    }
    if (!ev->fresh[node])
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: node '%s' has changed since the last "
                          "egdi_eval_run() (or was never computed); run first", what,
                          p->codes[node]);
    switch (stage) {
    case EGDI_STAGE_IMPUTED: *out = ev->pre[node]; return EGDI_OK;
    case EGDI_STAGE_TREATED: *out = ev->raw[node]; return EGDI_OK;
    case EGDI_STAGE_SCORE: *out = ev->score[node]; return EGDI_OK;
    default: break;
    }
    return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: unknown stage %d", what, (int)stage);
}

static egdi_status copy_stage(const egdi_eval *ev, size_t node, egdi_stage stage, double *out,
                              size_t n, const char *what)
{
    EGDI_CHECK_ARG(out || n == 0, "out");
    const double *src = NULL;
    egdi_status st = stage_buffer(ev, node, stage, n, what, &src);
    if (st == EGDI_OK && n)
        memcpy(out, src, n * sizeof *out);
    return st;
}

egdi_status egdi_eval_get_stage(const egdi_eval *ev, size_t node, egdi_stage stage, double *out,
                                size_t n)
{
    return copy_stage(ev, node, stage, out, n, "egdi_eval_get_stage");
}

egdi_status egdi_eval_get_scores(const egdi_eval *ev, size_t node, double *out, size_t n)
{
    return copy_stage(ev, node, EGDI_STAGE_SCORE, out, n, "egdi_eval_get_scores");
}

egdi_status egdi_eval_get_imputed(const egdi_eval *ev, size_t node, int *out, size_t n)
{
    EGDI_CHECK_ARG(out || n == 0, "out");
    const double *src = NULL;
    egdi_status st = stage_buffer(ev, node, EGDI_STAGE_IMPUTED, n, "egdi_eval_get_imputed", &src);
    if (st != EGDI_OK)
        return st;
    const unsigned char *f = ev->flags[node];
    for (size_t i = 0; i < n; i++)
        out[i] = f ? f[i] : 0;
    return EGDI_OK;
}

egdi_status egdi_eval_rank(egdi_eval *ev, size_t node, int decimals, int *ranks, size_t n)
{
    EGDI_CHECK_ARG(ranks || n == 0, "ranks");
    if (decimals < -1 || decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_eval_rank: decimals must be -1..15, not %d",
                          decimals);
    const double *x = NULL;
    egdi_status st = stage_buffer(ev, node, EGDI_STAGE_SCORE, n, "egdi_eval_rank", &x);
    if (st != EGDI_OK)
        return st;
    if (n > (size_t)INT32_MAX)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_eval_rank: %zu units; ranks are int", n);
    /* successive rankings of a node (Monte Carlo, what-if) reorder few units:
     * start from the last order; ties share a rank, so the start cannot change it */
    if (ev->rank_node != node) {
        for (size_t i = 0; i < n; i++)
            ev->rank_order[i] = i;
        ev->rank_node = node;
    }
    egdi__rank_warm(x, n, decimals, ranks, ev->rank_ws, ev->rank_order);
    return EGDI_OK;
}

egdi_status egdi__eval_treatment(const egdi_eval *ev, size_t node, const egdi__treat_report **rep,
                                 const unsigned char **pts)
{
    const double *buf;
    egdi_status st = stage_buffer(ev, node, EGDI_STAGE_TREATED, ev->plan->n_units,
                                  "treatment report", &buf);
    if (st != EGDI_OK)
        return st;
    *rep = &ev->treat_rep[node];
    *pts = ev->pts[node];
    return EGDI_OK;
}

const egdi_plan *egdi__eval_plan(const egdi_eval *ev) { return ev->plan; }
