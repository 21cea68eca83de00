/* Optimised weights (COINr's get_opt_weights): the weights of one level's
 * nodes such that their correlations with their root meet a goal, found by
 * GSL's Nelder-Mead simplex, re-aggregating the index through a plan and one
 * evaluation context (a weight change re-aggregates only the ancestors). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_multimin.h>

#include "analysis/analysis.h"
#include "model/model.h"

#define DEFAULT_TOLERANCE 1e-6
#define PENALTY 1e10 /* a trial whose correlations are not defined */

static const size_t options_sizes[] = {0, sizeof(egdi_weights_opt_options)};
static const size_t report_sizes[] = {0, sizeof(egdi_weights_opt_report)};

static void option_defaults(egdi_weights_opt_options *o)
{
    egdi_weights_opt_options d = EGDI_WEIGHTS_OPT_OPTIONS_INIT;
    *o = d;
}

egdi_status egdi_weights_opt_options_init_version(egdi_weights_opt_options *opts,
                                                  unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_weights_opt_options d;
    option_defaults(&d);
    return egdi__versioned_init(opts, &d, options_sizes, 2, version,
                                "egdi_weights_opt_options");
}

typedef struct opt_ctx {
    egdi_eval *ev;
    size_t m, n_units;
    const size_t *nodes;  /* the level's nodes (index = plan positions) */
    const size_t *roots;  /* the root of each */
    const double *target; /* normalised */
    egdi_opt_goal goal;
    double *w, *a, *b, *corr; /* m, n_units, n_units, m */
    egdi__corr_ws ws;         /* the Pearson kernel's (correlate.c), n_units */
    size_t evaluations;
    egdi_status failed;   /* the first evaluation's error, if any */
} opt_ctx;

/* Set the weights |x| / sum |x|, re-aggregate, correlate; the objective. */
static double objective(const gsl_vector *x, void *params)
{
    opt_ctx *c = params;
    c->evaluations++;
    double sum = 0;
    for (size_t i = 0; i < c->m; i++)
        sum += fabs(gsl_vector_get(x, i));
    if (!(sum > 0) || !isfinite(sum))
        return PENALTY;
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < c->m && st == EGDI_OK; i++) {
        c->w[i] = fabs(gsl_vector_get(x, i)) / sum;
        st = egdi_eval_set_weight(c->ev, c->nodes[i], c->w[i]);
    }
    if (st == EGDI_OK)
        st = egdi_eval_run(c->ev);
    double csum = 0;
    for (size_t i = 0; i < c->m && st == EGDI_OK; i++) {
        size_t pairs;
        st = egdi_eval_get_scores(c->ev, c->nodes[i], c->a, c->n_units);
        if (st == EGDI_OK && (i == 0 || c->roots[i] != c->roots[i - 1])) /* b: that root's */
            st = egdi_eval_get_scores(c->ev, c->roots[i], c->b, c->n_units);
        c->corr[i] = NAN;
        if (st == EGDI_OK)
            egdi__correlation(&c->ws, c->a, c->b, c->n_units, EGDI_CORR_PEARSON, &c->corr[i],
                              NULL, &pairs);
        csum += c->corr[i];
    }
    if (st != EGDI_OK) {
        if (c->failed == EGDI_OK)
            c->failed = st;
        return PENALTY;
    }
    if (!isfinite(csum))
        return PENALTY;
    /* the weights do not depend on the scale of x: (sum |x| - 1)^2, zero on
     * the search's own scale, removes that flat direction so that the simplex
     * can shrink */
    double scale = (sum - 1) * (sum - 1);
    if (c->goal == EGDI_OPT_INFOMAX)
        return isfinite(scale) ? -csum + scale : PENALTY;
    if (csum == 0)
        return PENALTY;
    double ss = 0;
    for (size_t i = 0; i < c->m; i++) {
        double d = c->target[i] - c->corr[i] / csum;
        ss += d * d;
    }
    double mse = ss / (double)c->m;
    double f = log(mse > DBL_MIN ? mse : DBL_MIN) + scale;
    return isfinite(f) ? f : PENALTY; /* GSL's simplex stops the process on a non-finite value */
}

