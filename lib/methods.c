/* Per-node methods. Each normaliser is one function in a table indexed by
 * egdi_norm, so a new method is one function plus one table entry. Statistics
 * come from GSL, on a compacted copy of the non-missing values. */
#include <math.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "internal.h"

/* Copy the non-missing values of x into work; return how many. */
static size_t compact(const double *x, size_t n, double *work)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            work[m++] = x[i];
    return m;
}

typedef egdi_status (*norm_fn)(const egdi__node *node, double *x, size_t n, double *work);

static egdi_status norm_none(const egdi__node *node, double *x, size_t n, double *work)
{
    (void)node, (void)x, (void)n, (void)work;
    return EGDI_OK;
}

static egdi_status norm_zscore(const egdi__node *node, double *x, size_t n, double *work)
{
    size_t m = compact(x, n, work);
    if (m < 2)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': z-score needs at least 2 values, got %zu",
                          node->code, m);
    double mean = gsl_stats_mean(work, 1, m);
    /* population sd: GSL's "fixed mean" variance divides by m */
    double sd = sqrt(gsl_stats_variance_with_fixed_mean(work, 1, m, mean));
    if (!(sd > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': z-score of values with zero standard "
                          "deviation (all %zu values are %g)", node->code, m, mean);
    double tm = node->norm_params[0], ts = node->norm_params[1];
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            x[i] = tm + ts * (x[i] - mean) / sd;
    return EGDI_OK;
}

static egdi_status norm_minmax(const egdi__node *node, double *x, size_t n, double *work)
{
    size_t m = compact(x, n, work);
    if (m < 2)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': min-max needs at least 2 values, got %zu",
                          node->code, m);
    double lo, hi;
    gsl_stats_minmax(&lo, &hi, work, 1, m);
    if (!(hi > lo))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': min-max of values that are all %g",
                          node->code, lo);
    double a = node->norm_params[0], b = node->norm_params[1];
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            x[i] = a + (x[i] - lo) / (hi - lo) * (b - a);
    return EGDI_OK;
}

static egdi_status norm_goalposts(const egdi__node *node, double *x, size_t n, double *work)
{
    (void)work;
    double lo = node->norm_params[0], hi = node->norm_params[1], scale = node->norm_params[2];
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            continue;
        double v = (x[i] - lo) / (hi - lo);
        x[i] = (v < 0 ? 0 : v > 1 ? 1 : v) * scale;
    }
    return EGDI_OK;
}

static egdi_status norm_fracmax(const egdi__node *node, double *x, size_t n, double *work)
{
    size_t m = compact(x, n, work);
    if (m < 1)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum with no values",
                          node->code);
    double mx = gsl_stats_max(work, 1, m);
    if (!(mx > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum needs a positive "
                          "maximum, got %g", node->code, mx);
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            x[i] /= mx;
    return EGDI_OK;
}

static const norm_fn norm_table[] = {
    [EGDI_NORM_NONE] = norm_none,       [EGDI_NORM_ZSCORE] = norm_zscore,
    [EGDI_NORM_MINMAX] = norm_minmax,   [EGDI_NORM_GOALPOSTS] = norm_goalposts,
    [EGDI_NORM_FRACMAX] = norm_fracmax,
};

egdi_status egdi__normalize(const egdi__node *node, double *x, size_t n, double *work)
{
    if ((unsigned)node->norm >= sizeof norm_table / sizeof *norm_table)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': unknown normalisation", node->code);
    return norm_table[node->norm](node, x, n, work);
}

egdi_status egdi__aggregate(egdi_agg agg, const double *const *children, const double *weights,
                            size_t n_children, size_t n, double *out)
{
    double wsum = 0;
    for (size_t c = 0; c < n_children; c++)
        wsum += weights[c];
    for (size_t i = 0; i < n; i++) {
        double acc = 0;
        int missing = 0, nonpos = 0;
        for (size_t c = 0; c < n_children; c++) {
            double v = children[c][i];
            if (isnan(v)) {
                missing = 1;
                break;
            }
            if (weights[c] == 0)
                continue;
            if (agg == EGDI_AGG_GEOMEAN) {
                if (!(v > 0)) {
                    nonpos = 1;
                    break;
                }
                acc += weights[c] * log(v);
            } else {
                acc += weights[c] * v;
            }
        }
        if (nonpos)
            return egdi__fail(EGDI_ERR_DOMAIN, "unit %zu: geometric mean of a value <= 0", i + 1);
        out[i] = missing ? NAN : agg == EGDI_AGG_GEOMEAN ? exp(acc / wsum) : acc / wsum;
    }
    return EGDI_OK;
}
