/* The array-level functions (method.h: egdi_normalise_array,
 * egdi_aggregate_array, egdi_impute_array): run any registered method on
 * plain arrays, with the same parameters, checks and scratch a node of an
 * index gets. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"

/* ---- array-level methods: the registry's fit and apply on plain arrays ---- */

/* Values are finite or NaN (missing), as the index engine requires of its
 * data: an infinity is EGDI_ERR_DOMAIN naming the unit (1-based) and, for
 * row-major children (stride k > 1), the child. */
static egdi_status check_finite(const char *fn, const double *x, size_t n, size_t k)
{
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < k; c++)
            if (isinf(x[i * k + c])) {
                if (k > 1)
                    return egdi__fail(EGDI_ERR_DOMAIN, "%s: unit '%zu': child '%zu' is "
                                      "infinite (values are finite, or NaN for missing)", fn,
                                      i + 1, c + 1);
                return egdi__fail(EGDI_ERR_DOMAIN, "%s: unit '%zu' is infinite (values are "
                                  "finite, or NaN for missing)", fn, i + 1);
            }
    return EGDI_OK;
}

/* What one call needs besides the caller's arrays, allocated once. */
typedef struct array_run {
    char *text;         /* "1\0" "2\0" ...: names of units and children */
    size_t *off;
    const char **kids;  /* children's names */
    double *work, *fitted, *p;
    size_t *iwork;
    double params[EGDI__MAX_PARAMS];
} array_run;

static void array_free(array_run *r)
{
    free(r->text);
    free(r->off);
    free(r->kids);
    free(r->work);
    free(r->fitted);
    free(r->iwork);
}

/* Look the method up, check its parameters, allocate the scratch the engine
 * gives a node (egdi__work_size, egdi__iwork_size). */
static egdi_status array_prepare(egdi_step step, int method, const double *params,
                                 size_t n_params, size_t n, size_t n_kids, size_t n_groups,
                                 array_run *r, const egdi__method **out)
{
    memset(r, 0, sizeof *r);
    const egdi__method *m = egdi__method_get(step, method);
    if (!m) {
        char names[256];
        return egdi__fail(EGDI_ERR_INVALID_ARG, "no %s method %d (%s)", egdi_step_name(step),
                          method, egdi__method_names(step, names, sizeof names));
    }
    EGDI_CHECK_ARG(params || n_params == 0, "params");
    egdi_status st = egdi__method_params(m, params, n_params, "array", r->params);
    if (st != EGDI_OK)
        return st;
    size_t n_names = n > n_kids ? n : n_kids;
    size_t n_fit = egdi__method_fitted_size(m, n_groups);
    r->text = egdi__mallocarray(n_names ? n_names : 1, 21);
    r->off = egdi__mallocarray(n_names ? n_names : 1, sizeof *r->off);
    r->kids = egdi__mallocarray(n_kids ? n_kids : 1, sizeof *r->kids);
    r->work = egdi__mallocarray(egdi__work_size(n, n_groups), sizeof *r->work);
    r->fitted = egdi__mallocarray(n_fit ? n_fit : 1, sizeof *r->fitted);
    r->iwork = egdi__mallocarray(egdi__iwork_size(n_groups), sizeof *r->iwork);
    if (!r->text || !r->off || !r->kids || !r->work || !r->fitted || !r->iwork) {
        array_free(r);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %s of %zu values",
                          egdi_step_name(step), n);
    }
    size_t used = 0;
    for (size_t i = 0; i < n_names; i++) {
        r->off[i] = used;
        used += (size_t)snprintf(r->text + used, 21, "%zu", i + 1) + 1;
    }
    for (size_t c = 0; c < n_kids; c++)
        r->kids[c] = r->text + r->off[c];
    *out = m;
    return EGDI_OK;
}

static egdi_status array_run_method(const egdi__method *m, egdi__args *a, array_run *r)
{
    egdi__names nm = {"array", r->kids, r->text, r->off};
    a->names = &nm;
    a->params = r->params;
    a->work = r->work;
    a->iwork = r->iwork;
    egdi_status st = m->fit ? m->fit(a, r->fitted) : EGDI_OK;
    if (st == EGDI_OK)
        st = m->apply(a, r->fitted);
    a->names = NULL;
    return st;
}