/* The level's nodes (node order) and their roots. */
static egdi_status level_nodes(const egdi_index *idx, int level, size_t *nodes, size_t *roots,
                               size_t *m)
{
    size_t nn = idx->n_nodes;
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    size_t *root = egdi__mallocarray(nn, sizeof *root);
    if (!lev || !root) {
        free(lev);
        free(root);
        return egdi__fail(EGDI_ERR_NOMEM, "optimised weights: out of memory");
    }
    egdi__index_levels(idx, lev);
    *m = 0;
    for (size_t k = 0; k < nn; k++) {
        long p = idx->nodes[k].parent;
        root[k] = p < 0 ? k : root[p];
        if (lev[k] == level && p >= 0) {
            nodes[*m] = k;
            roots[(*m)++] = root[k];
        }
    }
    free(lev);
    free(root);
    if (*m < 2)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "optimised weights: %zu node(s) with a parent at level %d; at least 2 "
                          "needed",
                          *m, level);
    return EGDI_OK;
}

/* v (n entries, >= 0, finite, not all 0) / its sum into out. */
static egdi_status normalised(const double *v, size_t n, size_t want, const char *what,
                              double *out)
{
    if (n != want)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "optimised weights: %zu %s for %zu nodes", n,
                          what, want);
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(v[i] >= 0) || !isfinite(v[i]))
            return egdi__fail(EGDI_ERR_INVALID_ARG,
                              "optimised weights: %s %zu (%g) is not a finite number >= 0",
                              what, i + 1, v[i]);
        s += v[i];
    }
    if (!(s > 0))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "optimised weights: the %s are all 0", what);
    for (size_t i = 0; i < n; i++)
        out[i] = v[i] / s;
    return EGDI_OK;
}

static egdi_status details_table(const egdi_index *idx, const opt_ctx *c, const double *start,
                                 egdi_dataset **out)
{
    const char **codes = egdi__mallocarray(c->m, sizeof *codes);
    double *share = egdi__mallocarray(c->m, sizeof *share);
    egdi_status st = codes && share ? EGDI_OK
                     : egdi__fail(EGDI_ERR_NOMEM, "optimised weights: out of memory");
    double csum = 0;
    for (size_t i = 0; st == EGDI_OK && i < c->m; i++) {
        codes[i] = idx->nodes[c->nodes[i]].code;
        csum += c->corr[i];
    }
    for (size_t i = 0; st == EGDI_OK && i < c->m; i++)
        share[i] = c->corr[i] / csum;
    if (st == EGDI_OK)
        st = egdi_dataset_new(out);
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(*out, codes, NULL, c->m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(*out, "Target", c->target, c->m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(*out, "Start", start, c->m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(*out, "Weight", c->w, c->m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(*out, "Correlation", c->corr, c->m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(*out, "Share", share, c->m);
    free(codes);
    free(share);
    return st;
}

egdi_status egdi_weights_optimise(const egdi_index *idx, const egdi_dataset *data,
                                  const egdi_weights_opt_options *opts, double *weights,
                                  size_t n, egdi_weights_opt_report *report,
                                  egdi_dataset **details)
{
    if (details)
        *details = NULL;
    EGDI_CHECK_ARG(idx && data && weights, "idx/data/weights");
    if (n != idx->n_nodes)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: %zu weights for %zu nodes", __func__, n,
                          idx->n_nodes);
    if (report) {
        unsigned v = egdi__struct_version(report);
        if (v == 0 || v >= 2)
            return egdi__fail(EGDI_ERR_INVALID_ARG,
                              "egdi_weights_opt_report: version %u, expected 1", v);
    }
    egdi_weights_opt_options o, d;
    option_defaults(&d);
    egdi_status st = egdi__versioned_read(&o, &d, opts, options_sizes, 2,
                                          "egdi_weights_opt_options");
    if (st != EGDI_OK)
        return st;
    if (o.goal != EGDI_OPT_BALANCE && o.goal != EGDI_OPT_INFOMAX)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "optimised weights: unknown goal %d", (int)o.goal);
    double tol = o.tolerance == 0 ? DEFAULT_TOLERANCE : o.tolerance;
    if (!(tol > 0) || !isfinite(tol))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "optimised weights: tolerance %g is not > 0", tol);

    size_t nn = idx->n_nodes, nu = egdi_dataset_n_units(data), m = 0;
    size_t *nodes = egdi__mallocarray(2 * nn, sizeof *nodes);
    double *buf = egdi__mallocarray(6 * nn + 2 * nu + 1, sizeof *buf);
    egdi_plan *plan = NULL;
    opt_ctx c;
    memset(&c, 0, sizeof c);
    gsl_multimin_fminimizer *mz = NULL;
    if (!nodes || !buf)
        st = egdi__fail(EGDI_ERR_NOMEM, "optimised weights: out of memory");
    if (st == EGDI_OK)
        st = level_nodes(idx, o.level, nodes, nodes + nn, &m);
    /* buf: target, start, x (gsl), step (gsl), w, corr (m each), a, b (n_units each) */
    double *target = buf, *start = buf + nn, *xs = buf + 2 * nn, *steps = buf + 3 * nn;
    c.w = buf + 4 * nn;
    c.corr = buf + 5 * nn;
    c.a = buf + 6 * nn;
    c.b = c.a + nu;
    if (st == EGDI_OK) {
        if (o.targets) {
            st = normalised(o.targets, o.n_targets, m, "targets", target);
        } else {
            for (size_t i = 0; i < m; i++)
                target[i] = 1.0 / (double)m;
        }
    }
    if (st == EGDI_OK) {
        if (o.start) {
            st = normalised(o.start, o.n_start, m, "starting weights", start);
        } else if (o.goal == EGDI_OPT_BALANCE) {
            memcpy(start, target, m * sizeof *start);
        } else {
            double s = 0;
            for (size_t i = 0; i < m; i++)
                s += start[i] = idx->nodes[nodes[i]].weight;
            for (size_t i = 0; i < m && s > 0; i++)
                start[i] /= s;
        }
    }
    if (st == EGDI_OK)
        st = egdi_plan_new(idx, data, &plan);
    if (st == EGDI_OK)
        st = egdi_eval_new(plan, &c.ev);
    if (st == EGDI_OK)
        st = egdi__corr_ws_init(&c.ws, nu);
    c.m = m;
    c.n_units = nu;
    c.nodes = nodes;
    c.roots = nodes + nn;
    c.target = target;
    c.goal = o.goal;
    gsl_vector_view xv = gsl_vector_view_array(xs, m ? m : 1);
    gsl_vector_view sv = gsl_vector_view_array(steps, m ? m : 1);
    double f0 = 0, fbest = 0, size = 0;
    size_t iter = 0;
    int converged = 0;
    if (st == EGDI_OK) {
        double big = 0;
        for (size_t i = 0; i < m; i++) {
            xs[i] = start[i];
            big = start[i] > big ? start[i] : big;
        }
        for (size_t i = 0; i < m; i++)
            steps[i] = 0.1 * big; /* as R's optim: 10% of the largest start value */
        f0 = fbest = objective(&xv.vector, &c);
        if (c.failed != EGDI_OK) {
            st = c.failed;
            egdi__error_prefix("optimised weights, at the start: ");
        } else if (f0 >= PENALTY) {
            st = egdi__fail(EGDI_ERR_DATA,
                            "optimised weights: a correlation at level %d is not defined at the "
                            "start (a constant aggregate)",
                            o.level);
        }
    }
    if (st == EGDI_OK && o.max_iter > 0) {
        mz = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, m);
        gsl_multimin_function fn = {objective, m, &c};
        if (!mz || gsl_multimin_fminimizer_set(mz, &fn, &xv.vector, &sv.vector) != GSL_SUCCESS)
            st = egdi__fail(EGDI_ERR_NOMEM, "optimised weights: the simplex could not be set up");
        while (st == EGDI_OK && iter < o.max_iter) {
            iter++;
            if (gsl_multimin_fminimizer_iterate(mz) != GSL_SUCCESS)
                break; /* no further progress possible */
            size = gsl_multimin_fminimizer_size(mz);
            if (gsl_multimin_test_size(size, tol) == GSL_SUCCESS) {
                converged = 1;
                break;
            }
        }
        if (st == EGDI_OK) { /* re-evaluate at the best point: weights and correlations */
            gsl_vector_memcpy(&xv.vector, gsl_multimin_fminimizer_x(mz));
            fbest = objective(&xv.vector, &c);
        }
    }
    if (st == EGDI_OK && details)
        st = details_table(idx, &c, start, details);
    if (st == EGDI_OK) {
        for (size_t k = 0; k < n; k++)
            weights[k] = NAN;
        for (size_t i = 0; i < m; i++)
            weights[nodes[i]] = c.w[i];
        if (report) {
            egdi_weights_opt_report r;
            memset(&r, 0, sizeof r);
            r.version = EGDI_WEIGHTS_OPT_REPORT_VERSION;
            r.converged = converged;
            r.iterations = iter;
            r.evaluations = c.evaluations;
            r.start_objective = f0;
            r.objective = fbest;
            r.size = size;
            st = egdi__versioned_write(report, &r, report_sizes, 2, "egdi_weights_opt_report");
        }
    }
    if (st != EGDI_OK && details) {
        egdi_dataset_free(*details);
        *details = NULL;
    }
    if (mz)
        gsl_multimin_fminimizer_free(mz);
    egdi__corr_ws_free(&c.ws);
    egdi_eval_free(c.ev);
    egdi_plan_free(plan);
    free(nodes);
    free(buf);
    return st;
}