egdi_status egdi_normalise_array(int method, const double *params, size_t n_params,
                                 int direction, const double *x, size_t n, double *out)
{
    EGDI_CHECK_ARG((x && out) || n == 0, "x/out");
    if (direction != 1 && direction != -1)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_normalise_array: direction must be +1 or "
                          "-1, not %d", direction);
    egdi_status fin = check_finite("egdi_normalise_array", x, n, 1);
    if (fin != EGDI_OK)
        return fin;
    array_run r;
    const egdi__method *m = NULL;
    egdi_status st = array_prepare(EGDI_STEP_NORMALISE, method, params, n_params, n, 0, 0, &r,
                                   &m);
    if (st != EGDI_OK)
        return st;
    for (size_t i = 0; i < n; i++) /* as the engine's treat stage: direction first */
        out[i] = direction == 1 ? x[i] : -x[i];
    egdi__args a;
    memset(&a, 0, sizeof a);
    a.n = n;
    a.x = out;
    a.out = out;
    a.direction = direction;
    st = array_run_method(m, &a, &r);
    array_free(&r);
    return st;
}

egdi_status egdi_aggregate_array(int method, const double *params, size_t n_params,
                                 const double *values, size_t n, size_t n_kids,
                                 const double *weights, double *out)
{
    EGDI_CHECK_ARG((values && out) || n == 0, "values/out");
    if (n_kids == 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_aggregate_array: no children");
    for (size_t c = 0; weights && c < n_kids; c++)
        if (!(weights[c] >= 0) || isinf(weights[c]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_aggregate_array: weight %zu is %g (a "
                              "weight is finite and >= 0)", c + 1, weights[c]);
    if (n && n_kids > SIZE_MAX / sizeof(double) / n)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_aggregate_array: %zu x %zu values exceed the "
                          "address space", n, n_kids);
    egdi_status fin = check_finite("egdi_aggregate_array", values, n, n_kids);
    if (fin != EGDI_OK)
        return fin;
    array_run r;
    const egdi__method *m = NULL;
    egdi_status st = array_prepare(EGDI_STEP_AGGREGATE, method, params, n_params, n, n_kids, 0,
                                   &r, &m);
    if (st != EGDI_OK)
        return st;
    double *cols = egdi__mallocarray(n_kids, (n ? n : 1) * sizeof *cols);
    const double **kids = egdi__mallocarray(n_kids, sizeof *kids);
    double *w = egdi__mallocarray(n_kids, sizeof *w);
    if (!cols || !kids || !w) {
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu x %zu values", n, n_kids);
    } else {
        for (size_t c = 0; c < n_kids; c++) { /* row-major to the engine's columns */
            for (size_t i = 0; i < n; i++)
                cols[c * n + i] = values[i * n_kids + c];
            kids[c] = cols + c * n;
            w[c] = weights ? weights[c] : 1;
        }
        egdi__args a;
        memset(&a, 0, sizeof a);
        a.n = n;
        a.out = out;
        a.kids = kids;
        a.weights = w;
        a.n_kids = n_kids;
        a.min_share = 0;
        st = array_run_method(m, &a, &r);
    }
    free(cols);
    free(kids);
    free(w);
    array_free(&r);
    return st;
}

egdi_status egdi_impute_array(int method, const double *params, size_t n_params,
                              const double *x, size_t n, const int *groups, double *out,
                              int *imputed)
{
    EGDI_CHECK_ARG((x && out) || n == 0, "x/out");
    egdi_status fin = check_finite("egdi_impute_array", x, n, 1);
    if (fin != EGDI_OK)
        return fin;
    const egdi__method *m = egdi__method_get(EGDI_STEP_IMPUTE, method);
    int grouped = m && (m->flags & EGDI__M_USES_GROUPS);
    size_t n_groups = 0;
    if (m && grouped != (groups != NULL))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_impute_array: imputation %s %s", m->name,
                          grouped ? "needs the units' groups" : "takes no groups");
    for (size_t i = 0; groups && i < n; i++) {
        if (groups[i] < -1)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_impute_array: unit %zu has group %d "
                              "(groups are 0, 1, ... or -1 for none)", i + 1, groups[i]);
        if (groups[i] >= 0 && (size_t)groups[i] + 1 > n_groups)
            n_groups = (size_t)groups[i] + 1;
    }
    array_run r;
    egdi_status st = array_prepare(EGDI_STEP_IMPUTE, method, params, n_params, n, 0, n_groups,
                                   &r, &m);
    if (st != EGDI_OK)
        return st;
    unsigned char *flags = malloc(n ? n : 1);
    if (!flags) {
        array_free(&r);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu flags", n);
    }
    egdi__args a;
    memset(&a, 0, sizeof a);
    a.n = n;
    a.x = x;
    a.out = out;
    a.groups = groups;
    a.n_groups = n_groups;
    a.flags = flags;
    st = array_run_method(m, &a, &r);
    for (size_t i = 0; st == EGDI_OK && imputed && i < n; i++)
        imputed[i] = flags[i];
    free(flags);
    array_free(&r);
    return st;
}
